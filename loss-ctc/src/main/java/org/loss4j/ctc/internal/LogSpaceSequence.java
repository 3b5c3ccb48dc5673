package org.loss4j.ctc.internal;

import java.util.Arrays;
import org.loss4j.core.kernel.LogSoftmax;

/**
 * Evaluates one sequence with the log-space recursion ({@link ForwardBackward}): the loss's
 * reference rules for NaN, infinite logits, alignments of probability 0, and the sequences whose
 * probabilities leave the range of the scaled recursion ({@link ScaledRecursion}).
 *
 * <p>Rare by design, so it allocates its scratch space per call.
 */
final class LogSpaceSequence {
  private LogSpaceSequence() {}

  /**
   * Returns {@code -log P(label)} of the first {@code frames} frames at {@code offset} of
   * {@code logits} and, when {@code gradient} is not null, writes
   * {@code upstream * d(-log P) / d logits} into its first {@code frames * classes} entries,
   * under the rules of {@link ForwardBackward#gradient}.
   */
  static double evaluate(
      double[] logits, int offset, int frames, int classes, int blank, int[] label,
      double upstream, boolean zeroInfinity, double[] gradient) {
    double[] logProbs = new double[frames * classes];
    for (int t = 0; t < frames; t++) {
      System.arraycopy(logits, offset + t * classes, logProbs, t * classes, classes);
      LogSoftmax.apply(logProbs, t * classes, 1, classes, logProbs);
    }
    boolean withBeta = gradient != null;
    ForwardBackward recursion = new ForwardBackward(classes, blank, frames, label.length,
        withBeta);
    if (!withBeta) {
      return recursion.negLogLikelihood(logProbs, 0, frames, label);
    }
    Arrays.fill(gradient, 0, frames * classes, 0.0);
    return recursion.gradient(logProbs, 0, frames, label, upstream, zeroInfinity, gradient);
  }

  /** As {@link #evaluate(double[], int, int, int, int, int[], double, boolean, double[])}. */
  static double evaluate(
      float[] logits, int offset, int frames, int classes, int blank, int[] label,
      double upstream, boolean zeroInfinity, double[] gradient) {
    double[] widened = new double[frames * classes];
    for (int i = 0; i < widened.length; i++) {
      widened[i] = logits[offset + i];
    }
    return evaluate(widened, 0, frames, classes, blank, label, upstream, zeroInfinity,
        gradient);
  }
}
