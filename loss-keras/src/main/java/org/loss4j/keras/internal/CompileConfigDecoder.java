package org.loss4j.keras.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.loss4j.api.Loss;
import org.loss4j.api.registry.LossRegistry;

/**
 * Reads {@code loss} and {@code loss_weights} from a Keras {@code compile_config}.
 *
 * <p>The loss is one serialized loss (a name string or a {@code class_name} object), a list with
 * one entry per model output, or an object keyed by output name; a null entry leaves its output
 * without a loss, as in Keras. {@code loss_weights} is null (every weight 1.0), a number (for a
 * single loss), a list aligned with a list of losses, or an object keyed by output name (a
 * missing output weighs 1.0).
 *
 * <p>The structure and the weights are read first, for every output; the losses are built
 * afterwards, so that {@link #decodeEach} can keep an output whose loss cannot be built.
 */
public final class CompileConfigDecoder {
  private final LossDecoder losses;

  /** Returns a decoder that builds losses through {@code registry}. */
  public CompileConfigDecoder(LossRegistry registry) {
    this.losses = new LossDecoder(registry);
  }

  /**
   * Returns the losses of a compile configuration, in the order of the model's outputs.
   *
   * @param compileConfig the {@code compile_config} object
   * @param where its location
   * @param outputNames the model's output names in order, for a list of losses; empty when not
   *     known
   * @throws IllegalArgumentException naming the location and the key, for a configuration
   *     without a loss, a loss that cannot be built, or weights that do not match the losses
   */
  public List<OutputLoss> decode(JsonNode compileConfig, Location where, List<String> outputNames) {
    List<OutputLoss> result = new ArrayList<>();
    for (Slot slot : slots(compileConfig, where, outputNames)) {
      result.add(OutputLoss.available(slot.name, slot.index, build(slot), slot.weight));
    }
    return result;
  }

  /**
   * Returns every output of a compile configuration that has a loss, in the order of the
   * model's outputs, each with its loss or, when that loss cannot be built, the reason.
   *
   * @param compileConfig the {@code compile_config} object
   * @param where its location
   * @param outputNames the model's output names in order, for a list of losses; empty when not
   *     known
   * @throws IllegalArgumentException naming the location and the key, for a configuration
   *     without a loss or weights that do not match the losses
   */
  public List<OutputLoss> decodeEach(
      JsonNode compileConfig, Location where, List<String> outputNames) {
    List<OutputLoss> result = new ArrayList<>();
    for (Slot slot : slots(compileConfig, where, outputNames)) {
      try {
        result.add(OutputLoss.available(slot.name, slot.index, build(slot), slot.weight));
      } catch (IllegalArgumentException e) {
        result.add(OutputLoss.unavailable(slot.name, slot.index, e.getMessage(), slot.weight));
      }
    }
    return result;
  }

  /** One output with a loss, before the loss is built: where its loss is, and its weight. */
  private static final class Slot {
    final String name;
    final int index;
    final JsonNode loss;
    final Location at;
    final double weight;

    Slot(String name, int index, JsonNode loss, Location at, double weight) {
      this.name = name;
      this.index = index;
      this.loss = loss;
      this.at = at;
      this.weight = weight;
    }
  }

  private Loss build(Slot slot) {
    if (slot.loss.isArray() || (slot.loss.isObject() && !slot.loss.has("class_name"))) {
      throw slot.at.fail("nested structures of losses are not supported, expected a loss (a "
          + "name string or an object with class_name and config)");
    }
    return losses.decode(slot.loss, slot.at);
  }

  private static List<Slot> slots(
      JsonNode compileConfig, Location where, List<String> outputNames) {
    if (!compileConfig.isObject()) {
      throw where.fail("the model was saved without being compiled, expected an object holding "
          + "loss and loss_weights, got " + Json.describe(compileConfig));
    }
    Location lossAt = where.key("loss");
    Location weightsAt = where.key("loss_weights");
    JsonNode loss = compileConfig.path("loss");
    JsonNode weights = compileConfig.path("loss_weights");
    List<Slot> result;
    if (loss.isMissingNode() || loss.isNull()) {
      throw lossAt.fail("the model was compiled without a loss, expected a loss here");
    } else if (loss.isTextual() || (loss.isObject() && loss.has("class_name"))) {
      result = List.of(new Slot(outputNames.size() == 1 ? outputNames.get(0) : null, 0, loss,
          lossAt, singleWeight(weights, weightsAt)));
    } else if (loss.isArray()) {
      result = fromList(loss, lossAt, weights, weightsAt, outputNames);
    } else if (loss.isObject()) {
      result = fromObject(loss, lossAt, weights, weightsAt);
    } else {
      throw lossAt.fail("expected a loss, a list of losses or an object of losses keyed by "
          + "output name, got " + Json.describe(loss));
    }
    if (result.isEmpty()) {
      throw lossAt.fail("the model was compiled without a loss for any output, expected at "
          + "least one loss");
    }
    return result;
  }

  private static double singleWeight(JsonNode weights, Location where) {
    if (weights.isMissingNode() || weights.isNull()) {
      return 1.0;
    }
    if (weights.isArray() && weights.size() == 1) {
      return weight(weights.get(0), where.index(0));
    }
    if (weights.isObject() && weights.size() == 1) {
      String key = weights.fieldNames().next();
      return weight(weights.get(key), where.key(key));
    }
    if (weights.isNumber()) {
      return weight(weights, where);
    }
    throw where.fail("expected one weight for the single loss, got " + Json.describe(weights));
  }

  private static List<Slot> fromList(JsonNode loss, Location lossAt, JsonNode weights,
      Location weightsAt, List<String> outputNames) {
    boolean noWeights = weights.isMissingNode() || weights.isNull();
    if (!noWeights && !(weights.isArray() && weights.size() == loss.size())
        && !(weights.isObject() && !outputNames.isEmpty())) {
      throw weightsAt.fail("expected a list of " + loss.size() + " weights, one per loss, got "
          + Json.describe(weights));
    }
    if (weights.isObject()) {
      checkKeys(weights, weightsAt, outputNames);
    }
    List<Slot> result = new ArrayList<>();
    for (int i = 0; i < loss.size(); i++) {
      JsonNode item = loss.get(i);
      String name = i < outputNames.size() ? outputNames.get(i) : null;
      if (item.isNull()) {
        continue;
      }
      double weight = noWeights ? 1.0
          : weights.isArray() ? weight(weights.get(i), weightsAt.index(i))
          : weights.has(name) ? weight(weights.get(name), weightsAt.key(name)) : 1.0;
      result.add(new Slot(name, i, item, lossAt.index(i), weight));
    }
    return result;
  }

  private static List<Slot> fromObject(
      JsonNode loss, Location lossAt, JsonNode weights, Location weightsAt) {
    boolean noWeights = weights.isMissingNode() || weights.isNull();
    if (!noWeights && !weights.isObject()) {
      throw weightsAt.fail("expected an object of weights keyed by output name, as the losses "
          + "are, got " + Json.describe(weights));
    }
    List<String> names = new ArrayList<>();
    loss.fieldNames().forEachRemaining(names::add);
    if (!noWeights) {
      checkKeys(weights, weightsAt, names);
    }
    List<Slot> result = new ArrayList<>();
    int index = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = loss.fields(); it.hasNext(); index++) {
      Map.Entry<String, JsonNode> entry = it.next();
      String name = entry.getKey();
      JsonNode item = entry.getValue();
      if (item.isNull()) {
        continue;
      }
      double weight = !noWeights && weights.has(name)
          ? weight(weights.get(name), weightsAt.key(name)) : 1.0;
      result.add(new Slot(name, index, item, lossAt.key(name), weight));
    }
    return result;
  }

  private static void checkKeys(JsonNode weights, Location where, List<String> names) {
    for (Iterator<String> it = weights.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!names.contains(key)) {
        throw where.key(key).fail("no output of that name, expected one of " + names);
      }
    }
  }

  private static double weight(JsonNode node, Location where) {
    if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
      throw where.fail("expected a finite number, got " + Json.describe(node));
    }
    return node.doubleValue();
  }
}
