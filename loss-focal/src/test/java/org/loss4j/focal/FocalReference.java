package org.loss4j.focal;

/**
 * A deliberately naive re-statement of the focal formulas of the semantics file (§3 with P1, §5),
 * written with plain {@link Math} on two-dimensional arrays whose last axis is the class axis,
 * so that tests have expected values computed independently of the loss's kernels.
 */
final class FocalReference {
  /** The float32 lower clip bound, semantics file §0. */
  static final double LOWER_FLOAT32 = 1.0000000116860974e-07;

  /** The float32 upper clip bound, semantics file §0. */
  static final double UPPER_FLOAT32 = 0.99999988079071044921875;

  /** The float64 lower clip bound, semantics file §0. */
  static final double LOWER_FLOAT64 = 1e-7;

  /** The float64 upper clip bound, semantics file §0. */
  static final double UPPER_FLOAT64 = 0.9999999;

  private FocalReference() {}

  /**
   * Returns the per-row binary focal cross-entropy (mean over the last axis) of §3, with the exact
   * logits cross-entropy of P1.
   */
  static double[] binary(double[][] y, double[][] x, boolean fromLogits, double gamma,
      boolean balancing, double alpha, double smoothing, double lower, double upper) {
    double[] rows = new double[y.length];
    for (int n = 0; n < y.length; n++) {
      double sum = 0;
      for (int c = 0; c < y[n].length; c++) {
        double t = y[n][c] * (1 - smoothing) + 0.5 * smoothing;
        double p;
        double ce;
        if (fromLogits) {
          double logit = x[n][c];
          p = 1 / (1 + Math.exp(-logit));
          ce = Math.max(logit, 0) - logit * t + Math.log(1 + Math.exp(-Math.abs(logit)));
        } else {
          p = x[n][c];
          double q = Math.min(Math.max(p, lower), upper);
          ce = -(t * Math.log(q) + (1 - t) * Math.log(1 - q));
        }
        double pt = t * p + (1 - t) * (1 - p);
        double focal = Math.pow(1 - pt, gamma) * ce;
        if (balancing) {
          focal *= t * alpha + (1 - t) * (1 - alpha);
        }
        sum += focal;
      }
      rows[n] = sum / y[n].length;
    }
    return rows;
  }

  /** Returns the per-row categorical focal cross-entropy of §5 (class axis last). */
  static double[] categorical(double[][] y, double[][] x, boolean fromLogits, double gamma,
      double[] alpha, double smoothing, double lower, double upper) {
    double[] rows = new double[y.length];
    for (int n = 0; n < y.length; n++) {
      int classes = y[n].length;
      double[] q = x[n].clone();
      if (fromLogits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double value : q) {
          max = Math.max(max, value);
        }
        double total = 0;
        for (int c = 0; c < classes; c++) {
          q[c] = Math.exp(q[c] - max);
          total += q[c];
        }
        for (int c = 0; c < classes; c++) {
          q[c] /= total;
        }
      }
      double sum = 0;
      for (double value : q) {
        sum += value;
      }
      double loss = 0;
      for (int c = 0; c < classes; c++) {
        double t = y[n][c] * (1 - smoothing) + smoothing / classes;
        double o = Math.min(Math.max(q[c] / sum, lower), upper);
        loss += alpha[c] * Math.pow(1 - o, gamma) * (-t * Math.log(o));
      }
      rows[n] = loss;
    }
    return rows;
  }

  /** Returns {@code value} repeated {@code count} times. */
  static double[] repeat(double value, int count) {
    double[] values = new double[count];
    java.util.Arrays.fill(values, value);
    return values;
  }
}
