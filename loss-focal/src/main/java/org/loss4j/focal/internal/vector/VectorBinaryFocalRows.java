package org.loss4j.focal.internal.vector;

import static jdk.incubator.vector.VectorOperators.GE;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.loss4j.api.SampleKernel;
import org.loss4j.core.kernel.vector.RowBuffers;
import org.loss4j.core.kernel.vector.VectorMath;
import org.loss4j.focal.internal.BinaryFocalKernel;
import org.loss4j.focal.internal.FloatBinaryFocalRows;

/**
 * The binary focal cross-entropy of rows of logits in float32 lanes, in one pass with its
 * gradient, with {@code z = exp(-|x|)}, {@code s = sigmoid(x) = (x >= 0 ? 1 : z) / (1 + z)}:
 *
 * <pre>{@code
 * ce    = (x >= 0 ? x * (1 - t) : -x * t) + log1p(z)   (max(x, 0) - x t + log1p(z))
 * miss  = t * (1 - s) + (1 - t) * s
 * loss  = w * miss^gamma * ce,           w = t * alpha + (1 - t) * (1 - alpha) or 1
 * dloss = w * (gamma * miss^(gamma - 1) * (1 - 2t) * s * (1 - s) * ce + miss^gamma * (s - t))
 * s - t = x >= 0 ? (1 - t) - (1 - s) : s - t
 * }</pre>
 *
 * <p>{@code miss^gamma} is {@code exp(gamma * log(miss))}, multiplications for gamma 0, 1 and
 * 2; a miss of 0 with another gamma makes the row's value NaN, and the row falls back to the
 * scalar formulas. Elements after the last whole vector are computed by
 * {@link FloatBinaryFocalRows}, with the same operations.
 */
public final class VectorBinaryFocalRows extends FloatBinaryFocalRows {
  private static final VectorSpecies<Float> SPECIES = VectorMath.SPECIES;

  private final float gamma;
  private final boolean balancing;
  private final float alpha;
  private final float keep;
  private final float shift;
  private final boolean generalGamma;

  private VectorBinaryFocalRows(
      BinaryFocalKernel kernel, float[] yTrue, float[] yPred, int rowLength) {
    super(kernel, yTrue, yPred, rowLength);
    this.gamma = (float) kernel.gamma();
    this.balancing = !Double.isNaN(kernel.balancingAlpha());
    this.alpha = (float) kernel.balancingAlpha();
    this.keep = (float) (1 - kernel.labelSmoothing());
    this.shift = (float) (0.5 * kernel.labelSmoothing());
    this.generalGamma = gamma != 0f && gamma != 1f && gamma != 2f;
  }

  /** Returns the number of float lanes of a vector: shorter rows take the scalar kernel. */
  public static int lanes() {
    return SPECIES.length();
  }

  /** Returns the kernel for a loss from logits. */
  public static SampleKernel of(
      BinaryFocalKernel kernel, float[] yTrue, float[] yPred, int rowLength) {
    return new VectorBinaryFocalRows(kernel, yTrue, yPred, rowLength);
  }

  @Override
  protected double row(int row, double upstream, float[] gradient) {
    int length = rowLength();
    int start = row * length;
    int bound = SPECIES.loopBound(length);
    RowBuffers buffers = RowBuffers.of(length);
    float[] z = buffers.first();
    float[] softplus = buffers.second();
    float[] focal = buffers.third();
    for (int k = 0; k < bound; k += SPECIES.length()) {
      FloatVector.fromArray(SPECIES, yPred, start + k).abs().neg().intoArray(z, k);
    }
    for (int k = bound; k < length; k++) {
      z[k] = -Math.abs(yPred[start + k]);
    }
    VectorMath.expNonPositive(z, 0, z, 0, length);
    VectorMath.log1pUnit(z, 0, softplus, 0, length);
    if (generalGamma) {
      powers(start, length, bound, z, focal);
    }
    float scale = (float) (upstream / length);
    FloatVector sum = FloatVector.zero(SPECIES);
    for (int k = 0; k < bound; k += SPECIES.length()) {
      int i = start + k;
      FloatVector x = FloatVector.fromArray(SPECIES, yPred, i);
      FloatVector t = FloatVector.fromArray(SPECIES, yTrue, i).fma(keep, shift);
      FloatVector zLanes = FloatVector.fromArray(SPECIES, z, k);
      VectorMask<Float> positive = x.compare(GE, 0f);
      FloatVector oneMinusT = t.neg().add(1f);
      FloatVector ce = x.neg().mul(t).blend(x.mul(oneMinusT), positive)
          .add(FloatVector.fromArray(SPECIES, softplus, k));
      FloatVector onePlusZ = zLanes.add(1f);
      FloatVector sigmoid = zLanes.blend(1f, positive).div(onePlusZ);
      FloatVector complement = FloatVector.broadcast(SPECIES, 1f).blend(zLanes, positive)
          .div(onePlusZ);
      FloatVector miss = t.mul(complement).add(t.neg().add(1f).mul(sigmoid));
      FloatVector power = generalGamma ? FloatVector.fromArray(SPECIES, focal, k)
          : gamma == 0f ? FloatVector.broadcast(SPECIES, 1f)
          : gamma == 1f ? miss : miss.mul(miss);
      FloatVector weight = balancing ? t.mul(2 * alpha - 1).add(1 - alpha)
          : FloatVector.broadcast(SPECIES, 1f);
      sum = sum.add(weight.mul(power).mul(ce));
      if (gradient != null) {
        FloatVector missSlope = t.mul(-2f).add(1f).mul(sigmoid).mul(complement);
        FloatVector powerSlope = generalGamma ? power.mul(gamma).div(miss)
            : gamma == 0f ? FloatVector.zero(SPECIES)
            : gamma == 1f ? FloatVector.broadcast(SPECIES, 1f) : miss.add(miss);
        FloatVector sigmoidMinusT = sigmoid.sub(t).blend(oneMinusT.sub(complement), positive);
        FloatVector slope = powerSlope.mul(missSlope).mul(ce).add(power.mul(sigmoidMinusT));
        weight.mul(slope).mul(scale).intoArray(gradient, i);
      }
    }
    sum.intoArray(buffers.lanes(), 0);
    double total = VectorMath.sumInOrder(buffers.lanes());
    for (int k = bound; k < length; k++) {
      total += element(start + k, scale, gradient);
    }
    double mean = total / length;
    return Double.isFinite(mean) ? mean : super.row(row, upstream, gradient);
  }

  /** Writes {@code miss^gamma = exp(gamma * log(miss))} of the row's whole vectors. */
  private void powers(int start, int length, int bound, float[] z, float[] focal) {
    for (int k = 0; k < bound; k += SPECIES.length()) {
      FloatVector x = FloatVector.fromArray(SPECIES, yPred, start + k);
      FloatVector t = FloatVector.fromArray(SPECIES, yTrue, start + k).fma(keep, shift);
      FloatVector zLanes = FloatVector.fromArray(SPECIES, z, k);
      VectorMask<Float> positive = x.compare(GE, 0f);
      FloatVector onePlusZ = zLanes.add(1f);
      FloatVector sigmoid = zLanes.blend(1f, positive).div(onePlusZ);
      FloatVector complement = FloatVector.broadcast(SPECIES, 1f).blend(zLanes, positive)
          .div(onePlusZ);
      t.mul(complement).add(t.neg().add(1f).mul(sigmoid)).intoArray(focal, k);
    }
    VectorMath.log(focal, 0, focal, 0, bound);
    VectorMath.scale(focal, 0, bound, gamma);
    VectorMath.expNonPositive(focal, 0, focal, 0, bound);
  }

  @Override
  public String toString() {
    return "vector BinaryFocalCrossentropy rows from logits (" + SPECIES.length()
        + " float lanes)";
  }
}
