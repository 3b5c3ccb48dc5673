package org.loss4j.core.kernel;

import org.loss4j.api.DType;

/**
 * The probability clipping bounds Keras uses, {@code [eps, 1 - eps]} with {@code eps = 1e-7},
 * as the values of the loss dtype.
 *
 * <p>In float32 the bounds are the float32 roundings of {@code 1e-7} and {@code 1 - 1e-7}:
 * {@code 1.0000000116860974e-7} and {@code 0.99999988079071044921875}, so a saturated
 * cross-entropy term costs {@code 16.118095} at the lower bound and {@code 15.942385} at the
 * upper one. In float64 they are exactly {@code 1e-7} and {@code 0.9999999}.
 */
public final class Clipping {
  /** Keras's {@code backend.epsilon()}. */
  public static final double EPSILON = 1e-7;

  private static final double LOWER_FLOAT32 = (float) EPSILON;
  private static final double UPPER_FLOAT32 = (float) (1.0 - EPSILON);

  private Clipping() {}

  /** Returns {@code eps} in the dtype. */
  public static double lower(DType dtype) {
    return dtype == DType.FLOAT32 ? LOWER_FLOAT32 : EPSILON;
  }

  /** Returns {@code 1 - eps} in the dtype. */
  public static double upper(DType dtype) {
    return dtype == DType.FLOAT32 ? UPPER_FLOAT32 : 1.0 - EPSILON;
  }

  /** Returns {@code min(max(value, lower), upper)}; NaN stays NaN. */
  public static double clip(double value, double lower, double upper) {
    if (Double.isNaN(value)) {
      return value;
    }
    return Math.min(Math.max(value, lower), upper);
  }

  /**
   * Returns whether {@link #clip} passes gradient through at {@code value}: true strictly inside
   * the bounds and, as automatic differentiation of {@code clip} does, at the bounds themselves.
   */
  public static boolean passesGradient(double value, double lower, double upper) {
    return value >= lower && value <= upper;
  }
}
