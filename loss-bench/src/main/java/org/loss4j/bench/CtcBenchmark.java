package org.loss4j.bench;

import java.util.concurrent.TimeUnit;
import org.loss4j.api.LossAndGradient;
import org.loss4j.api.Tensor;
import org.loss4j.bench.internal.ComputeThreads;
import org.loss4j.bench.internal.Workload;
import org.loss4j.ctc.CTC;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures {@link CTC} on a speech-sized batch: 16 samples of 200 frames over 32 classes (the
 * blank included), each with a label of 40 entries, in float32 (Keras's default).
 *
 * <p>This is workload W7 of the performance issue; {@link ScalarBenchmark} and the peers measure
 * the same inputs ({@link Workload#w7()}). {@link #forward} is the reduced loss; {@link
 * #forwardAndGradient} adds the gradient with respect to the logits; both run on
 * {@link ComputeThreads}. Run with
 * {@code java -jar loss-bench/target/benchmarks.jar CtcBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CtcBenchmark {
  private static final int BATCH = 16;
  private static final int FRAMES = 200;
  private static final int CLASSES = 32;
  private static final int LABEL_LENGTH = 40;

  private CTC ctc;
  private Tensor labels;
  private Tensor logits;
  private ComputeThreads threads;

  /** Builds the loss; the inputs are {@link Workload#w7()}: labels in 1..31, logits in [-3, 3). */
  @Setup
  public void setUp() {
    Workload workload = Workload.w7();
    ctc = CTC.builder().build();
    labels = Tensor.ofInts(workload.classIds(), BATCH, LABEL_LENGTH);
    logits = Tensor.of(workload.yPred(), BATCH, FRAMES, CLASSES);
    threads = ComputeThreads.fromProperty();
  }

  /** Ends the compute threads. */
  @TearDown
  public void tearDown() {
    threads.close();
  }

  /** Returns the mean CTC loss of the batch. */
  @Benchmark
  public Tensor forward() {
    return threads.run(() -> ctc.compute(labels, logits));
  }

  /** Returns the mean CTC loss of the batch and its gradient with respect to the logits. */
  @Benchmark
  public LossAndGradient forwardAndGradient() {
    return threads.run(() -> ctc.valueAndGradient(labels, logits, null, null));
  }
}
