package org.loss4j.bench;

import java.util.concurrent.TimeUnit;
import org.loss4j.api.Loss;
import org.loss4j.api.LossAndGradient;
import org.loss4j.api.Tensor;
import org.loss4j.bench.internal.ComputeThreads;
import org.loss4j.bench.internal.Workload;
import org.loss4j.core.BinaryCrossentropy;
import org.loss4j.core.CategoricalCrossentropy;
import org.loss4j.core.KLDivergence;
import org.loss4j.core.Poisson;
import org.loss4j.core.SparseCategoricalCrossentropy;
import org.loss4j.focal.BinaryFocalCrossentropy;
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
 * Measures the loss4j losses through their public API on workloads W1-W6 and W8 of the
 * performance issue ({@link CtcBenchmark} measures W7): {@code wNForward} is
 * {@link Loss#compute}, {@code wNForwardAndGradient} is {@link Loss#valueAndGradient}, and
 * {@code wNGradientIntoBuffer} is the same into a gradient array kept across calls (the
 * caller-buffer overload, which no peer has). The inputs are float32 tensors built once from
 * {@link Workload}; every call allocates only what the library allocates. W1-W6 run on
 * {@link ComputeThreads} ({@code bench.threads} workers, the benchmark thread waiting); W8, one
 * block at any thread count, runs on the benchmark thread.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Loss4jBenchmark {

  /**
   * A loss, its two float32 operands, the compute threads it runs on, and a gradient buffer for
   * the caller-buffer calls.
   */
  abstract static class Case {
    Loss loss;
    Tensor yTrue;
    Tensor yPred;
    ComputeThreads threads;
    float[] gradient;

    /** Ends the compute threads. */
    @TearDown
    public void tearDown() {
      threads.close();
    }

    void prepare(Loss loss, Workload workload) {
      this.loss = loss;
      this.threads = ComputeThreads.fromProperty();
      this.yPred = Tensor.of(workload.yPred(), workload.shape());
      this.gradient = new float[yPred.size()];
      this.yTrue = workload.yTrue() != null
          ? Tensor.of(workload.yTrue(), workload.shape())
          : Tensor.ofInts(workload.classIds(), workload.batch());
    }
  }

  /** W1: BinaryCrossentropy from logits, [4096, 256]. */
  @State(Scope.Benchmark)
  public static class W1 extends Case {
    /** Builds the loss and the inputs. */
    @Setup
    public void setUp() {
      prepare(BinaryCrossentropy.builder().fromLogits(true).build(), Workload.w1());
    }
  }

  /** W2: CategoricalCrossentropy from logits, [4096, 1000]. */
  @State(Scope.Benchmark)
  public static class W2 extends Case {
    /** Builds the loss and the inputs. */
    @Setup
    public void setUp() {
      prepare(CategoricalCrossentropy.builder().fromLogits(true).build(), Workload.w2());
    }
  }

  /** W3: SparseCategoricalCrossentropy from logits, [4096, 1000]. */
  @State(Scope.Benchmark)
  public static class W3 extends Case {
    /** Builds the loss and the inputs. */
    @Setup
    public void setUp() {
      prepare(SparseCategoricalCrossentropy.builder().fromLogits(true).build(), Workload.w3());
    }
  }

  /** W4: BinaryFocalCrossentropy from logits, gamma 2, [4096, 256]. */
  @State(Scope.Benchmark)
  public static class W4 extends Case {
    /** Builds the loss and the inputs. */
    @Setup
    public void setUp() {
      prepare(BinaryFocalCrossentropy.builder().gamma(2).fromLogits(true).build(),
          Workload.w4());
    }
  }

  /** W5: KLDivergence, [4096, 1000]. */
  @State(Scope.Benchmark)
  public static class W5 extends Case {
    /** Builds the loss and the inputs. */
    @Setup
    public void setUp() {
      prepare(KLDivergence.builder().build(), Workload.w5());
    }
  }

  /** W6: Poisson, [4096, 256]. */
  @State(Scope.Benchmark)
  public static class W6 extends Case {
    /** Builds the loss and the inputs. */
    @Setup
    public void setUp() {
      prepare(Poisson.builder().build(), Workload.w6());
    }
  }

  /** W8: BinaryCrossentropy with Keras's defaults, [32, 1]. */
  @State(Scope.Benchmark)
  public static class W8 extends Case {
    /** Builds the loss and the inputs. */
    @Setup
    public void setUp() {
      prepare(BinaryCrossentropy.builder().build(), Workload.w8());
    }
  }

  /** W1 loss. */
  @Benchmark
  public Tensor w1Forward(W1 in) {
    return in.threads.run(() -> in.loss.compute(in.yTrue, in.yPred));
  }

  /** W1 loss and gradient. */
  @Benchmark
  public LossAndGradient w1ForwardAndGradient(W1 in) {
    return in.threads.run(() -> in.loss.valueAndGradient(in.yTrue, in.yPred, null, null));
  }

  /** W1 loss, and its gradient into the buffer kept in {@code in}. */
  @Benchmark
  public Tensor w1GradientIntoBuffer(W1 in) {
    return in.threads.run(
        () -> in.loss.valueAndGradient(in.yTrue, in.yPred, null, null, in.gradient));
  }

  /** W2 loss. */
  @Benchmark
  public Tensor w2Forward(W2 in) {
    return in.threads.run(() -> in.loss.compute(in.yTrue, in.yPred));
  }

  /** W2 loss and gradient. */
  @Benchmark
  public LossAndGradient w2ForwardAndGradient(W2 in) {
    return in.threads.run(() -> in.loss.valueAndGradient(in.yTrue, in.yPred, null, null));
  }

  /** W2 loss, and its gradient into the buffer kept in {@code in}. */
  @Benchmark
  public Tensor w2GradientIntoBuffer(W2 in) {
    return in.threads.run(
        () -> in.loss.valueAndGradient(in.yTrue, in.yPred, null, null, in.gradient));
  }

  /** W3 loss. */
  @Benchmark
  public Tensor w3Forward(W3 in) {
    return in.threads.run(() -> in.loss.compute(in.yTrue, in.yPred));
  }

  /** W3 loss and gradient. */
  @Benchmark
  public LossAndGradient w3ForwardAndGradient(W3 in) {
    return in.threads.run(() -> in.loss.valueAndGradient(in.yTrue, in.yPred, null, null));
  }

  /** W3 loss, and its gradient into the buffer kept in {@code in}. */
  @Benchmark
  public Tensor w3GradientIntoBuffer(W3 in) {
    return in.threads.run(
        () -> in.loss.valueAndGradient(in.yTrue, in.yPred, null, null, in.gradient));
  }

  /** W4 loss. */
  @Benchmark
  public Tensor w4Forward(W4 in) {
    return in.threads.run(() -> in.loss.compute(in.yTrue, in.yPred));
  }

  /** W4 loss and gradient. */
  @Benchmark
  public LossAndGradient w4ForwardAndGradient(W4 in) {
    return in.threads.run(() -> in.loss.valueAndGradient(in.yTrue, in.yPred, null, null));
  }

  /** W4 loss, and its gradient into the buffer kept in {@code in}. */
  @Benchmark
  public Tensor w4GradientIntoBuffer(W4 in) {
    return in.threads.run(
        () -> in.loss.valueAndGradient(in.yTrue, in.yPred, null, null, in.gradient));
  }

  /** W5 loss. */
  @Benchmark
  public Tensor w5Forward(W5 in) {
    return in.threads.run(() -> in.loss.compute(in.yTrue, in.yPred));
  }

  /** W5 loss and gradient. */
  @Benchmark
  public LossAndGradient w5ForwardAndGradient(W5 in) {
    return in.threads.run(() -> in.loss.valueAndGradient(in.yTrue, in.yPred, null, null));
  }

  /** W5 loss, and its gradient into the buffer kept in {@code in}. */
  @Benchmark
  public Tensor w5GradientIntoBuffer(W5 in) {
    return in.threads.run(
        () -> in.loss.valueAndGradient(in.yTrue, in.yPred, null, null, in.gradient));
  }

  /** W6 loss. */
  @Benchmark
  public Tensor w6Forward(W6 in) {
    return in.threads.run(() -> in.loss.compute(in.yTrue, in.yPred));
  }

  /** W6 loss and gradient. */
  @Benchmark
  public LossAndGradient w6ForwardAndGradient(W6 in) {
    return in.threads.run(() -> in.loss.valueAndGradient(in.yTrue, in.yPred, null, null));
  }

  /** W6 loss, and its gradient into the buffer kept in {@code in}. */
  @Benchmark
  public Tensor w6GradientIntoBuffer(W6 in) {
    return in.threads.run(
        () -> in.loss.valueAndGradient(in.yTrue, in.yPred, null, null, in.gradient));
  }

  /** W8 loss. */
  @Benchmark
  public Tensor w8Forward(W8 in) {
    return in.loss.compute(in.yTrue, in.yPred);
  }

  /** W8 loss and gradient. */
  @Benchmark
  public LossAndGradient w8ForwardAndGradient(W8 in) {
    return in.loss.valueAndGradient(in.yTrue, in.yPred, null, null);
  }
}
