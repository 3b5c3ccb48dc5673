package org.loss4j.ctc;

import org.loss4j.core.kernel.LogSoftmax;
import org.loss4j.ctc.internal.ForwardBackward;

/**
 * The CTC loss and gradient as loss4j computed them before the scaled recursion: the log-softmax
 * of every frame, then the log-space recursion ({@link ForwardBackward}) of every sequence, with
 * an upstream gradient of 1. The tests' reference for the fast path.
 */
final class LogSpaceOracle {
  private LogSpaceOracle() {}

  /**
   * Returns {@code -log P(label)} of every sequence, 0 for {@code +inf} with
   * {@code zeroInfinity}.
   */
  static double[] losses(RandomCtcBatch batch, boolean zeroInfinity) {
    double[] losses = new double[batch.batch()];
    for (int b = 0; b < batch.batch(); b++) {
      ForwardBackward recursion = new ForwardBackward(batch.classes(), batch.blank(),
          batch.time(), batch.label(b).length, false);
      double nll = recursion.negLogLikelihood(logProbs(batch, b), 0, batch.frames(b),
          batch.label(b));
      losses[b] = zeroInfinity && nll == Double.POSITIVE_INFINITY ? 0.0 : nll;
    }
    return losses;
  }

  /** Returns {@code d sum_b loss_b / d logits}, row-major {@code [batch, time, classes]}. */
  static double[] gradient(RandomCtcBatch batch, boolean zeroInfinity) {
    int perSample = batch.time() * batch.classes();
    double[] gradient = new double[batch.batch() * perSample];
    for (int b = 0; b < batch.batch(); b++) {
      ForwardBackward recursion = new ForwardBackward(batch.classes(), batch.blank(),
          batch.time(), batch.label(b).length, true);
      double[] sample = new double[perSample];
      recursion.gradient(logProbs(batch, b), 0, batch.frames(b), batch.label(b), 1.0,
          zeroInfinity, sample);
      System.arraycopy(sample, 0, gradient, b * perSample, perSample);
    }
    return gradient;
  }

  private static double[] logProbs(RandomCtcBatch batch, int b) {
    int classes = batch.classes();
    int perSample = batch.time() * classes;
    double[] logProbs = new double[perSample];
    System.arraycopy(batch.logits(), b * perSample, logProbs, 0, perSample);
    for (int t = 0; t < batch.frames(b); t++) {
      LogSoftmax.apply(logProbs, t * classes, 1, classes, logProbs);
    }
    return logProbs;
  }
}
