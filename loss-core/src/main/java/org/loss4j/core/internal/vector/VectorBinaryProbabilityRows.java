package org.loss4j.core.internal.vector;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.loss4j.api.DType;
import org.loss4j.core.internal.kernel.BinaryRows;
import org.loss4j.core.kernel.Clipping;
import org.loss4j.core.kernel.vector.VectorMath;

/**
 * The binary cross-entropy of rows of probabilities in float32 lanes, in one pass with its
 * gradient:
 *
 * <pre>{@code
 * q    = clip(p, EPSILON, 1 - EPSILON)
 * e    = -(t * log(q) + (1 - t) * log(1 - q))
 * grad = upstream / n * (p - t) / (p * (1 - p)),  0 where the clip is active
 * }</pre>
 */
final class VectorBinaryProbabilityRows extends BinaryRows {
  private static final VectorSpecies<Float> SPECIES = VectorMath.SPECIES;

  private final float[] yTrue;
  private final float[] yPred;
  private final float keep;
  private final float shift;
  private final float lower = (float) Clipping.lower(DType.FLOAT32);
  private final float upper = (float) Clipping.upper(DType.FLOAT32);

  VectorBinaryProbabilityRows(float[] yTrue, float[] yPred, int rowLength, double smoothing) {
    super(yTrue, yPred, rowLength, false, smoothing);
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
    float scale = (float) (upstream / length);
    FloatVector sum = FloatVector.zero(SPECIES);
    for (int k = 0; k < bound; k += SPECIES.length()) {
      int i = start + k;
      FloatVector p = FloatVector.fromArray(SPECIES, yPred, i);
      FloatVector t = FloatVector.fromArray(SPECIES, yTrue, i).fma(keep, shift);
      FloatVector q = p.max(lower).min(upper);
      FloatVector complement = q.neg().add(1f);
      FloatVector logs = t.mul(VectorMath.log(q))
          .add(t.neg().add(1f).mul(VectorMath.log(complement)));
      sum = sum.sub(logs);
      if (gradient != null) {
        FloatVector slope = p.sub(t).div(p.mul(p.neg().add(1f))).mul(scale);
        slope.blend(0f, p.compare(LT, lower).or(p.compare(GT, upper))).intoArray(gradient, i);
      }
    }
    double total = VectorMath.sum(sum);
    for (int i = start + bound; i < start + length; i++) {
      total += term(i);
      if (gradient != null) {
        gradient[i] = (float) (upstream / length * derivative(i));
      }
    }
    double mean = total / length;
    return Double.isFinite(mean) ? mean : super.row(row, upstream, gradient);
  }

  @Override
  public String toString() {
    return "vector BinaryCrossentropy rows from probabilities (" + VectorSelfCheck.describe()
        + ")";
  }
}
