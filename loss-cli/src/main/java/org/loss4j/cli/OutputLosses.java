package org.loss4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.loss4j.api.Loss;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.cli.io.JsonArrays;
import org.loss4j.keras.KerasLossReader;

/**
 * Reads the losses of a {@code .keras} file one output at a time, for {@code inspect} when the
 * model as a whole cannot be read: an output whose loss cannot be built is kept with the reason,
 * so that the others still show.
 */
final class OutputLosses {
  private static final String CONFIG_ENTRY = "config.json";

  /** One output: its loss, or why it is unavailable. */
  static final class Entry {
    final String label;
    final double weight;
    final Loss loss;
    final String problem;

    private Entry(String label, double weight, Loss loss, String problem) {
      this.label = label;
      this.weight = weight;
      this.loss = loss;
      this.problem = problem;
    }
  }

  private OutputLosses() {}

  /**
   * Returns one entry per output with a loss, in the model's order.
   *
   * @throws IllegalArgumentException naming the file if its configuration cannot be read at all
   */
  static List<Entry> read(Path model, LossRegistry registry) throws IOException {
    JsonNode config = readConfig(model);
    JsonNode compile = config.path("compile_config");
    JsonNode losses = compile.path("loss");
    JsonNode weights = compile.path("loss_weights");
    List<Entry> entries = new ArrayList<>();
    if (losses.isArray()) {
      JsonNode outputs = config.path("config").path("output_layers");
      for (int i = 0; i < losses.size(); i++) {
        String name = outputs.path(i).path(0).asText(null);
        String label = i + (name == null ? "" : ": " + name);
        add(entries, label, losses.get(i), weights.path(i), registry);
      }
    } else if (losses.isObject() && !losses.has("class_name")) {
      int index = 0;
      for (Iterator<Map.Entry<String, JsonNode>> it = losses.fields(); it.hasNext(); index++) {
        Map.Entry<String, JsonNode> output = it.next();
        add(entries, index + ": " + output.getKey(), output.getValue(),
            weights.path(output.getKey()), registry);
      }
    } else {
      add(entries, "0", losses, weights, registry);
    }
    return entries;
  }

  private static void add(List<Entry> entries, String label, JsonNode loss, JsonNode weight,
      LossRegistry registry) {
    if (loss.isMissingNode() || loss.isNull()) {
      return;
    }
    double value = weight.isNumber() ? weight.doubleValue() : 1.0;
    try {
      entries.add(new Entry(label, value, KerasLossReader.fromJson(loss.toString(), registry),
          null));
    } catch (IllegalArgumentException e) {
      entries.add(new Entry(label, value, null, e.getMessage()));
    }
  }

  private static JsonNode readConfig(Path model) throws IOException {
    try (ZipFile zip = new ZipFile(model.toFile())) {
      ZipEntry entry = zip.getEntry(CONFIG_ENTRY);
      if (entry == null) {
        throw new IllegalArgumentException(model + ": no " + CONFIG_ENTRY
            + ", expected a model saved by Keras 3");
      }
      try (InputStream in = zip.getInputStream(entry)) {
        JsonNode root = JsonArrays.readValue(new InputStreamReader(in, StandardCharsets.UTF_8));
        if (root == null || !root.isObject()) {
          throw new IllegalArgumentException(
              model + ": " + CONFIG_ENTRY + " is not an object, expected a model configuration");
        }
        return root;
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(model + ": " + CONFIG_ENTRY + ": " + e.getMessage(), e);
      }
    } catch (java.util.zip.ZipException e) {
      throw new IllegalArgumentException(model + ": not a zip archive, expected a .keras file", e);
    }
  }
}
