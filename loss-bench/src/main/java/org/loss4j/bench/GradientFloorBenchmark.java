package org.loss4j.bench;

import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.loss4j.bench.internal.ComputeThreads;
import org.loss4j.bench.internal.Workload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures the least that a call returning a new gradient of W3's shape (4096 x 1000 floats)
 * must do, with no loss4j code: allocate the array (the JVM zeroes it on the allocating thread)
 * and write each entry once from {@code y_pred}, the writes split over {@code bench.threads}
 * threads of a fork-join pool, as {@code Loss4jBenchmark} runs loss4j. No kernel can return a
 * gradient faster than this on the same machine, so it bounds the +gradient ratios that W2, W3
 * and W5 (inputs of the same size) can reach.
 *
 * <pre>{@code java -Dbench.threads=2 -jar loss-bench/target/benchmarks.jar GradientFloor}</pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dbench.threads=2")
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class GradientFloorBenchmark {

  /** W3's predictions and the compute threads. */
  @State(Scope.Benchmark)
  public static class Input {
    float[] yPred;
    ComputeThreads threads;

    /** Creates W3's inputs and the pool. */
    @Setup(Level.Trial)
    public void prepare() {
      yPred = Workload.w3().yPred();
      threads = ComputeThreads.fromProperty();
    }

    /** Shuts the pool down. */
    @TearDown(Level.Trial)
    public void close() {
      threads.close();
    }
  }

  /** Allocates the gradient and writes {@code y_pred / 2} into it, in one part per thread. */
  @Benchmark
  public float[] allocateAndWriteOnce(Input in) {
    float[] yPred = in.yPred;
    int parts = in.threads.threads();
    return in.threads.run(() -> {
      float[] gradient = new float[yPred.length];
      IntStream.range(0, parts).parallel().forEach(part -> {
        int end = (int) ((long) yPred.length * (part + 1) / parts);
        for (int i = (int) ((long) yPred.length * part / parts); i < end; i++) {
          gradient[i] = yPred[i] * 0.5f;
        }
      });
      return gradient;
    });
  }
}
