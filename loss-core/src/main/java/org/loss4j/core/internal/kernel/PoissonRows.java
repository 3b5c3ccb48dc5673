package org.loss4j.core.internal.kernel;

import org.loss4j.api.DType;
import org.loss4j.core.kernel.Clipping;
import org.loss4j.core.kernel.RowKernel;

/**
 * The Poisson loss of rows, on the scalar path: the mean of {@code p - t * log(p + EPSILON)},
 * and its gradient {@code upstream / n * (1 - t / (p + EPSILON))}.
 */
public class PoissonRows extends RowKernel {
  private final double epsilon;

  /** Creates the kernel over rates already checked to be {@code >= 0}. */
  public PoissonRows(float[] yTrue, float[] yPred, int rowLength) {
    super(yTrue, yPred, rowLength);
    this.epsilon = Clipping.lower(DType.FLOAT32);
  }

  @Override
  protected double row(int row, double upstream, float[] gradient) {
    int length = rowLength();
    int start = row * length;
    double sum = 0;
    for (int i = start; i < start + length; i++) {
      sum += yPred[i] - yTrue[i] * Math.log(yPred[i] + epsilon);
    }
    if (gradient != null) {
      double scale = upstream / length;
      for (int i = start; i < start + length; i++) {
        gradient[i] = (float) (scale * (1 - yTrue[i] / (yPred[i] + epsilon)));
      }
    }
    return sum / length;
  }

  @Override
  public String toString() {
    return "scalar Poisson rows";
  }
}
