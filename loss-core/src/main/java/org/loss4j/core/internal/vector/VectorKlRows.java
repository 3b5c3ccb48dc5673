package org.loss4j.core.internal.vector;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.loss4j.api.DType;
import org.loss4j.core.internal.kernel.KlRows;
import org.loss4j.core.kernel.Clipping;
import org.loss4j.core.kernel.FloatMath;
import org.loss4j.core.kernel.vector.RowBuffers;
import org.loss4j.core.kernel.vector.VectorMath;

/**
 * The Kullback-Leibler divergence of rows in float32 lanes, in one pass with its gradient, with
 * {@code t} and {@code q} the clips of {@code y_true} and {@code p = y_pred} to
 * {@code [EPSILON, 1]}:
 *
 * <pre>{@code
 * loss = sum(t * log(t / q))
 * grad = -upstream * t / p,  0 where the clip of p is active
 * }</pre>
 */
final class VectorKlRows extends KlRows {
  private static final VectorSpecies<Float> SPECIES = VectorMath.SPECIES;
  private static final float EPSILON = (float) Clipping.lower(DType.FLOAT32);


  VectorKlRows(float[] yTrue, float[] yPred, int rowLength) {
    super(yTrue, yPred, rowLength);
  }

  @Override
  protected double row(int row, double upstream, float[] gradient) {
    int length = rowLength();
    int start = row * length;
    int bound = SPECIES.loopBound(length);
    RowBuffers buffers = RowBuffers.of(length);
    float[] logRatio = buffers.first();
    float[] clippedTrue = buffers.second();
    for (int k = 0; k < bound; k += SPECIES.length()) {
      FloatVector t =
          VectorMath.clip(FloatVector.fromArray(SPECIES, yTrue, start + k), EPSILON, 1f);
      FloatVector q =
          VectorMath.clip(FloatVector.fromArray(SPECIES, yPred, start + k), EPSILON, 1f);
      t.intoArray(clippedTrue, k);
      t.div(q).intoArray(logRatio, k);
    }
    for (int k = bound; k < length; k++) {
      clippedTrue[k] = clip(yTrue[start + k]);
      logRatio[k] = clippedTrue[k] / clip(yPred[start + k]);
    }
    VectorMath.log(logRatio, 0, logRatio, 0, length);
    float negativeUpstream = (float) -upstream;
    FloatVector sum = FloatVector.zero(SPECIES);
    for (int k = 0; k < bound; k += SPECIES.length()) {
      int i = start + k;
      FloatVector t = FloatVector.fromArray(SPECIES, clippedTrue, k);
      sum = sum.add(t.mul(FloatVector.fromArray(SPECIES, logRatio, k)));
      if (gradient != null) {
        FloatVector p = FloatVector.fromArray(SPECIES, yPred, i);
        t.div(p).mul(negativeUpstream)
            .blend(0f, p.compare(LT, EPSILON).or(p.compare(GT, 1f)))
            .intoArray(gradient, i);
      }
    }
    sum.intoArray(buffers.lanes(), 0);
    double total = VectorMath.sumInOrder(buffers.lanes());
    for (int k = bound; k < length; k++) {
      int i = start + k;
      float t = clippedTrue[k];
      total += t * logRatio[k];
      if (gradient != null) {
        float p = yPred[i];
        boolean clipped = p < EPSILON || p > 1f;
        gradient[i] = clipped ? 0f : t / p * negativeUpstream;
      }
    }
    return Double.isFinite(total) ? total : super.row(row, upstream, gradient);
  }

  private static float clip(float value) {
    return FloatMath.clip(value, EPSILON, 1f);
  }

  @Override
  public String toString() {
    return "vector KLDivergence rows (" + VectorSelfCheck.describe() + ")";
  }
}
