package org.loss4j.ctc.internal;

/**
 * Adds probabilities held as natural logarithms without leaving log space, so that products of
 * hundreds of frame probabilities neither underflow nor lose precision.
 *
 * <p>{@code -inf} stands for probability 0 and is the identity of {@link #add}; NaN propagates.
 */
public final class LogSpace {
  private static final double NEG_INF = Double.NEGATIVE_INFINITY;

  private LogSpace() {}

  /** Returns {@code log(exp(a) + exp(b))}, exactly {@code -inf} when both are {@code -inf}. */
  public static double add(double a, double b) {
    if (a == NEG_INF) {
      return b;
    }
    if (b == NEG_INF) {
      return a;
    }
    return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
  }

  /** Returns {@code log(exp(a) + exp(b) + exp(c))}, exactly {@code -inf} when all three are. */
  public static double add(double a, double b, double c) {
    double max = Math.max(a, Math.max(b, c));
    if (max == NEG_INF || Double.isNaN(max)) {
      return max;
    }
    // The largest term contributes exp(0) = 1; only the other two need an exp.
    if (max == a) {
      return a + Math.log1p(Math.exp(b - a) + Math.exp(c - a));
    }
    return max == b
        ? b + Math.log1p(Math.exp(a - b) + Math.exp(c - b))
        : c + Math.log1p(Math.exp(a - c) + Math.exp(b - c));
  }
}
