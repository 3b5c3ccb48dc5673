package org.loss4j.cli.io;

import java.util.Locale;
import org.loss4j.api.DType;

/**
 * Formats and parses the numbers of every text format: the shortest text that reads back to the
 * same value, and {@code NaN}, {@code Infinity}, {@code -Infinity} for the non-finite ones.
 */
public final class Numbers {
  private Numbers() {}

  /**
   * Returns the shortest decimal text of a value of the given dtype: float32 values are written as
   * floats ({@code 0.59607387}, not {@code 0.5960738658905029}); non-finite values as
   * {@code NaN}, {@code Infinity} and {@code -Infinity}.
   */
  public static String format(double value, DType dtype) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    switch (dtype) {
      case FLOAT32:
        return Float.toString((float) value);
      case INT32:
        return Long.toString((long) value);
      default:
        return Double.toString(value);
    }
  }

  /** Returns whether {@link #format} would write a string rather than a JSON number. */
  public static boolean isNonFinite(double value) {
    return Double.isNaN(value) || Double.isInfinite(value);
  }

  /**
   * Parses a number, accepting {@code NaN}, {@code Infinity}, {@code -Infinity}, {@code nan},
   * {@code inf} and {@code -inf}.
   *
   * @throws NumberFormatException if the text is not a number
   */
  public static double parse(String text) {
    String trimmed = text.trim();
    switch (trimmed.toLowerCase(Locale.ROOT)) {
      case "nan":
        return Double.NaN;
      case "inf":
      case "+inf":
      case "infinity":
      case "+infinity":
        return Double.POSITIVE_INFINITY;
      case "-inf":
      case "-infinity":
        return Double.NEGATIVE_INFINITY;
      default:
        if (trimmed.isEmpty() || !Character.isDigit(trimmed.charAt(trimmed.length() - 1))
            && trimmed.charAt(trimmed.length() - 1) != '.') {
          throw new NumberFormatException("not a number: \"" + trimmed + "\"");
        }
        return Double.parseDouble(trimmed);
    }
  }
}
