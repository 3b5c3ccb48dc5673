package org.loss4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
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

  @ParameterizedTest(name = "other workers busy: {0}")
  @ValueSource(booleans = {true, false})
  void noHelperIsLeftQueuedAfterACall(boolean othersBusy) throws Exception {
    ForkJoinPool pool = new ForkJoinPool(8);
    CountDownLatch release = new CountDownLatch(1);
    try {
      if (othersBusy) {
        CountDownLatch occupied = new CountDownLatch(7);
        for (int i = 0; i < 7; i++) {
          pool.execute(() -> {
            occupied.countDown();
            awaitQuietly(release);
          });
        }
        occupied.await();
      }
      for (int call = 0; call < 20; call++) {
        CountingKernel kernel = new CountingKernel();
        int queued = pool.submit(() -> {
          kernel.runAll();
          return ForkJoinTask.getQueuedTaskCount();
        }).get();
        kernel.assertEachSampleOnceInWholeBlocks();
        assertEquals(0, queued, "helpers left in the caller's queue after call " + call);
      }
    } finally {
      release.countDown();
      pool.shutdown();
    }
  }

  @Test
  void anInterruptedCallerFinishesTheCallAndStaysInterrupted() {
    CountingKernel kernel = new CountingKernel();
    Thread.currentThread().interrupt();
    try {
      kernel.runAll();
      assertTrue(Thread.currentThread().isInterrupted(), "interrupt status kept");
    } finally {
      Thread.interrupted();
    }
    kernel.assertEachSampleOnceInWholeBlocks();
  }

  @ParameterizedTest(name = "common parallelism {0}")
  @ValueSource(strings = {"0", "-1"})
  void aCommonPoolWithoutWorkersLeavesTheWholeCallToTheCaller(String parallelism)
      throws Exception {
    // With common parallelism 0 (or below) a helper handed to the common pool would never run;
    // a parallel stream whose tasks call the kernel then waited for it forever. Own JVM.
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.util.concurrent.ForkJoinPool.common.parallelism=" + parallelism,
        "-cp", childClassPath(),
        CommonPoolWithoutWorkers.class.getName())
        .redirectErrorStream(true)
        .start();
    boolean ended = child.waitFor(2, TimeUnit.MINUTES);
    if (!ended) {
      child.destroyForcibly();
    }
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(ended, "the child JVM was still running after 2 minutes: " + output);
    assertEquals(0, child.exitValue(), output);
    assertEquals("helpers 0, evaluations 404", output.strip());
  }

  /** A parallel stream of four calls, in a JVM whose common pool has no workers. */
  static final class CommonPoolWithoutWorkers {
    public static void main(String[] args) {
      int evaluations = IntStream.range(0, 4).parallel().map(call -> {
        CountingKernel kernel = new CountingKernel();
        kernel.runAll();
        int total = 0;
        for (int i = 0; i < SAMPLES; i++) {
          total += kernel.evaluations.get(i);
        }
        return total;
      }).sum();
      System.out.println("helpers " + SampleBlocks.helpers() + ", evaluations " + evaluations);
    }
  }

  /** The test's class path, with the module path surefire may have put the classes on. */
  private static String childClassPath() {
    String modules = System.getProperty("jdk.module.path", "");
    String classes = System.getProperty("java.class.path", "");
    return modules.isEmpty() ? classes : modules + File.pathSeparator + classes;
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
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
