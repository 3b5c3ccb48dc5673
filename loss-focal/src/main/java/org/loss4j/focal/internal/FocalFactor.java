package org.loss4j.focal.internal;

/**
 * The focal factor {@code m^gamma} of a miss {@code m = 1 - p_t}, and its derivative, with the
 * conventions at {@code m = 0} that keep {@code gamma = 0} identical to plain cross-entropy.
 */
public final class FocalFactor {
  private FocalFactor() {}

  /**
   * Returns {@code m^gamma}; {@code 0^0 = 1}, so {@code gamma = 0} leaves the cross-entropy
   * unchanged even where the prediction is exactly right. NaN gives NaN.
   *
   * @param miss {@code 1 - p_t}, normally in {@code [0, 1]}
   * @param gamma the focusing parameter, {@code >= 0}
   */
  public static double value(double miss, double gamma) {
    return Math.pow(miss, gamma);
  }

  /**
   * Returns {@code d(m^gamma)/dm = gamma * m^(gamma - 1)}: 0 for {@code gamma = 0} (the factor is
   * the constant 1), 1 at {@code m = 0} for {@code gamma = 1}, 0 there for {@code gamma > 1} and
   * {@code +inf} there for {@code 0 < gamma < 1}, as automatic differentiation gives.
   */
  public static double derivative(double miss, double gamma) {
    if (gamma == 0) {
      return Double.isNaN(miss) ? Double.NaN : 0.0;
    }
    return gamma * Math.pow(miss, gamma - 1);
  }

  /**
   * Returns {@code a * b * c}, but 0 when one factor is exactly 0 and none is NaN: the chain rule
   * through {@code m^gamma} at {@code m = 0} meets an infinite derivative times a vanishing
   * cross-entropy, whose limit is 0.
   */
  public static double product(double a, double b, double c) {
    boolean zero = a == 0 || b == 0 || c == 0;
    boolean nan = Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c);
    return zero && !nan ? 0.0 : a * b * c;
  }
}
