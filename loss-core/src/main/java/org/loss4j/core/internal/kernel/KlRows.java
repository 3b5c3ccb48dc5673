package org.loss4j.core.internal.kernel;

import org.loss4j.api.DType;
import org.loss4j.core.kernel.Clipping;
import org.loss4j.core.kernel.RowKernel;

/**
 * The Kullback-Leibler divergence of rows, on the scalar path: {@code sum_k t_k log(t_k / p_k)}
 * with {@code t} and {@code p} clipped to {@code [EPSILON, 1]}, and its gradient
 * {@code -upstream * t / p} where {@code p} is inside the clip, 0 outside.
 */
public class KlRows extends RowKernel {
  private final double epsilon;

  /** Creates the kernel. */
  public KlRows(float[] yTrue, float[] yPred, int rowLength) {
    super(yTrue, yPred, rowLength);
    this.epsilon = Clipping.lower(DType.FLOAT32);
  }

  @Override
  protected double row(int row, double upstream, float[] gradient) {
    int length = rowLength();
    int start = row * length;
    double sum = 0;
    for (int i = start; i < start + length; i++) {
      double t = Clipping.clip(yTrue[i], epsilon, 1.0);
      double p = Clipping.clip(yPred[i], epsilon, 1.0);
      sum += t * Math.log(t / p);
    }
    if (gradient != null) {
      for (int i = start; i < start + length; i++) {
        double t = Clipping.clip(yTrue[i], epsilon, 1.0);
        double p = yPred[i];
        boolean passes = Clipping.passesGradient(p, epsilon, 1.0);
        gradient[i] = (float) (passes ? -upstream * t / p : Double.isNaN(p) ? Double.NaN : 0.0);
      }
    }
    return sum;
  }

  @Override
  public String toString() {
    return "scalar KLDivergence rows";
  }
}
