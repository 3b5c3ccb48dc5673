package org.loss4j.core.kernel;

/**
 * The log-softmax along one axis of a row-major array, computed stably with the log-sum-exp of
 * the shifted values: {@code log_softmax(x)_k = x_k - max(x) - log(sum_j exp(x_j - max(x)))}.
 *
 * <p>An axis is addressed by its start offset, its stride and its length, so any axis of any rank
 * can be processed in place of a copy. With {@code +inf} among the values, the infinite entries get
 * 0 (shared equally if several) and the others {@code -inf}; with all values {@code -inf}, every
 * entry is NaN, as in Keras.
 */
public final class LogSoftmax {
  private LogSoftmax() {}

  /**
   * Writes the log-softmax of {@code values[offset + k * stride]}, {@code k < length}, into the
   * same positions of {@code out}.
   */
  public static void apply(double[] values, int offset, int stride, int length, double[] out) {
    double max = Double.NEGATIVE_INFINITY;
    int infinities = 0;
    for (int k = 0, i = offset; k < length; k++, i += stride) {
      max = Math.max(max, values[i]);
      if (values[i] == Double.POSITIVE_INFINITY) {
        infinities++;
      }
    }
    if (infinities > 0) {
      double share = -Math.log(infinities);
      for (int k = 0, i = offset; k < length; k++, i += stride) {
        out[i] = values[i] == Double.POSITIVE_INFINITY ? share : Double.NEGATIVE_INFINITY;
      }
      return;
    }
    double sum = 0;
    for (int k = 0, i = offset; k < length; k++, i += stride) {
      sum += Math.exp(values[i] - max);
    }
    double logSum = max + Math.log(sum);
    for (int k = 0, i = offset; k < length; k++, i += stride) {
      out[i] = values[i] - logSum;
    }
  }
}
