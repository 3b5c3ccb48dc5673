package org.loss4j.core.internal.vector;

import static jdk.incubator.vector.VectorOperators.GE;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.loss4j.core.internal.kernel.BinaryRows;
import org.loss4j.core.kernel.vector.RowBuffers;
import org.loss4j.core.kernel.vector.VectorMath;

/**
 * The binary cross-entropy of rows of logits in float32 lanes, in one pass with its gradient:
 *
 * <pre>{@code
 * z    = exp(-|x|)
 * e    = max(x, 0) - x * t + log1p(z)
 * grad = upstream / n * (sigmoid(x) - t),   sigmoid(x) = (x >= 0 ? 1 : z) / (1 + z)
 * }</pre>
 */
final class VectorBinaryLogitRows extends BinaryRows {
  private static final VectorSpecies<Float> SPECIES = VectorMath.SPECIES;

  private final float[] yTrue;
  private final float[] yPred;
  private final float keep;
  private final float shift;

  VectorBinaryLogitRows(float[] yTrue, float[] yPred, int rowLength, double smoothing) {
    super(yTrue, yPred, rowLength, true, smoothing);
    this.yTrue = yTrue;
    this.yPred = yPred;
    this.keep = (float) (1 - smoothing);
    this.shift = (float) (0.5 * smoothing);
  }

  @Override
  protected double row(int row, double upstream, float[] gradient) {
    int length = rowLength();
    int start = row * length;
    int bound = SPECIES.loopBound(length);
    RowBuffers buffers = RowBuffers.of(length);
    float[] z = buffers.first();
    float[] softplus = buffers.second();
    for (int k = 0; k < bound; k += SPECIES.length()) {
      FloatVector.fromArray(SPECIES, yPred, start + k).abs().neg().intoArray(z, k);
    }
    for (int k = bound; k < length; k++) {
      z[k] = -Math.abs(yPred[start + k]);
    }
    VectorMath.expNonPositive(z, 0, z, 0, length);
    VectorMath.log1pUnit(z, 0, softplus, 0, length);
    float scale = (float) (upstream / length);
    FloatVector sum = FloatVector.zero(SPECIES);
    for (int k = 0; k < bound; k += SPECIES.length()) {
      int i = start + k;
      FloatVector x = FloatVector.fromArray(SPECIES, yPred, i);
      FloatVector t = FloatVector.fromArray(SPECIES, yTrue, i).fma(keep, shift);
      FloatVector softplusLanes = FloatVector.fromArray(SPECIES, softplus, k);
      sum = sum.add(x.max(0f).sub(x.mul(t)).add(softplusLanes));
      if (gradient != null) {
        FloatVector zLanes = FloatVector.fromArray(SPECIES, z, k);
        FloatVector sigmoid = zLanes.blend(1f, x.compare(GE, 0f)).div(zLanes.add(1f));
        sigmoid.sub(t).mul(scale).intoArray(gradient, i);
      }
    }
    sum.intoArray(buffers.lanes(), 0);
    double total = VectorMath.sumInOrder(buffers.lanes());
    for (int k = bound; k < length; k++) {
      int i = start + k;
      float x = yPred[i];
      float t = Math.fma(yTrue[i], keep, shift);
      total += Math.max(x, 0f) - x * t + softplus[k];
      if (gradient != null) {
        float sigmoid = (x >= 0 ? 1f : z[k]) / (z[k] + 1f);
        gradient[i] = (sigmoid - t) * scale;
      }
    }
    double mean = total / length;
    return Double.isFinite(mean) ? mean : super.row(row, upstream, gradient);
  }

  @Override
  public String toString() {
    return "vector BinaryCrossentropy rows from logits (" + VectorSelfCheck.describe() + ")";
  }
}
