package org.loss4j.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures what a second thread can add on this machine, with no loss4j code: run it with
 * {@code -t 1} and then {@code -t 2} (JMH threads, each with its own arrays) and compare the
 * time per call. Twice the 1-thread time divided by the 2-thread time is the 2-thread speed-up
 * the machine allows.
 *
 * <ul>
 *   <li>{@link #multiplyAddLanes}: a multiply-add over two arrays that fit in the L1 cache,
 *       which the JIT vectorises; it is bound by floating-point throughput, like the loss
 *       kernels. Two threads on separate cores take the same time per call as one; two
 *       threads sharing one core's floating-point units take twice as long.
 *   <li>{@link #integerChain}: a chain of dependent integer multiplications, bound by latency,
 *       which a second thread on a shared core can still overlap.
 *   <li>{@link #streamSum}: a sum over 16 MB per thread, more than the caches keep for long,
 *       bound by memory bandwidth, as the loss workloads' 4-16 MB inputs partly are.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MachineBenchmark {
  private static final int LENGTH = 4096;
  private static final int CHAIN = 100_000;
  private static final int STREAM = 1 << 22;

  /** One thread's arrays ({@code x} all ones, so {@code y} settles near 1000) and seed. */
  @State(Scope.Thread)
  public static class Lanes {
    final float[] x = new float[LENGTH];
    final float[] y = new float[LENGTH];
    final float[] stream = new float[STREAM];
    long seed = 7;

    /** Fills {@code x} with ones. */
    public Lanes() {
      Arrays.fill(x, 1f);
    }
  }

  /** Runs {@code y = 0.999 y + 1.0001 x} over 4096 floats, 16 times. */
  @Benchmark
  public float multiplyAddLanes(Lanes lanes) {
    float[] x = lanes.x;
    float[] y = lanes.y;
    for (int pass = 0; pass < 16; pass++) {
      for (int i = 0; i < LENGTH; i++) {
        y[i] = y[i] * 0.999f + x[i] * 1.0001f;
      }
    }
    return y[LENGTH / 2];
  }

  /** Runs 100,000 steps of a 64-bit linear congruential generator. */
  @Benchmark
  public long integerChain(Lanes lanes) {
    long state = lanes.seed;
    for (int step = 0; step < CHAIN; step++) {
      state = state * 6364136223846793005L + 1442695040888963407L;
    }
    lanes.seed = state;
    return state;
  }

  /** Sums 4M floats (16 MB) in eight interleaved partial sums, which the JIT vectorises. */
  @Benchmark
  public float streamSum(Lanes lanes) {
    float[] values = lanes.stream;
    float[] partial = new float[8];
    for (int i = 0; i < STREAM; i += 8) {
      for (int lane = 0; lane < 8; lane++) {
        partial[lane] += values[i + lane];
      }
    }
    float total = 0;
    for (float value : partial) {
      total += value;
    }
    return total;
  }
}
