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

  /**
   * Writes the gradient with respect to the logits into {@code out}, given the log-softmax
   * {@code l} of the lane and the gradient {@code g} with respect to it:
   *
   * <pre>{@code d_j = g_j - exp(l_j) * sum_k g_k}</pre>
   *
   * <p>For a cross-entropy {@code -sum_k t_k * l_k}, {@code g = -t} and this is the familiar
   * {@code softmax_j * sum(t) - t_j}.
   *
   * @param logSoftmax the lane after {@link #apply}
   * @param upstream {@code g}, at the same positions as the lane
   * @param out receives {@code d} at the same positions (overwritten, not accumulated)
   */
  public static void backward(double[] logSoftmax, double[] upstream, int offset, int stride,
      int length, double[] out) {
    double total = 0;
    for (int k = 0, i = offset; k < length; k++, i += stride) {
      total += upstream[i];
    }
    for (int k = 0, i = offset; k < length; k++, i += stride) {
      double share = Math.exp(logSoftmax[i]);
      out[i] = share == 0 ? upstream[i] : upstream[i] - share * total;
    }
  }
}
