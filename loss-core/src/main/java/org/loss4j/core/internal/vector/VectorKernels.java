package org.loss4j.core.internal.vector;

import org.loss4j.api.SampleKernel;
import org.loss4j.core.kernel.vector.VectorMath;

/**
 * Creates the vector row kernels; called only on the vector path, so that no class of this
 * package loads on a JVM without {@code jdk.incubator.vector}.
 */
public final class VectorKernels {
  private VectorKernels() {}

  /** Returns the number of float lanes of a vector. */
  public static int lanes() {
    return VectorMath.SPECIES.length();
  }

  /** Returns the binary cross-entropy of rows, from logits or probabilities. */
  public static SampleKernel binary(float[] yTrue, float[] yPred, int rowLength,
      boolean fromLogits, double smoothing) {
    return fromLogits ? new VectorBinaryLogitRows(yTrue, yPred, rowLength, smoothing)
        : new VectorBinaryProbabilityRows(yTrue, yPred, rowLength, smoothing);
  }

  /** Returns the categorical cross-entropy of rows of logits. */
  public static SampleKernel softmax(
      float[] yTrue, float[] yPred, int rowLength, double smoothing) {
    return new VectorSoftmaxRows(yTrue, yPred, rowLength, smoothing);
  }

  /** Returns the sparse categorical cross-entropy of rows of logits. */
  public static SampleKernel sparseSoftmax(float[] labels, float[] yPred, int rowLength) {
    return new VectorSparseSoftmaxRows(labels, yPred, rowLength);
  }

  /** Returns the Kullback-Leibler divergence of rows. */
  public static SampleKernel klDivergence(float[] yTrue, float[] yPred, int rowLength) {
    return new VectorKlRows(yTrue, yPred, rowLength);
  }

  /** Returns the Poisson loss of rows. */
  public static SampleKernel poisson(float[] yTrue, float[] yPred, int rowLength) {
    return new VectorPoissonRows(yTrue, yPred, rowLength);
  }

  /** Returns the index of the first value below 0 (not -0 or NaN), or -1. */
  public static int firstNegative(float[] values) {
    return VectorRows.firstNegative(values);
  }
}
