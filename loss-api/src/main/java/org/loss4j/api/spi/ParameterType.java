package org.loss4j.api.spi;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loss4j.api.DType;
import org.loss4j.api.Reduction;

/**
 * The type of a loss parameter, and how a raw value (from Java, JSON or a command line) becomes
 * the canonical value a {@link org.loss4j.api.LossConfig} holds.
 */
public enum ParameterType {
  /** {@code true} or {@code false}; the strings {@code "true"} and {@code "false"} too. */
  BOOLEAN("a boolean"),
  /** A whole number in the int range, held as {@link Integer}. */
  INTEGER("an integer"),
  /** A finite or infinite number, held as {@link Double}. */
  DOUBLE("a number"),
  /**
   * A number or a list of numbers, held as {@link Double} or {@code List<Double>}; a list may
   * also come as a Java array or a string such as {@code "0.2,0.3"} or {@code "[0.2, 0.3]"}.
   */
  DOUBLE_OR_LIST("a number or a list of numbers"),
  /** Any string. */
  STRING("a string"),
  /** A Keras reduction string ({@link Reduction}), held in its Keras spelling. */
  REDUCTION("one of " + Reduction.allowedNames() + " or null"),
  /** {@code "float32"} or {@code "float64"}; null means {@code "float32"}. */
  DTYPE("one of [float32, float64]");

  private final String expected;

  ParameterType(String expected) {
    this.expected = expected;
  }

  /** Returns what a valid value looks like, for messages: {@code "a number"}. */
  public String expected() {
    return expected;
  }

  /**
   * Returns the canonical form of a raw value.
   *
   * @param raw the value as given; strings are parsed
   * @return a {@link Boolean}, {@link Integer}, {@link Double}, {@code List<Double>} or
   *     {@link String}, or null for a null raw value where null is meaningful
   * @throws IllegalArgumentException with a message stating what was expected
   */
  public Object coerce(Object raw) {
    switch (this) {
      case BOOLEAN:
        return toBoolean(raw);
      case INTEGER:
        return toInteger(raw);
      case DOUBLE:
        return toDouble(raw);
      case DOUBLE_OR_LIST:
        return toDoubleOrList(raw);
      case STRING:
        return raw instanceof String ? raw : fail(raw);
      case REDUCTION:
        if (raw == null) {
          return null;
        }
        return raw instanceof String ? toReduction((String) raw) : fail(raw);
      default:
        if (raw != null && !(raw instanceof String)) {
          return fail(raw);
        }
        return toDType((String) raw);
    }
  }

  private Object toReduction(String raw) {
    try {
      return Reduction.parse(raw).kerasName();
    } catch (IllegalArgumentException e) {
      return fail(raw);
    }
  }

  private Object toDType(String raw) {
    try {
      return DType.parseCompute(raw).kerasName();
    } catch (IllegalArgumentException e) {
      return fail(raw);
    }
  }

  private Object toBoolean(Object raw) {
    if (raw instanceof Boolean) {
      return raw;
    }
    if (raw instanceof String) {
      String text = ((String) raw).trim().toLowerCase(Locale.ROOT);
      if (text.equals("true") || text.equals("false")) {
        return Boolean.valueOf(text);
      }
    }
    return fail(raw);
  }

  private Object toInteger(Object raw) {
    Double value = raw instanceof String ? parse((String) raw) : number(raw);
    if (value == null || value != Math.rint(value) || value < Integer.MIN_VALUE
        || value > Integer.MAX_VALUE) {
      return fail(raw);
    }
    return value.intValue();
  }

  private Object toDouble(Object raw) {
    Double value = raw instanceof String ? parse((String) raw) : number(raw);
    return value == null ? fail(raw) : value;
  }

  private Object toDoubleOrList(Object raw) {
    if (raw instanceof String) {
      String text = ((String) raw).trim();
      boolean bracketed = text.startsWith("[") && text.endsWith("]");
      if (bracketed) {
        text = text.substring(1, text.length() - 1);
      }
      if (bracketed || text.contains(",")) {
        return toList(List.of(text.split(",", -1)), raw);
      }
    }
    if (raw instanceof List) {
      return toList((List<?>) raw, raw);
    }
    if (raw != null && raw.getClass().isArray()) {
      List<Object> boxed = new ArrayList<>();
      for (int i = 0; i < Array.getLength(raw); i++) {
        boxed.add(Array.get(raw, i));
      }
      return toList(boxed, raw);
    }
    return toDouble(raw);
  }

  private Object toList(List<?> items, Object raw) {
    List<Double> values = new ArrayList<>();
    for (Object item : items) {
      Double value = item instanceof String ? parse((String) item) : number(item);
      if (value == null) {
        return fail(raw);
      }
      values.add(value);
    }
    return List.copyOf(values);
  }

  private static Double number(Object raw) {
    return raw instanceof Number ? ((Number) raw).doubleValue() : null;
  }

  private static Double parse(String text) {
    try {
      return Double.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private Object fail(Object raw) {
    String received = raw == null ? "null"
        : raw instanceof String ? "\"" + raw + "\""
        : Arrays.deepToString(new Object[] {raw}).replaceAll("^\\[|\\]$", "") + " ("
            + typeName(raw) + ")";
    throw new IllegalArgumentException("expected " + expected + ", got " + received);
  }

  /** Names a value's type for messages; collections by their interface, not {@code ListN}. */
  private static String typeName(Object raw) {
    return raw instanceof List ? "List" : raw instanceof Map ? "Map"
        : raw.getClass().getSimpleName();
  }
}
