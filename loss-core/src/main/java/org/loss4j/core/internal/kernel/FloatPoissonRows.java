package org.loss4j.core.internal.kernel;

import org.loss4j.api.DType;
import org.loss4j.core.kernel.Clipping;
import org.loss4j.core.kernel.FloatMath;

/**
 * The Poisson loss of rows in float32 arithmetic on the scalar path: the mean of
 * {@code p - t log(p + EPSILON)} with the log of {@link FloatMath}, gradient
 * {@code upstream / n (1 - t / (p + EPSILON))}. A row whose result is not finite falls back to
 * the double formulas of {@link PoissonRows}.
 */
public final class FloatPoissonRows extends PoissonRows {
  private static final float EPSILON = (float) Clipping.lower(DType.FLOAT32);


  /** Creates the kernel over rates already checked to be {@code >= 0}. */
  public FloatPoissonRows(float[] yTrue, float[] yPred, int rowLength) {
    super(yTrue, yPred, rowLength);
  }

  @Override
  protected double row(int row, double upstream, float[] gradient) {
    int length = rowLength();
    int start = row * length;
    float scale = (float) (upstream / length);
    double total = 0;
    for (int i = start; i < start + length; i++) {
      float shifted = yPred[i] + EPSILON;
      total += yPred[i] - yTrue[i] * FloatMath.log(shifted);
      if (gradient != null) {
        gradient[i] = (1f - yTrue[i] / shifted) * scale;
      }
    }
    double mean = total / length;
    return Double.isFinite(mean) ? mean : super.row(row, upstream, gradient);
  }

  @Override
  public String toString() {
    return "float32 scalar Poisson rows";
  }
}
