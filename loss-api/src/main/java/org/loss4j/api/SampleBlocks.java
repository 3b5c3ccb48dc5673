package org.loss4j.api;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Runs a {@link SampleKernel} over all per-sample elements, in blocks of at most
 * {@link #BLOCK_ELEMENTS} {@code y_pred} elements of equal numbers of samples, on the calling
 * thread and on the fork-join pool it runs in (the common pool otherwise).
 *
 * <p>The blocks depend only on the input size, never on the number of threads, and each writes
 * its own elements only, so the outputs are the same bits whatever the parallelism. An input of
 * at most one block runs on the calling thread, with no task created; so does every input on a
 * pool of one worker, which the calling thread is.
 */
final class SampleBlocks {
  /** The {@code y_pred} elements of one block: large enough to repay a task, small for L2. */
  static final int BLOCK_ELEMENTS = 1 << 15;
  /** The system property that sets the common pool's parallelism. */
  private static final String COMMON_PARALLELISM =
      "java.util.concurrent.ForkJoinPool.common.parallelism";
  private static final boolean COMMON_POOL_HAS_NO_WORKERS = commonPoolHasNoWorkers();

  private SampleBlocks() {}

  /**
   * Evaluates samples {@code [0, samples)} with {@code kernel}, as
   * {@link SampleKernel#evaluate} describes for each argument.
   */
  static void run(
      SampleKernel kernel, int samples, double[] values, double[] upstream, float[] gradient) {
    int blocks = blocks(samples, kernel.elementsPerSample());
    int helpers = Math.min(blocks - 1, helpers());
    if (helpers <= 0) {
      kernel.evaluate(0, samples, values, upstream, gradient);
      return;
    }
    int perBlock = (samples + blocks - 1) / blocks;
    new BlockClaims(blocks, block -> {
      int from = block * perBlock;
      kernel.evaluate(from, Math.min(samples, from + perBlock), values, upstream, gradient);
    }).run(helpers);
  }

  /**
   * Returns the number of blocks: as few as keep each at most {@link #BLOCK_ELEMENTS} elements
   * (or one sample), the samples then spread evenly over them.
   */
  static int blocks(int samples, int elementsPerSample) {
    int largest = Math.max(1, BLOCK_ELEMENTS / Math.max(1, elementsPerSample));
    return (samples + largest - 1) / largest;
  }

  /**
   * Returns how many pool threads may join the calling thread: the other workers of its pool,
   * or every worker of the common pool for a thread outside any pool; none when the common pool
   * was configured without workers, for which {@code getCommonPoolParallelism()} still reports 1.
   */
  static int helpers() {
    if (ForkJoinTask.inForkJoinPool()) {
      return ForkJoinTask.getPool().getParallelism() - 1;
    }
    return COMMON_POOL_HAS_NO_WORKERS ? 0 : ForkJoinPool.getCommonPoolParallelism();
  }

  /**
   * Whether {@value #COMMON_PARALLELISM} is set to 0 or less, which leaves the common pool
   * without workers; read as the JDK reads it (an unparsable value keeps the default). A thread
   * factory that creates no threads also leaves it without workers, and is not detected: a
   * helper forked there stays in the queue for good, holding none of the call's inputs.
   */
  private static boolean commonPoolHasNoWorkers() {
    String parallelism = System.getProperty(COMMON_PARALLELISM);
    try {
      return parallelism != null && Integer.parseInt(parallelism) <= 0;
    } catch (NumberFormatException notANumber) {
      return false;
    }
  }
}
