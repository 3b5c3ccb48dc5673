package org.loss4j.focal.internal.vector;

import static jdk.incubator.vector.VectorOperators.GE;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.loss4j.api.SampleKernel;
import org.loss4j.core.kernel.vector.VectorMath;
import org.loss4j.focal.internal.BinaryFocalKernel;
import org.loss4j.focal.internal.BinaryFocalRows;

/**
 * The binary focal cross-entropy of rows of logits in float32 lanes, in one pass with its
 * gradient, with {@code z = exp(-|x|)}, {@code s = sigmoid(x) = (x >= 0 ? 1 : z) / (1 + z)}:
 *
 * <pre>{@code
 * ce    = max(x, 0) - x * t + log1p(z)
 * miss  = t * (1 - s) + (1 - t) * s
 * loss  = w * miss^gamma * ce,           w = t * alpha + (1 - t) * (1 - alpha) or 1
 * dloss = w * (gamma * miss^(gamma - 1) * (1 - 2t) * s * (1 - s) * ce + miss^gamma * (s - t))
 * }</pre>
 *
 * <p>{@code miss^gamma} is {@code exp(gamma * log(miss))}, multiplications for gamma 0, 1 and
 * 2; a miss of 0 with another gamma makes the row's value NaN, and the row falls back to the
 * scalar formulas.
 */
public final class VectorBinaryFocalRows extends BinaryFocalRows {
  private static final VectorSpecies<Float> SPECIES = VectorMath.SPECIES;

  private final float[] yTrue;
  private final float[] yPred;
  private final float gamma;
  private final boolean balancing;
  private final float alpha;
  private final float keep;
  private final float shift;

  private VectorBinaryFocalRows(
      BinaryFocalKernel kernel, float[] yTrue, float[] yPred, int rowLength) {
    super(kernel, yTrue, yPred, rowLength);
    this.yTrue = yTrue;
    this.yPred = yPred;
    this.gamma = (float) kernel.gamma();
    this.balancing = !Double.isNaN(kernel.balancingAlpha());
    this.alpha = (float) kernel.balancingAlpha();
    this.keep = (float) (1 - kernel.labelSmoothing());
    this.shift = (float) (0.5 * kernel.labelSmoothing());
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
    float scale = (float) (upstream / length);
    FloatVector sum = FloatVector.zero(SPECIES);
    for (int k = 0; k < bound; k += SPECIES.length()) {
      int i = start + k;
      FloatVector x = FloatVector.fromArray(SPECIES, yPred, i);
      FloatVector t = FloatVector.fromArray(SPECIES, yTrue, i).fma(keep, shift);
      FloatVector z = VectorMath.expNonPositive(x.abs().neg());
      FloatVector ce = x.max(0f).sub(x.mul(t)).add(VectorMath.log1pUnit(z));
      FloatVector onePlusZ = z.add(1f);
      FloatVector sigmoid = z.blend(1f, x.compare(GE, 0f)).div(onePlusZ);
      FloatVector complement = FloatVector.broadcast(SPECIES, 1f).blend(z, x.compare(GE, 0f))
          .div(onePlusZ);
      FloatVector miss = t.mul(complement).add(t.neg().add(1f).mul(sigmoid));
      FloatVector focal = power(miss);
      FloatVector weight = balancing ? t.mul(2 * alpha - 1).add(1 - alpha)
          : FloatVector.broadcast(SPECIES, 1f);
      sum = sum.add(weight.mul(focal).mul(ce));
      if (gradient != null) {
        FloatVector missSlope = t.mul(-2f).add(1f).mul(sigmoid).mul(complement);
        FloatVector focalSlope = powerSlope(miss, focal);
        FloatVector slope = focalSlope.mul(missSlope).mul(ce).add(focal.mul(sigmoid.sub(t)));
        weight.mul(slope).mul(scale).intoArray(gradient, i);
      }
    }
    double total = VectorMath.sum(sum);
    if (bound < length) {
      total += sumRange(start + bound, start + length, upstream / length, gradient);
    }
    double mean = total / length;
    return Double.isFinite(mean) ? mean : super.row(row, upstream, gradient);
  }

  private FloatVector power(FloatVector miss) {
    if (gamma == 0f) {
      return FloatVector.broadcast(SPECIES, 1f);
    }
    if (gamma == 1f) {
      return miss;
    }
    if (gamma == 2f) {
      return miss.mul(miss);
    }
    return VectorMath.expNonPositive(VectorMath.log(miss).mul(gamma));
  }

  private FloatVector powerSlope(FloatVector miss, FloatVector focal) {
    if (gamma == 0f) {
      return FloatVector.zero(SPECIES);
    }
    if (gamma == 1f) {
      return FloatVector.broadcast(SPECIES, 1f);
    }
    if (gamma == 2f) {
      return miss.add(miss);
    }
    return focal.mul(gamma).div(miss);
  }

  @Override
  public String toString() {
    return "vector BinaryFocalCrossentropy rows from logits (" + SPECIES.length()
        + " float lanes)";
  }
}
