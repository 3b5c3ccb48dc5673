package org.loss4j.ctc.internal;

/**
 * The softmax probabilities of the frames of one sequence, in double, with one {@code Math.exp}
 * per class:
 *
 * <pre>{@code
 * p_t(k) = exp(x_t(k) - m_t) / sum_j exp(x_t(j) - m_t),   m_t = max_j x_t(j)
 * }</pre>
 *
 * <p>Frame {@code t} of the sequence starts at {@code offset + t * classes} in the logits and at
 * {@code t * classes} in the probabilities. A frame holding NaN or {@code +inf}, or only
 * {@code -inf}, has no finite softmax of this form; the methods then return false and the caller
 * uses the log-space recursion, whose rules for those values are the loss's. A {@code -inf} logit
 * among finite ones gets probability 0.
 */
final class FrameSoftmax {
  private FrameSoftmax() {}

  /**
   * Writes the probabilities of {@code frames} frames of float logits; false if one fails. The
   * logits are widened into {@code probs} first, and the double form works there in place.
   */
  static boolean of(float[] logits, int offset, int frames, int classes, double[] probs) {
    for (int i = 0; i < frames * classes; i++) {
      probs[i] = logits[offset + i];
    }
    return of(probs, 0, frames, classes, probs);
  }

  /**
   * Writes the probabilities of {@code frames} frames of double logits; false if one fails.
   * {@code probs} may be {@code logits} itself (with {@code offset} 0): each element is read
   * before it is written.
   */
  static boolean of(double[] logits, int offset, int frames, int classes, double[] probs) {
    for (int t = 0; t < frames; t++) {
      int in = offset + t * classes;
      int out = t * classes;
      double max = logits[in];
      for (int k = 1; k < classes; k++) {
        max = logits[in + k] > max ? logits[in + k] : max;
      }
      double sum = 0;
      for (int k = 0; k < classes; k++) {
        double e = Math.exp(logits[in + k] - max);
        probs[out + k] = e;
        sum += e;
      }
      if (!normalise(probs, out, classes, sum)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Divides one frame by its sum, which is at least 1 for finite logits (the maximum contributes
   * {@code exp(0)}); NaN, from NaN or an infinite maximum, fails the test.
   */
  private static boolean normalise(double[] probs, int out, int classes, double sum) {
    if (!(sum >= 1 && sum <= Double.MAX_VALUE)) {
      return false;
    }
    double scale = 1 / sum;
    for (int k = 0; k < classes; k++) {
      probs[out + k] *= scale;
    }
    return true;
  }
}
