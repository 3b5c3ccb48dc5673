package org.loss4j.core.internal;

import org.loss4j.api.SampleKernel;
import org.loss4j.core.internal.kernel.FloatBinaryRows;
import org.loss4j.core.internal.kernel.FloatKlRows;
import org.loss4j.core.internal.kernel.FloatPoissonRows;
import org.loss4j.core.internal.kernel.FloatSoftmaxRows;
import org.loss4j.core.internal.kernel.FloatSparseSoftmaxRows;
import org.loss4j.core.internal.vector.VectorKernels;
import org.loss4j.core.kernel.KernelPath;

/**
 * Creates the row kernel of each loss-core loss on the {@link KernelPath#active()} path. The
 * losses ask only for rows along the last axis, so {@code rowLength} is that axis's length.
 *
 * <p>The scalar path takes the float32 scalar kernels ({@code Float...Rows}), which compute as
 * the vector kernels do, one element at a time. Rows shorter than one vector take them on the
 * vector path too: they would run only the vector kernel's scalar tail, after its per-row
 * set-up, which is the small-batch case (such as 32 x 1) where that set-up is most of the cost.
 */
public final class RowKernels {
  private RowKernels() {}

  private static boolean vector(int rowLength) {
    return KernelPath.active() == KernelPath.VECTOR && rowLength >= VectorKernels.lanes();
  }

  /** Returns the binary cross-entropy of rows, from logits or probabilities. */
  public static SampleKernel binary(float[] yTrue, float[] yPred, int rowLength,
      boolean fromLogits, double smoothing) {
    return vector(rowLength)
        ? VectorKernels.binary(yTrue, yPred, rowLength, fromLogits, smoothing)
        : new FloatBinaryRows(yTrue, yPred, rowLength, fromLogits, smoothing);
  }

  /** Returns the categorical cross-entropy of rows of logits. */
  public static SampleKernel softmax(
      float[] yTrue, float[] yPred, int rowLength, double smoothing) {
    return vector(rowLength) ? VectorKernels.softmax(yTrue, yPred, rowLength, smoothing)
        : new FloatSoftmaxRows(yTrue, yPred, rowLength, smoothing);
  }

  /** Returns the sparse categorical cross-entropy of rows of logits. */
  public static SampleKernel sparseSoftmax(float[] labels, float[] yPred, int rowLength) {
    return vector(rowLength) ? VectorKernels.sparseSoftmax(labels, yPred, rowLength)
        : new FloatSparseSoftmaxRows(labels, yPred, rowLength);
  }

  /** Returns the Kullback-Leibler divergence of rows. */
  public static SampleKernel klDivergence(float[] yTrue, float[] yPred, int rowLength) {
    return vector(rowLength) ? VectorKernels.klDivergence(yTrue, yPred, rowLength)
        : new FloatKlRows(yTrue, yPred, rowLength);
  }

  /** Returns the Poisson loss of rows. */
  public static SampleKernel poisson(float[] yTrue, float[] yPred, int rowLength) {
    return vector(rowLength) ? VectorKernels.poisson(yTrue, yPred, rowLength)
        : new FloatPoissonRows(yTrue, yPred, rowLength);
  }

  /**
   * Returns the index of the first value below 0 (not -0 or NaN), or -1: a scan that a
   * float32 loss runs over a whole input before its kernel, so on the vector path it compares a
   * vector at a time.
   */
  public static int firstNegative(float[] values) {
    if (KernelPath.active() == KernelPath.VECTOR) {
      return VectorKernels.firstNegative(values);
    }
    for (int i = 0; i < values.length; i++) {
      if (values[i] < 0) {
        return i;
      }
    }
    return -1;
  }
}
