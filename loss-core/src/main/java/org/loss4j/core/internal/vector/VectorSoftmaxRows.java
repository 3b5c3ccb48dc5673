package org.loss4j.core.internal.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.loss4j.core.internal.kernel.SoftmaxRows;
import org.loss4j.core.kernel.vector.RowBuffers;
import org.loss4j.core.kernel.vector.VectorMath;

/**
 * The categorical cross-entropy of rows of logits in float32 lanes, in one pass with its
 * gradient, with {@code m = max(x)} and {@code e = exp(x - m)}:
 *
 * <pre>{@code
 * loss = sum(t) * log(sum(e)) - sum(t * (x - m))
 * grad = upstream * (sum(t) * e / sum(e) - t)
 * }</pre>
 *
 * <p>The gradient buffer holds {@code e} between the two passes. The factor
 * {@code sum(t) / sum(e)} is split into two floats and {@code e * factor - t} taken with a fused
 * multiply-add, so that the true class of a confident prediction ({@code e} near
 * {@code sum(e)}) does not cancel in float.
 */
final class VectorSoftmaxRows extends SoftmaxRows {
  private static final VectorSpecies<Float> SPECIES = VectorMath.SPECIES;

  private final float keep;
  private final float shift;

  VectorSoftmaxRows(float[] yTrue, float[] yPred, int rowLength, double smoothing) {
    super(yTrue, yPred, rowLength, smoothing);
    this.keep = (float) (1 - smoothing);
    this.shift = (float) (smoothing / rowLength);
  }

  @Override
  protected double row(int row, double upstream, float[] gradient) {
    int length = rowLength();
    int start = row * length;
    int bound = SPECIES.loopBound(length);
    float max = VectorRows.max(yPred, start, length);
    if (!Float.isFinite(max)) {
      return super.row(row, upstream, gradient);
    }
    RowBuffers buffers = RowBuffers.of(length);
    float[] exps = gradient != null ? gradient : buffers.first();
    int expsStart = gradient != null ? start : 0;
    double sumExp =
        VectorMath.expShifted(yPred, start, max, exps, expsStart, length, buffers.lanes());
    FloatVector targets = FloatVector.zero(SPECIES);
    FloatVector weighted = FloatVector.zero(SPECIES);
    for (int k = 0; k < bound; k += SPECIES.length()) {
      FloatVector t = FloatVector.fromArray(SPECIES, yTrue, start + k).fma(keep, shift);
      targets = targets.add(t);
      weighted = weighted.add(t.mul(FloatVector.fromArray(SPECIES, yPred, start + k).sub(max)));
    }
    targets.intoArray(buffers.lanes(), 0);
    double sumTargets = VectorMath.sumInOrder(buffers.lanes());
    weighted.intoArray(buffers.lanes(), 0);
    double sumWeighted = VectorMath.sumInOrder(buffers.lanes());
    for (int k = bound; k < length; k++) {
      float t = Math.fma(yTrue[start + k], keep, shift);
      sumTargets += t;
      sumWeighted += t * (yPred[start + k] - max);
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
      for (int k = 0; k < bound; k += SPECIES.length()) {
        int i = start + k;
        FloatVector t = FloatVector.fromArray(SPECIES, yTrue, i).fma(keep, shift);
        FloatVector e = FloatVector.fromArray(SPECIES, gradient, i);
        e.fma(FloatVector.broadcast(SPECIES, shareHigh), t.neg()).add(e.mul(shareLow))
            .mul(scale).intoArray(gradient, i);
      }
      shareMinusTargets(start + bound, start + length, shareHigh, shareLow, keep, shift, scale,
          gradient);
    }
    return loss;
  }

  @Override
  public String toString() {
    return "vector CategoricalCrossentropy rows from logits (" + VectorSelfCheck.describe()
        + ")";
  }
}
