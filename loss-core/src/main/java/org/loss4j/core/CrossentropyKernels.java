package org.loss4j.core;

import org.loss4j.api.SampleKernel;
import org.loss4j.core.internal.RowKernels;
import org.loss4j.core.kernel.KernelPath;

/**
 * The row kernel of {@link BinaryCrossentropy} for other modules' losses that reduce to it, such
 * as a focal loss with {@code gamma = 0} and no class balancing: sharing the kernel keeps the two
 * losses equal bit for bit on either {@link KernelPath}.
 */
public final class CrossentropyKernels {
  private CrossentropyKernels() {}

  /**
   * Returns the binary cross-entropy of rows of {@code rowLength} contiguous elements, from
   * logits or probabilities, with smoothed labels {@code y * (1 - s) + s / 2}.
   */
  public static SampleKernel binary(float[] yTrue, float[] yPred, int rowLength,
      boolean fromLogits, double labelSmoothing) {
    return RowKernels.binary(yTrue, yPred, rowLength, fromLogits, labelSmoothing);
  }
}
