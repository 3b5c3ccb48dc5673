package org.loss4j.bench;

import java.util.concurrent.TimeUnit;
import org.loss4j.bench.internal.ScalarLosses;
import org.loss4j.bench.internal.Workload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Measures the plain scalar Java baseline ({@link ScalarLosses}) on the same eight workloads as
 * {@link Loss4jBenchmark}, {@link CtcBenchmark} and the peers. It runs on one thread by
 * construction. A gradient call allocates its output array, as the library does.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ScalarBenchmark {

  /** One workload's inputs. */
  abstract static class Case {
    Workload w;
  }

  /** W1's inputs, drawn once. */
  @State(Scope.Benchmark)
  public static class W1 extends Case {
    /** Draws the inputs. */
    @Setup
    public void setUp() {
      w = Workload.w1();
    }
  }

  /** W2's inputs, drawn once. */
  @State(Scope.Benchmark)
  public static class W2 extends Case {
    /** Draws the inputs. */
    @Setup
    public void setUp() {
      w = Workload.w2();
    }
  }

  /** W3's inputs, drawn once. */
  @State(Scope.Benchmark)
  public static class W3 extends Case {
    /** Draws the inputs. */
    @Setup
    public void setUp() {
      w = Workload.w3();
    }
  }

  /** W4's inputs, drawn once. */
  @State(Scope.Benchmark)
  public static class W4 extends Case {
    /** Draws the inputs. */
    @Setup
    public void setUp() {
      w = Workload.w4();
    }
  }

  /** W5's inputs, drawn once. */
  @State(Scope.Benchmark)
  public static class W5 extends Case {
    /** Draws the inputs. */
    @Setup
    public void setUp() {
      w = Workload.w5();
    }
  }

  /** W6's inputs, drawn once. */
  @State(Scope.Benchmark)
  public static class W6 extends Case {
    /** Draws the inputs. */
    @Setup
    public void setUp() {
      w = Workload.w6();
    }
  }

  /** W7's inputs, drawn once. */
  @State(Scope.Benchmark)
  public static class W7 extends Case {
    /** Draws the inputs. */
    @Setup
    public void setUp() {
      w = Workload.w7();
    }
  }

  /** W8's inputs, drawn once. */
  @State(Scope.Benchmark)
  public static class W8 extends Case {
    /** Draws the inputs. */
    @Setup
    public void setUp() {
      w = Workload.w8();
    }
  }

  /** W1 loss. */
  @Benchmark
  public double w1Forward(W1 in) {
    return ScalarLosses.binaryFromLogits(in.w.yTrue(), in.w.yPred(), null);
  }

  /** W1 loss and gradient. */
  @Benchmark
  public float[] w1ForwardAndGradient(W1 in, Blackhole bh) {
    float[] gradient = new float[in.w.yPred().length];
    bh.consume(ScalarLosses.binaryFromLogits(in.w.yTrue(), in.w.yPred(), gradient));
    return gradient;
  }

  /** W2 loss. */
  @Benchmark
  public double w2Forward(W2 in) {
    return ScalarLosses.categoricalFromLogits(in.w.yTrue(), in.w.yPred(), 1000, null);
  }

  /** W2 loss and gradient. */
  @Benchmark
  public float[] w2ForwardAndGradient(W2 in, Blackhole bh) {
    float[] gradient = new float[in.w.yPred().length];
    bh.consume(ScalarLosses.categoricalFromLogits(in.w.yTrue(), in.w.yPred(), 1000, gradient));
    return gradient;
  }

  /** W3 loss. */
  @Benchmark
  public double w3Forward(W3 in) {
    return ScalarLosses.sparseFromLogits(in.w.classIds(), in.w.yPred(), 1000, null);
  }

  /** W3 loss and gradient. */
  @Benchmark
  public float[] w3ForwardAndGradient(W3 in, Blackhole bh) {
    float[] gradient = new float[in.w.yPred().length];
    bh.consume(ScalarLosses.sparseFromLogits(in.w.classIds(), in.w.yPred(), 1000, gradient));
    return gradient;
  }

  /** W4 loss. */
  @Benchmark
  public double w4Forward(W4 in) {
    return ScalarLosses.binaryFocalFromLogits(in.w.yTrue(), in.w.yPred(), null);
  }

  /** W4 loss and gradient. */
  @Benchmark
  public float[] w4ForwardAndGradient(W4 in, Blackhole bh) {
    float[] gradient = new float[in.w.yPred().length];
    bh.consume(ScalarLosses.binaryFocalFromLogits(in.w.yTrue(), in.w.yPred(), gradient));
    return gradient;
  }

  /** W5 loss. */
  @Benchmark
  public double w5Forward(W5 in) {
    return ScalarLosses.klDivergence(in.w.yTrue(), in.w.yPred(), 1000, null);
  }

  /** W5 loss and gradient. */
  @Benchmark
  public float[] w5ForwardAndGradient(W5 in, Blackhole bh) {
    float[] gradient = new float[in.w.yPred().length];
    bh.consume(ScalarLosses.klDivergence(in.w.yTrue(), in.w.yPred(), 1000, gradient));
    return gradient;
  }

  /** W6 loss. */
  @Benchmark
  public double w6Forward(W6 in) {
    return ScalarLosses.poisson(in.w.yTrue(), in.w.yPred(), null);
  }

  /** W6 loss and gradient. */
  @Benchmark
  public float[] w6ForwardAndGradient(W6 in, Blackhole bh) {
    float[] gradient = new float[in.w.yPred().length];
    bh.consume(ScalarLosses.poisson(in.w.yTrue(), in.w.yPred(), gradient));
    return gradient;
  }

  /** W7 loss. */
  @Benchmark
  public double w7Forward(W7 in) {
    return ScalarLosses.ctc(in.w.classIds(), 40, in.w.yPred(), 200, 32, null);
  }

  /** W7 loss and gradient. */
  @Benchmark
  public float[] w7ForwardAndGradient(W7 in, Blackhole bh) {
    float[] gradient = new float[in.w.yPred().length];
    bh.consume(ScalarLosses.ctc(in.w.classIds(), 40, in.w.yPred(), 200, 32, gradient));
    return gradient;
  }

  /** W8 loss. */
  @Benchmark
  public double w8Forward(W8 in) {
    return ScalarLosses.binaryFromProbabilities(in.w.yTrue(), in.w.yPred(), null);
  }

  /** W8 loss and gradient. */
  @Benchmark
  public float[] w8ForwardAndGradient(W8 in, Blackhole bh) {
    float[] gradient = new float[in.w.yPred().length];
    bh.consume(ScalarLosses.binaryFromProbabilities(in.w.yTrue(), in.w.yPred(), gradient));
    return gradient;
  }
}
