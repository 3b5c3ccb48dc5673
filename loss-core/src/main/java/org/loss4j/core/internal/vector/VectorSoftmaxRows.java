package org.loss4j.core.internal.vector;

import java.util.Arrays;
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
final class VectorSoftmaxRows extends SoftmaxRows implements RowsReadingAhead {
  private static final VectorSpecies<Float> SPECIES = VectorMath.SPECIES;

  private final float keep;
  private final float shift;

  VectorSoftmaxRows(float[] yTrue, float[] yPred, int rowLength, double smoothing) {
    super(yTrue, yPred, rowLength, smoothing);
    this.keep = (float) (1 - smoothing);
    this.shift = (float) (smoothing / rowLength);
  }

  /** Evaluates the rows in order, each reading the next ({@link RowsReadingAhead}). */
  @Override
  public void evaluate(int from, int to, double[] values, double[] upstream, float[] gradient) {
    RowsReadingAhead.evaluate(this, yPred, rowLength(), from, to, values, upstream, gradient);
  }

  @Override
  protected double row(int row, double upstream, float[] gradient) {
    int length = rowLength();
    float max = VectorRows.max(yPred, row * length, length);
    return rowWithMax(row, max, row * length, upstream, gradient, RowBuffers.of(length));
  }

  @Override
  public double rowWithMax(int row, float max, int ahead, double upstream, float[] gradient,
      RowBuffers buffers) {
    int length = rowLength();
    int start = row * length;
    int bound = SPECIES.loopBound(length);
    if (!Float.isFinite(max)) {
      Arrays.fill(buffers.aheadLanes(), VectorRows.max(yPred, ahead, length));
      return super.row(row, upstream, gradient);
    }
    float[] exps = gradient != null ? gradient : buffers.first();
    int expsStart = gradient != null ? start : 0;
    double sumExp = VectorMath.expShiftedReadingAhead(yPred, start, max, exps, expsStart, length,
        buffers.lanes(), ahead, buffers.aheadLanes());
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
