package org.loss4j.core.kernel;

/**
 * Divides the values of one lane by their sum, as Keras's categorical losses do with
 * probabilities before clipping them, {@code o_k = p_k / S} with {@code S = sum_j p_j}, and
 * back-propagates through that division.
 *
 * <p>A lane is addressed like {@link LogSoftmax}'s: a start offset, a stride and a length (see
 * {@link ClassAxis}). A lane summing to 0 gives {@code 0 / 0 = NaN} entries; the losses refuse such
 * lanes before calling this kernel. NaN in a lane makes the whole lane NaN.
 */
public final class Renormalization {
  private Renormalization() {}

  /**
   * Writes {@code values[i] / S} into {@code out[i]} for every position {@code i} of the lane and
   * returns {@code S}, the sum of the lane.
   */
  public static double apply(double[] values, int offset, int stride, int length, double[] out) {
    double sum = sum(values, offset, stride, length);
    for (int k = 0, i = offset; k < length; k++, i += stride) {
      out[i] = values[i] / sum;
    }
    return sum;
  }

  /** Returns the sum of the lane. */
  public static double sum(double[] values, int offset, int stride, int length) {
    double sum = 0;
    for (int k = 0, i = offset; k < length; k++, i += stride) {
      sum += values[i];
    }
    return sum;
  }

  /**
   * Writes the vector-Jacobian product of the renormalisation into {@code out}: given the
   * gradient {@code g} of some objective with respect to the renormalised lane {@code o}, the
   * gradient with respect to the original values is
   *
   * <pre>{@code d_j = (g_j - sum_k g_k * o_k) / S}</pre>
   *
   * <p>because {@code d o_k / d p_j = (delta_kj - o_k) / S}. It vanishes along the direction that
   * only rescales the lane, so rows that already sum to 1 still get the correction.
   *
   * @param normalised the lane after {@link #apply}, {@code o}
   * @param sum the sum {@link #apply} returned, {@code S}
   * @param upstream {@code g}, at the same positions as the lane
   * @param out receives {@code d} at the same positions (overwritten, not accumulated)
   */
  public static void backward(double[] normalised, double sum, double[] upstream, int offset,
      int stride, int length, double[] out) {
    double dot = 0;
    for (int k = 0, i = offset; k < length; k++, i += stride) {
      if (upstream[i] != 0) {
        dot += upstream[i] * normalised[i];
      }
    }
    for (int k = 0, i = offset; k < length; k++, i += stride) {
      out[i] = (upstream[i] - dot) / sum;
    }
  }
}
