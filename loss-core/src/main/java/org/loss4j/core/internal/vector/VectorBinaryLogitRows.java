package org.loss4j.core.internal.vector;

import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.loss4j.core.internal.kernel.BinaryRows;
import org.loss4j.core.kernel.vector.RowBuffers;
import org.loss4j.core.kernel.vector.VectorMath;

/**
 * The binary cross-entropy of rows of logits in float32 lanes, in one pass with its gradient:
 *
 * <pre>{@code
 * z    = exp(-|x|),   q = z / (1 + z)
 * e    = (x >= 0 ? x * (1 - t) : -x * t) + log1p(z)
 * grad = upstream / n * (x >= 0 ? (1 - t) - q : q - t)
 * }</pre>
 *
 * <p>These are {@code max(x, 0) - x t + log1p(z)} and {@code sigmoid(x) - t}, arranged so that
 * a confident prediction of its own label ({@code t} near 1 and large {@code x}) does not cancel
 * in float: {@code 1 - t} is exact there, and {@code q} is the small side of the sigmoid.
 *
 * <p>Each vector loop is a method of its own, small enough for the JIT to compile without
 * boxing a vector.
 */
final class VectorBinaryLogitRows extends BinaryRows {
  private static final VectorSpecies<Float> SPECIES = VectorMath.SPECIES;

  private final float keep;
  private final float shift;

  VectorBinaryLogitRows(float[] yTrue, float[] yPred, int rowLength, double smoothing) {
    super(yTrue, yPred, rowLength, true, smoothing);
    this.keep = (float) (1 - smoothing);
    this.shift = (float) (0.5 * smoothing);
  }

  @Override
  protected double row(int row, double upstream, float[] gradient) {
    int length = rowLength();
    int start = row * length;
    RowBuffers buffers = RowBuffers.of(length);
    float[] z = buffers.first();
    float[] softplus = buffers.second();
    VectorMath.negativeAbs(yPred, start, z, length);
    VectorMath.expNonPositive(z, 0, z, 0, length);
    VectorMath.log1pUnit(z, 0, softplus, 0, length);
    double mean = sum(start, length, softplus, buffers.lanes()) / length;
    if (!Double.isFinite(mean)) {
      return super.row(row, upstream, gradient);
    }
    if (gradient != null) {
      gradient(start, length, z, (float) (upstream / length), gradient);
    }
    return mean;
  }

  /** Returns the sum of {@code (x >= 0 ? x (1 - t) : -x t) + softplus} over the row. */
  private double sum(int start, int length, float[] softplus, float[] lanes) {
    int bound = SPECIES.loopBound(length);
    FloatVector sum = FloatVector.zero(SPECIES);
    for (int k = 0; k < bound; k += SPECIES.length()) {
      FloatVector x = FloatVector.fromArray(SPECIES, yPred, start + k);
      FloatVector t = FloatVector.fromArray(SPECIES, yTrue, start + k).fma(keep, shift);
      FloatVector linear = x.mul(t.neg().add(1f)).blend(x.neg().mul(t), x.compare(LT, 0f));
      sum = sum.add(linear.add(FloatVector.fromArray(SPECIES, softplus, k)));
    }
    sum.intoArray(lanes, 0);
    double total = VectorMath.sumInOrder(lanes);
    for (int k = bound; k < length; k++) {
      float x = yPred[start + k];
      float t = Math.fma(yTrue[start + k], keep, shift);
      total += (x >= 0 ? x * (1f - t) : -x * t) + softplus[k];
    }
    return total;
  }

  /** Writes {@code scale * (sigmoid(x) - t)} for the row, as the class comment arranges it. */
  private void gradient(int start, int length, float[] z, float scale, float[] gradient) {
    int bound = SPECIES.loopBound(length);
    for (int k = 0; k < bound; k += SPECIES.length()) {
      FloatVector x = FloatVector.fromArray(SPECIES, yPred, start + k);
      FloatVector t = FloatVector.fromArray(SPECIES, yTrue, start + k).fma(keep, shift);
      FloatVector zLanes = FloatVector.fromArray(SPECIES, z, k);
      FloatVector q = zLanes.div(zLanes.add(1f));
      t.neg().add(1f).sub(q).blend(q.sub(t), x.compare(LT, 0f)).mul(scale)
          .intoArray(gradient, start + k);
    }
    for (int k = bound; k < length; k++) {
      float x = yPred[start + k];
      float t = Math.fma(yTrue[start + k], keep, shift);
      float q = z[k] / (z[k] + 1f);
      gradient[start + k] = (x >= 0 ? (1f - t) - q : q - t) * scale;
    }
  }

  @Override
  public String toString() {
    return "vector BinaryCrossentropy rows from logits (" + VectorSelfCheck.describe() + ")";
  }
}
