package org.loss4j.core.internal.kernel;

import org.loss4j.core.kernel.FloatMath;

/**
 * The categorical cross-entropy of rows of logits in float32 arithmetic on the scalar path,
 * with {@code m = max(x)} and {@code e = exp(x - m)} by {@link FloatMath}: loss
 * {@code sum(t) log(sum(e)) - sum(t (x - m))}, gradient
 * {@code upstream (sum(t) e / sum(e) - t)}, the factor split into two floats as the vector
 * kernel does. A row whose result is not finite falls back to the double formulas of
 * {@link SoftmaxRows}.
 */
public final class FloatSoftmaxRows extends SoftmaxRows {
  private final float keep;
  private final float shift;

  /** Creates the kernel; {@code smoothing} is the validated label smoothing. */
  public FloatSoftmaxRows(float[] yTrue, float[] yPred, int rowLength, double smoothing) {
    super(yTrue, yPred, rowLength, smoothing);
    this.keep = (float) (1 - smoothing);
    this.shift = (float) (smoothing / rowLength);
  }

  @Override
  protected double row(int row, double upstream, float[] gradient) {
    int length = rowLength();
    int start = row * length;
    float max = FloatRows.max(yPred, start, length);
    if (!Float.isFinite(max)) {
      return super.row(row, upstream, gradient);
    }
    double sumExp = 0;
    double sumTargets = 0;
    double sumWeighted = 0;
    for (int i = start; i < start + length; i++) {
      float shifted = yPred[i] - max;
      float e = FloatMath.expNonPositive(shifted);
      float t = Math.fma(yTrue[i], keep, shift);
      sumExp += e;
      sumTargets += t;
      sumWeighted += t * shifted;
      if (gradient != null) {
        gradient[i] = e;
      }
    }
    double loss = sumTargets * Math.log(sumExp) - sumWeighted;
    if (!Double.isFinite(loss)) {
      return super.row(row, upstream, gradient);
    }
    if (gradient != null) {
      double share = sumTargets / sumExp;
      float shareHigh = (float) share;
      float shareLow = (float) (share - shareHigh);
      float scale = (float) upstream;
      shareMinusTargets(start, start + length, shareHigh, shareLow, keep, shift, scale,
          gradient);
    }
    return loss;
  }

  @Override
  public String toString() {
    return "float32 scalar CategoricalCrossentropy rows from logits";
  }
}
