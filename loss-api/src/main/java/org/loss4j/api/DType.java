package org.loss4j.api;

import java.util.Locale;

/**
 * Names the element type of a {@link Tensor} and the compute type of a {@link Loss}.
 *
 * <p>Losses compute in {@link #FLOAT32} (the Keras default) or {@link #FLOAT64}. {@link #INT32}
 * holds integer labels for the sparse and CTC losses; it is never a loss's compute type.
 */
public enum DType {
  /** IEEE 754 single precision, Keras's {@code "float32"}. */
  FLOAT32("float32"),
  /** IEEE 754 double precision, Keras's {@code "float64"}. */
  FLOAT64("float64"),
  /** 32-bit signed integers, Keras's {@code "int32"}; labels only. */
  INT32("int32");

  private final String kerasName;

  DType(String kerasName) {
    this.kerasName = kerasName;
  }

  /** Returns the Keras spelling of this type, such as {@code "float32"}. */
  public String kerasName() {
    return kerasName;
  }

  /** Returns whether this type holds floating-point values. */
  public boolean isFloating() {
    return this != INT32;
  }

  /**
   * Returns the compute type a loss's {@code dtype} argument names.
   *
   * <p>{@code null} means {@link #FLOAT32}, Keras's {@code floatx()} default. Matching ignores
   * case. float16, bfloat16 and mixed policies are refused (not supported yet).
   *
   * @param dtype {@code "float32"}, {@code "float64"} or null
   * @throws IllegalArgumentException for any other value
   */
  public static DType parseCompute(String dtype) {
    if (dtype == null) {
      return FLOAT32;
    }
    switch (dtype.toLowerCase(Locale.ROOT)) {
      case "float32":
        return FLOAT32;
      case "float64":
        return FLOAT64;
      default:
        throw new IllegalArgumentException(
            "dtype must be one of [float32, float64], got " + dtype);
    }
  }

  /**
   * Rounds a value to this type: to the nearest float for {@link #FLOAT32}, unchanged otherwise.
   */
  public double round(double value) {
    return this == FLOAT32 ? (double) (float) value : value;
  }
}
