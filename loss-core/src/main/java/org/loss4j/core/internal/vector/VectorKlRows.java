package org.loss4j.core.internal.vector;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.loss4j.api.DType;
import org.loss4j.core.internal.kernel.KlRows;
import org.loss4j.core.kernel.Clipping;
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

  private final float[] yTrue;
  private final float[] yPred;
  private final float epsilon = (float) Clipping.lower(DType.FLOAT32);

  VectorKlRows(float[] yTrue, float[] yPred, int rowLength) {
    super(yTrue, yPred, rowLength);
    this.yTrue = yTrue;
    this.yPred = yPred;
  }

  @Override
  protected double row(int row, double upstream, float[] gradient) {
    int length = rowLength();
    int start = row * length;
    int bound = SPECIES.loopBound(length);
    float negativeUpstream = (float) -upstream;
    FloatVector sum = FloatVector.zero(SPECIES);
    for (int k = 0; k < bound; k += SPECIES.length()) {
      int i = start + k;
      FloatVector t = FloatVector.fromArray(SPECIES, yTrue, i).max(epsilon).min(1f);
      FloatVector p = FloatVector.fromArray(SPECIES, yPred, i);
      FloatVector q = p.max(epsilon).min(1f);
      sum = sum.add(t.mul(VectorMath.log(t.div(q))));
      if (gradient != null) {
        t.div(p).mul(negativeUpstream)
            .blend(0f, p.compare(LT, epsilon).or(p.compare(GT, 1f)))
            .intoArray(gradient, i);
      }
    }
    double total = VectorMath.sum(sum);
    for (int i = start + bound; i < start + length; i++) {
      double t = Clipping.clip(yTrue[i], epsilon, 1.0);
      double p = yPred[i];
      total += t * Math.log(t / Clipping.clip(p, epsilon, 1.0));
      if (gradient != null) {
        boolean passes = Clipping.passesGradient(p, epsilon, 1.0);
        gradient[i] = passes ? (float) (-upstream * t / p) : 0f;
      }
    }
    return Double.isFinite(total) ? total : super.row(row, upstream, gradient);
  }

  @Override
  public String toString() {
    return "vector KLDivergence rows (" + VectorSelfCheck.describe() + ")";
  }
}
