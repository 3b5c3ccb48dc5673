package org.loss4j.core.internal.kernel;

import org.loss4j.core.kernel.LogSoftmax;
import org.loss4j.core.kernel.RowKernel;

/**
 * The categorical cross-entropy of rows of logits, on the scalar path:
 * {@code -sum_k t_k * log_softmax(x)_k} with {@code t = y * (1 - s) + s / n} (a {@code 0 * -inf}
 * term counting 0), and its gradient {@code upstream * (softmax(x) * sum(t) - t)} through
 * {@link LogSoftmax#backward}.
 */
public class SoftmaxRows extends RowKernel {
  private final double smoothing;

  /** Creates the kernel; {@code smoothing} is the validated label smoothing. */
  public SoftmaxRows(float[] yTrue, float[] yPred, int rowLength, double smoothing) {
    super(yTrue, yPred, rowLength);
    this.smoothing = smoothing;
  }

  /** Returns the smoothed label of element {@code i}. */
  protected final double target(int i) {
    double label = yTrue[i];
    return smoothing == 0 ? label : label * (1 - smoothing) + smoothing / rowLength();
  }

  @Override
  protected double row(int row, double upstream, float[] gradient) {
    int length = rowLength();
    int start = row * length;
    RowScratch scratch = RowScratch.of(length);
    double[] logits = scratch.widen(yPred, start, length);
    double[] logSoftmax = scratch.output();
    LogSoftmax.apply(logits, 0, 1, length, logSoftmax);
    double sum = 0;
    for (int k = 0; k < length; k++) {
      double t = target(start + k);
      double log = logSoftmax[k];
      sum += t == 0 && log == Double.NEGATIVE_INFINITY ? 0.0 : t * log;
    }
    if (gradient != null) {
      double[] inner = logits;
      for (int k = 0; k < length; k++) {
        inner[k] = -upstream * target(start + k);
      }
      double[] out = scratch.spare();
      LogSoftmax.backward(logSoftmax, inner, 0, 1, length, out);
      for (int k = 0; k < length; k++) {
        gradient[start + k] = (float) out[k];
      }
    }
    return -sum;
  }

  @Override
  public String toString() {
    return "scalar CategoricalCrossentropy rows from logits";
  }

  /**
   * Turns the exponentials {@code e} that {@code gradient} holds over {@code [from, to)} into
   * {@code scale * (share * e - t)}, with {@code share = shareHigh + shareLow} (split so that
   * {@code e * share - t}, taken with a fused multiply-add, does not cancel for a confident true
   * class) and {@code t = keep * y_true + shift}: the float32 kernels' gradient, one element at
   * a time.
   */
  protected final void shareMinusTargets(int from, int to, float shareHigh, float shareLow,
      float keep, float shift, float scale, float[] gradient) {
    for (int i = from; i < to; i++) {
      float e = gradient[i];
      float t = Math.fma(yTrue[i], keep, shift);
      gradient[i] = (Math.fma(e, shareHigh, -t) + e * shareLow) * scale;
    }
  }
}
