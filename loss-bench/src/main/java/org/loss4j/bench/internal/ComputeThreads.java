package org.loss4j.bench.internal;

import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

/**
 * The compute threads of one benchmark run: a fork-join pool of {@code bench.threads} workers
 * (1 unless set), in which loss4j runs a call and splits it. A call made from the benchmark
 * thread would use the common pool and the calling thread together, one thread more than asked.
 */
public final class ComputeThreads implements AutoCloseable {
  /** The system property bench.sh sets to the number of compute threads. */
  public static final String PROPERTY = "bench.threads";

  private final ForkJoinPool pool;

  private ComputeThreads(int threads) {
    this.pool = new ForkJoinPool(threads);
  }

  /** Returns a pool of {@code bench.threads} workers. */
  public static ComputeThreads fromProperty() {
    return new ComputeThreads(Integer.getInteger(PROPERTY, 1));
  }

  /** Runs {@code call} on the pool and returns its result. */
  public <T> T run(Supplier<T> call) {
    return pool.submit(call::get).join();
  }

  /** Returns the number of workers. */
  public int threads() {
    return pool.getParallelism();
  }

  @Override
  public void close() {
    pool.shutdown();
  }
}
