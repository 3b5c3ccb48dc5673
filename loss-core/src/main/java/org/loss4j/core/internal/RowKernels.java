package org.loss4j.core.internal;

import org.loss4j.api.SampleKernel;
import org.loss4j.core.internal.kernel.BinaryRows;
import org.loss4j.core.internal.kernel.KlRows;
import org.loss4j.core.internal.kernel.PoissonRows;
import org.loss4j.core.internal.kernel.SoftmaxRows;
import org.loss4j.core.internal.kernel.SparseSoftmaxRows;
import org.loss4j.core.internal.vector.VectorKernels;
import org.loss4j.core.kernel.KernelPath;

/**
 * Creates the row kernel of each loss-core loss on the {@link KernelPath#active()} path. The
 * losses ask only for rows along the last axis, so {@code rowLength} is that axis's length.
 */
public final class RowKernels {
  private RowKernels() {}

  private static boolean vector() {
    return KernelPath.active() == KernelPath.VECTOR;
  }

  /** Returns the binary cross-entropy of rows, from logits or probabilities. */
  public static SampleKernel binary(float[] yTrue, float[] yPred, int rowLength,
      boolean fromLogits, double smoothing) {
    return vector() ? VectorKernels.binary(yTrue, yPred, rowLength, fromLogits, smoothing)
        : new BinaryRows(yTrue, yPred, rowLength, fromLogits, smoothing);
  }

  /** Returns the categorical cross-entropy of rows of logits. */
  public static SampleKernel softmax(
      float[] yTrue, float[] yPred, int rowLength, double smoothing) {
    return vector() ? VectorKernels.softmax(yTrue, yPred, rowLength, smoothing)
        : new SoftmaxRows(yTrue, yPred, rowLength, smoothing);
  }

  /** Returns the sparse categorical cross-entropy of rows of logits. */
  public static SampleKernel sparseSoftmax(float[] labels, float[] yPred, int rowLength) {
    return vector() ? VectorKernels.sparseSoftmax(labels, yPred, rowLength)
        : new SparseSoftmaxRows(labels, yPred, rowLength);
  }

  /** Returns the Kullback-Leibler divergence of rows. */
  public static SampleKernel klDivergence(float[] yTrue, float[] yPred, int rowLength) {
    return vector() ? VectorKernels.klDivergence(yTrue, yPred, rowLength)
        : new KlRows(yTrue, yPred, rowLength);
  }

  /** Returns the Poisson loss of rows. */
  public static SampleKernel poisson(float[] yTrue, float[] yPred, int rowLength) {
    return vector() ? VectorKernels.poisson(yTrue, yPred, rowLength)
        : new PoissonRows(yTrue, yPred, rowLength);
  }
}
