package org.loss4j.core.kernel;

/**
 * Numerically stable logistic functions and the element-wise binary cross-entropy, shared by the
 * binary losses.
 */
public final class Logistic {
  private Logistic() {}

  /** Returns {@code 1 / (1 + exp(-x))} without overflow for any {@code x}. */
  public static double sigmoid(double x) {
    if (x >= 0) {
      return 1.0 / (1.0 + Math.exp(-x));
    }
    double e = Math.exp(x);
    return e / (1.0 + e);
  }

  /**
   * Returns the cross-entropy of a target {@code t} against the logit {@code x}, exactly and
   * stably:
   *
   * <pre>{@code max(x, 0) - x * t + log1p(exp(-|x|))}</pre>
   *
   * <p>taken as {@code x * (1 - t)} (or {@code -x * t} below 0) plus the logarithm, so that a
   * target near 1 with a large logit does not cancel.
   *
   * <p>A logit of +100 with a target of 0 costs 100. Infinite logits give 0 or +inf, never NaN:
   * {@code x = +inf} costs {@code +inf} unless {@code t = 1}, where it costs 0. NaN in either
   * argument gives NaN.
   */
  public static double crossentropyFromLogit(double t, double x) {
    if (Double.isInfinite(x) && !Double.isNaN(t)) {
      double wrongness = x > 0 ? 1.0 - t : t;
      return wrongness == 0 ? 0.0 : Double.POSITIVE_INFINITY;
    }
    double linear = x >= 0 ? x * (1.0 - t) : -x * t;
    return linear + Math.log1p(Math.exp(-Math.abs(x)));
  }

  /**
   * Returns {@code d crossentropyFromLogit(t, x) / dx = sigmoid(x) - t}, as
   * {@code (1 - t) - q} for {@code x >= 0} and {@code q - t} below, with
   * {@code q = e / (1 + e)}, {@code e = exp(-|x|)}: the small side of the sigmoid, so that a
   * confident prediction of its own target keeps its digits instead of cancelling against 1.
   */
  public static double crossentropyFromLogitDerivative(double t, double x) {
    double e = Math.exp(-Math.abs(x));
    double q = e / (1.0 + e);
    return x >= 0 ? (1.0 - t) - q : q - t;
  }


  /**
   * Returns the cross-entropy of a target {@code t} against a probability {@code p} clipped to
   * {@code [lower, upper]}:
   *
   * <pre>{@code -(t * log(q) + (1 - t) * log(1 - q)),  q = clip(p, lower, upper)}</pre>
   */
  public static double crossentropyFromProbability(double t, double p, double lower,
      double upper) {
    double q = Clipping.clip(p, lower, upper);
    return -(t * Math.log(q) + (1.0 - t) * Math.log(1.0 - q));
  }

  /**
   * Returns {@code d crossentropyFromProbability(t, p) / dp}: {@code (q - t) / (q * (1 - q))}
   * inside the bounds, 0 where the clip is active.
   */
  public static double crossentropyFromProbabilityDerivative(double t, double p, double lower,
      double upper) {
    if (!Clipping.passesGradient(p, lower, upper)) {
      return Double.isNaN(p) ? Double.NaN : 0.0;
    }
    return -t / p + (1.0 - t) / (1.0 - p);
  }
}
