package org.loss4j.core.internal.vector;


import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.loss4j.api.DType;
import org.loss4j.core.internal.kernel.PoissonRows;
import org.loss4j.core.kernel.Clipping;
import org.loss4j.core.kernel.vector.VectorMath;

/**
 * The Poisson loss of rows in float32 lanes, in one pass with its gradient:
 *
 * <pre>{@code
 * loss = mean(p - t * log(p + EPSILON))
 * grad = upstream / n * (1 - t / (p + EPSILON))
 * }</pre>
 */
final class VectorPoissonRows extends PoissonRows {
  private static final VectorSpecies<Float> SPECIES = VectorMath.SPECIES;

  private final float[] yTrue;
  private final float[] yPred;
  private final float epsilon = (float) Clipping.lower(DType.FLOAT32);

  VectorPoissonRows(float[] yTrue, float[] yPred, int rowLength) {
    super(yTrue, yPred, rowLength);
    this.yTrue = yTrue;
    this.yPred = yPred;
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
      FloatVector t = FloatVector.fromArray(SPECIES, yTrue, i);
      FloatVector p = FloatVector.fromArray(SPECIES, yPred, i);
      FloatVector shifted = p.add(epsilon);
      sum = sum.add(p.sub(t.mul(VectorMath.log(shifted))));
      if (gradient != null) {
        t.div(shifted).neg().add(1f).mul(scale).intoArray(gradient, i);
      }
    }
    double total = VectorMath.sum(sum);
    for (int i = start + bound; i < start + length; i++) {
      total += yPred[i] - yTrue[i] * Math.log(yPred[i] + epsilon);
      if (gradient != null) {
        gradient[i] = (float) (upstream / length * (1 - yTrue[i] / (yPred[i] + epsilon)));
      }
    }
    double mean = total / length;
    return Double.isFinite(mean) ? mean : super.row(row, upstream, gradient);
  }

  @Override
  public String toString() {
    return "vector Poisson rows (" + VectorSelfCheck.describe() + ")";
  }
}
