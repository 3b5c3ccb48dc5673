package org.loss4j.focal.internal;

import org.loss4j.api.SampleKernel;
import org.loss4j.core.kernel.CrossentropyRows;
import org.loss4j.core.kernel.KernelPath;
import org.loss4j.core.kernel.RowKernel;
import org.loss4j.focal.internal.vector.VectorBinaryFocalRows;

/**
 * The binary focal cross-entropy of rows on the scalar path: the mean over a row of
 * {@link BinaryFocalKernel#value}, and {@code upstream / n} times its derivative, from float32
 * inputs in double.
 */
public class BinaryFocalRows extends RowKernel {
  private final BinaryFocalKernel kernel;
  private final float[] yTrue;
  private final float[] yPred;

  /** Creates the kernel over rows of {@code rowLength} elements. */
  public BinaryFocalRows(BinaryFocalKernel kernel, float[] yTrue, float[] yPred, int rowLength) {
    super(rowLength);
    this.kernel = kernel;
    this.yTrue = yTrue;
    this.yPred = yPred;
  }

  /**
   * Returns the kernel for the {@link KernelPath#active()} path: with {@code gamma = 0} and no
   * class balancing the loss is the binary cross-entropy, and takes its kernel; otherwise, from
   * logits, the vector path has its own, and from probabilities both paths use this class.
   */
  public static SampleKernel of(
      BinaryFocalKernel kernel, float[] yTrue, float[] yPred, int rowLength) {
    if (kernel.gamma() == 0 && Double.isNaN(kernel.balancingAlpha())) {
      return CrossentropyRows.binary(
          yTrue, yPred, rowLength, kernel.fromLogits(), kernel.labelSmoothing());
    }
    if (KernelPath.active() == KernelPath.VECTOR && kernel.fromLogits()) {
      return VectorBinaryFocalRows.of(kernel, yTrue, yPred, rowLength);
    }
    return new BinaryFocalRows(kernel, yTrue, yPred, rowLength);
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
