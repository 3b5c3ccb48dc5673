package org.loss4j.core.internal.kernel;

import org.loss4j.api.DType;
import org.loss4j.core.kernel.Clipping;
import org.loss4j.core.kernel.FloatMath;

/**
 * The Kullback-Leibler divergence of rows in float32 arithmetic on the scalar path: loss
 * {@code sum(t log(t / q))} with {@code t}, {@code q} clipped to {@code [EPSILON, 1]} and the
 * log of {@link FloatMath}; gradient {@code -upstream t / p}, 0 where {@code p} is clipped. A row
 * whose result is not finite falls back to the double formulas of {@link KlRows}.
 */
public final class FloatKlRows extends KlRows {
  private static final float EPSILON = (float) Clipping.lower(DType.FLOAT32);


  /** Creates the kernel. */
  public FloatKlRows(float[] yTrue, float[] yPred, int rowLength) {
    super(yTrue, yPred, rowLength);
  }

  @Override
  protected double row(int row, double upstream, float[] gradient) {
    int length = rowLength();
    int start = row * length;
    float negativeUpstream = (float) -upstream;
    double total = 0;
    for (int i = start; i < start + length; i++) {
      float t = clip(yTrue[i]);
      float p = yPred[i];
      total += t * FloatMath.log(t / clip(p));
      if (gradient != null) {
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
    return "float32 scalar KLDivergence rows";
  }
}
