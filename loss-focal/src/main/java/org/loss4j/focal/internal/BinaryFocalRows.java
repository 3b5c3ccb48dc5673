package org.loss4j.focal.internal;

import org.loss4j.core.kernel.RowKernel;

/**
 * The binary focal cross-entropy of rows on the scalar path: the mean over a row of
 * {@link BinaryFocalKernel#value}, and {@code upstream / n} times its derivative, from float32
 * inputs in double.
 */
public class BinaryFocalRows extends RowKernel {
  private final BinaryFocalKernel kernel;

  /** Creates the kernel over rows of {@code rowLength} elements. */
  public BinaryFocalRows(BinaryFocalKernel kernel, float[] yTrue, float[] yPred, int rowLength) {
    super(yTrue, yPred, rowLength);
    this.kernel = kernel;
  }

  @Override
  protected double row(int row, double upstream, float[] gradient) {
    int length = rowLength();
    int start = row * length;
    return sumRange(start, start + length, upstream / length, gradient) / length;
  }

  /**
   * Returns the sum of the losses of elements {@code from} to {@code to} (exclusive) and, when
   * {@code gradient} is not null, writes {@code scale} times each one's derivative.
   */
  private double sumRange(int from, int to, double scale, float[] gradient) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += kernel.value(yTrue[i], yPred[i]);
    }
    if (gradient != null) {
      for (int i = from; i < to; i++) {
        gradient[i] = (float) (scale * kernel.derivative(yTrue[i], yPred[i]));
      }
    }
    return sum;
  }

  @Override
  public String toString() {
    return "scalar BinaryFocalCrossentropy rows";
  }
}
