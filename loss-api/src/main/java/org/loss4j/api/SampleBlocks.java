package org.loss4j.api;

import java.util.stream.IntStream;

/**
 * Runs a {@link SampleKernel} over all per-sample elements, in blocks of at most
 * {@link #BLOCK_ELEMENTS} {@code y_pred} elements of equal numbers of samples, on the fork-join
 * pool the caller runs in (the common pool otherwise).
 *
 * <p>The blocks depend only on the input size, never on the number of threads, and each writes
 * its own elements only, so the outputs are the same bits whatever the parallelism. An input of
 * at most one block runs on the calling thread, with no task created.
 */
final class SampleBlocks {
  /** The {@code y_pred} elements of one block: large enough to repay a task, small for L2. */
  static final int BLOCK_ELEMENTS = 1 << 15;

  private SampleBlocks() {}

  /**
   * Evaluates samples {@code [0, samples)} with {@code kernel}, as
   * {@link SampleKernel#evaluate} describes for each argument.
   */
  static void run(
      SampleKernel kernel, int samples, double[] values, double[] upstream, float[] gradient) {
    int blocks = blocks(samples, kernel.elementsPerSample());
    int perBlock = (samples + blocks - 1) / Math.max(1, blocks);
    if (blocks <= 1) {
      kernel.evaluate(0, samples, values, upstream, gradient);
      return;
    }
    IntStream.range(0, blocks).parallel().forEach(block -> {
      int from = block * perBlock;
      kernel.evaluate(from, Math.min(samples, from + perBlock), values, upstream, gradient);
    });
  }

  /**
   * Returns the number of blocks: as few as keep each at most {@link #BLOCK_ELEMENTS} elements
   * (or one sample), the samples then spread evenly over them.
   */
  static int blocks(int samples, int elementsPerSample) {
    int largest = Math.max(1, BLOCK_ELEMENTS / Math.max(1, elementsPerSample));
    return (samples + largest - 1) / largest;
  }
}
