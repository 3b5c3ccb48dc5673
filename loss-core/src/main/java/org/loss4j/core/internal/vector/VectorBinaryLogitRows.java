package org.loss4j.core.internal.vector;

import static jdk.incubator.vector.VectorOperators.GE;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.loss4j.core.internal.kernel.BinaryRows;
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
    float scale = (float) (upstream / length);
    FloatVector sum = FloatVector.zero(SPECIES);
    for (int k = 0; k < bound; k += SPECIES.length()) {
      int i = start + k;
      FloatVector x = FloatVector.fromArray(SPECIES, yPred, i);
      FloatVector t = FloatVector.fromArray(SPECIES, yTrue, i).fma(keep, shift);
      FloatVector z = VectorMath.expNonPositive(x.abs().neg());
      sum = sum.add(x.max(0f).sub(x.mul(t)).add(VectorMath.log1pUnit(z)));
      if (gradient != null) {
        FloatVector sigmoid = z.blend(1f, x.compare(GE, 0f)).div(z.add(1f));
        sigmoid.sub(t).mul(scale).intoArray(gradient, i);
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
    return "vector BinaryCrossentropy rows from logits (" + VectorSelfCheck.describe() + ")";
  }
}
