package org.loss4j.core.kernel;

/**
 * The softmax along one lane, {@code s_k = exp(x_k) / sum_j exp(x_j)}, computed as the exponent
 * of {@link LogSoftmax} so that it never overflows, and its vector-Jacobian product.
 *
 * <p>Lanes are addressed like {@link LogSoftmax}'s. With {@code +inf} among the values, the
 * infinite entries share the mass equally and the others get 0; a lane of only {@code -inf} gives
 * NaN, as in Keras.
 */
public final class Softmax {
  private Softmax() {}

  /** Writes the softmax of the lane into the same positions of {@code out}. */
  public static void apply(double[] values, int offset, int stride, int length, double[] out) {
    LogSoftmax.apply(values, offset, stride, length, out);
    for (int k = 0, i = offset; k < length; k++, i += stride) {
      out[i] = Math.exp(out[i]);
    }
  }

  /**
   * Writes the gradient with respect to the logits into {@code out}, given the softmax
   * {@code s} of the lane and the gradient {@code g} with respect to it:
   *
   * <pre>{@code d_j = s_j * (g_j - sum_k g_k * s_k)}</pre>
   *
   * @param softmax the lane after {@link #apply}
   * @param upstream {@code g}, at the same positions as the lane
   * @param out receives {@code d} at the same positions (overwritten, not accumulated)
   */
  public static void backward(double[] softmax, double[] upstream, int offset, int stride,
      int length, double[] out) {
    double dot = 0;
    for (int k = 0, i = offset; k < length; k++, i += stride) {
      if (softmax[i] != 0) {
        dot += upstream[i] * softmax[i];
      }
    }
    for (int k = 0, i = offset; k < length; k++, i += stride) {
      out[i] = softmax[i] == 0 ? 0.0 : softmax[i] * (upstream[i] - dot);
    }
  }
}
