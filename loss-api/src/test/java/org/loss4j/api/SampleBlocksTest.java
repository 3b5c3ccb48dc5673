package org.loss4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How {@link SampleBlocks} shares a call's blocks among threads: every sample is evaluated
 * exactly once, in the blocks the input size fixes, whichever threads take part; a failure in
 * any block reaches the caller; and the call never depends on a helper starting.
 */
class SampleBlocksTest {
  /** Four samples a block, so 101 samples make 26 blocks, the last of one sample. */
  private static final int ELEMENTS_PER_SAMPLE = SampleBlocks.BLOCK_ELEMENTS / 4;
  private static final int SAMPLES = 101;

  @ParameterizedTest(name = "pool of {0}")
  @ValueSource(ints = {1, 2, 8})
  void everySampleIsEvaluatedOnceInAPoolOf(int workers) throws Exception {
    CountingKernel kernel = new CountingKernel();
    ForkJoinPool pool = new ForkJoinPool(workers);
    try {
      pool.submit(() -> kernel.runAll()).get();
    } finally {
      pool.shutdown();
    }
    kernel.assertEachSampleOnceInWholeBlocks();
  }

  @Test
  void everySampleIsEvaluatedOnceFromAThreadOutsideAnyPool() {
    CountingKernel kernel = new CountingKernel();
    kernel.runAll();
    kernel.assertEachSampleOnceInWholeBlocks();
  }

  @Test
  void aPoolOfOneWorkerRunsTheWholeCallOnTheCallingThread() throws Exception {
    CountingKernel kernel = new CountingKernel();
    ForkJoinPool pool = new ForkJoinPool(1);
    try {
      Thread caller = pool.submit(() -> {
        kernel.runAll();
        return Thread.currentThread();
      }).get();
      assertEquals(Set.of(caller), kernel.threads);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void theCallerFinishesAloneWhenNoHelperEverStarts() throws Exception {
    ForkJoinPool pool = new ForkJoinPool(2);
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch occupied = new CountDownLatch(1);
    try {
      Future<?> blocker = pool.submit(() -> {
        occupied.countDown();
        release.await();
        return null;
      });
      occupied.await();
      CountingKernel kernel = new CountingKernel();
      Thread caller = pool.submit(() -> {
        kernel.runAll();
        return Thread.currentThread();
      }).get();
      kernel.assertEachSampleOnceInWholeBlocks();
      assertEquals(Set.of(caller), kernel.threads, "the other worker was blocked throughout");
      release.countDown();
      blocker.get();
    } finally {
      release.countDown();
      pool.shutdown();
    }
  }

  @ParameterizedTest(name = "pool of {0}")
  @ValueSource(ints = {1, 2, 8})
  void theFirstFailureOfABlockReachesTheCaller(int workers) throws Exception {
    IllegalArgumentException failure = new IllegalArgumentException("sample 48 failed");
    SampleKernel failing = new CountingKernel() {
      @Override
      public void evaluate(int from, int to, double[] values, double[] upstream, float[] g) {
        super.evaluate(from, to, values, upstream, g);
        if (from <= 48 && 48 < to) {
          throw failure;
        }
      }
    };
    ForkJoinPool pool = new ForkJoinPool(workers);
    try {
      Future<?> call = pool.submit(
          () -> SampleBlocks.run(failing, SAMPLES, new double[SAMPLES], null, null));
      ExecutionException thrown = assertThrows(ExecutionException.class, call::get);
      Throwable cause = thrown.getCause();
      while (cause != failure && cause.getCause() != null) {
        cause = cause.getCause();
      }
      assertSame(failure, cause);
    } finally {
      pool.shutdown();
    }
    assertSame(failure, assertThrows(IllegalArgumentException.class,
        () -> SampleBlocks.run(failing, SAMPLES, new double[SAMPLES], null, null)));
  }

  /** Counts the evaluations of each sample and records the threads and ranges it ran in. */
  private static class CountingKernel implements SampleKernel {
    final AtomicIntegerArray evaluations = new AtomicIntegerArray(SAMPLES);
    final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    final Set<Integer> rangeStarts = ConcurrentHashMap.newKeySet();
    final double[] values = new double[SAMPLES];

    void runAll() {
      SampleBlocks.run(this, SAMPLES, values, null, null);
    }

    @Override
    public int elementsPerSample() {
      return ELEMENTS_PER_SAMPLE;
    }

    @Override
    public void evaluate(int from, int to, double[] values, double[] upstream, float[] g) {
      threads.add(Thread.currentThread());
      rangeStarts.add(from);
      for (int i = from; i < to; i++) {
        evaluations.incrementAndGet(i);
        values[i] = i + 0.5;
      }
    }

    void assertEachSampleOnceInWholeBlocks() {
      for (int i = 0; i < SAMPLES; i++) {
        assertEquals(1, evaluations.get(i), "evaluations of sample " + i);
        assertEquals(i + 0.5, values[i], "value of sample " + i + ", seen by the caller");
      }
      int blocks = SampleBlocks.blocks(SAMPLES, ELEMENTS_PER_SAMPLE);
      assertEquals(26, blocks);
      if (threads.size() > 1) {
        assertEquals(blocks, rangeStarts.size(), "one range per block");
        for (int block = 0; block < blocks; block++) {
          assertEquals(true, rangeStarts.contains(4 * block), "block " + block + " starts");
        }
      }
    }
  }
}
