package org.loss4j.keras.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.loss4j.api.spi.ParameterSpec;
import org.loss4j.api.spi.ParameterType;

/**
 * Turns one JSON config value into the canonical value of a loss parameter, strictly by JSON
 * type.
 *
 * <p>The registry accepts strings for every type ({@code "true"}, {@code "0.25"}) because command
 * lines only have strings. Keras writes JSON booleans, numbers and lists, so here a string where
 * a boolean or a number belongs is ill-typed and refused, naming the key. Two lenient readings
 * follow Keras: a {@code DTypePolicy} object for {@code dtype} stands for its policy name, and a
 * null {@code name} (Keras's {@code name=None}) means the default name.
 */
public final class ParameterReader {
  private ParameterReader() {}

  /**
   * Returns whether a config entry should be left to its default: a null {@code name}.
   *
   * @param spec the parameter
   * @param node the JSON value
   */
  public static boolean meansDefault(ParameterSpec spec, JsonNode node) {
    return node.isNull() && spec.name().equals("name");
  }

  /**
   * Returns the canonical value of a parameter from its JSON value.
   *
   * @param owner the loss class name, for messages
   * @param spec the parameter's description
   * @param node the JSON value
   * @param where the location of the value
   * @throws IllegalArgumentException naming the location if the value has the wrong JSON type or
   *     is not valid for the parameter
   */
  public static Object read(String owner, ParameterSpec spec, JsonNode node, Location where) {
    Object raw = node.isNull() ? null : raw(owner, spec, node, where);
    try {
      return spec.coerce(raw);
    } catch (IllegalArgumentException e) {
      throw where.fail(owner + ": " + e.getMessage(), e);
    }
  }

  private static Object raw(String owner, ParameterSpec spec, JsonNode node, Location where) {
    ParameterType type = spec.type();
    switch (type) {
      case BOOLEAN:
        if (node.isBoolean()) {
          return node.booleanValue();
        }
        break;
      case INTEGER:
      case DOUBLE:
        if (node.isNumber()) {
          return node.numberValue();
        }
        break;
      case DOUBLE_OR_LIST:
        if (node.isNumber()) {
          return node.numberValue();
        }
        if (node.isArray()) {
          return numbers(owner, spec, node, where);
        }
        break;
      case DTYPE:
        if (node.isObject() && "DTypePolicy".equals(node.path("class_name").asText(null))) {
          JsonNode policy = node.path("config").path("name");
          if (policy.isTextual()) {
            return policy.textValue();
          }
        }
        if (node.isTextual()) {
          return node.textValue();
        }
        break;
      default:
        if (node.isTextual()) {
          return node.textValue();
        }
        break;
    }
    throw illTyped(owner, spec, node, where);
  }

  private static List<Object> numbers(
      String owner, ParameterSpec spec, JsonNode array, Location where) {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      JsonNode item = array.get(i);
      if (!item.isNumber()) {
        throw where.index(i).fail(String.format("%s: %s must hold numbers, got %s", owner,
            spec.name(), Json.describe(item)));
      }
      values.add(item.numberValue());
    }
    return values;
  }

  private static IllegalArgumentException illTyped(
      String owner, ParameterSpec spec, JsonNode node, Location where) {
    return where.fail(String.format("%s: %s must be %s, got %s", owner, spec.name(),
        spec.type().expected(), Json.describe(node)));
  }
}
