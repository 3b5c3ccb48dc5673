package org.loss4j.core.internal.vector;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.loss4j.api.DType;
import org.loss4j.core.internal.kernel.PoissonRows;
import org.loss4j.core.kernel.Clipping;
import org.loss4j.core.kernel.vector.RowBuffers;
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
  private static final float EPSILON = (float) Clipping.lower(DType.FLOAT32);


  VectorPoissonRows(float[] yTrue, float[] yPred, int rowLength) {
    super(yTrue, yPred, rowLength);
  }

  @Override
  protected double row(int row, double upstream, float[] gradient) {
    int length = rowLength();
    int start = row * length;
    int bound = SPECIES.loopBound(length);
    RowBuffers buffers = RowBuffers.of(length);
    float[] logRate = buffers.first();
    for (int k = 0; k < bound; k += SPECIES.length()) {
      FloatVector.fromArray(SPECIES, yPred, start + k).add(EPSILON).intoArray(logRate, k);
    }
    for (int k = bound; k < length; k++) {
      logRate[k] = yPred[start + k] + EPSILON;
    }
    VectorMath.log(logRate, 0, logRate, 0, length);
    float scale = (float) (upstream / length);
    FloatVector sum = FloatVector.zero(SPECIES);
    for (int k = 0; k < bound; k += SPECIES.length()) {
      int i = start + k;
      FloatVector t = FloatVector.fromArray(SPECIES, yTrue, i);
      FloatVector p = FloatVector.fromArray(SPECIES, yPred, i);
      sum = sum.add(p.sub(t.mul(FloatVector.fromArray(SPECIES, logRate, k))));
      if (gradient != null) {
        t.div(p.add(EPSILON)).neg().add(1f).mul(scale).intoArray(gradient, i);
      }
    }
    sum.intoArray(buffers.lanes(), 0);
    double total = VectorMath.sumInOrder(buffers.lanes());
    for (int k = bound; k < length; k++) {
      int i = start + k;
      total += yPred[i] - yTrue[i] * logRate[k];
      if (gradient != null) {
        gradient[i] = (1f - yTrue[i] / (yPred[i] + EPSILON)) * scale;
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
