package org.loss4j.bench.peers;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.SigmoidBinaryCrossEntropyLoss;
import ai.djl.training.loss.SoftmaxCrossEntropyLoss;
import java.util.concurrent.TimeUnit;
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
 * Measures DJL 0.36.0 with its PyTorch 2.7.1 CPU engine, offline. W1, W2, W3 and W8 use DJL's
 * own {@code SigmoidBinaryCrossEntropyLoss} and {@code SoftmaxCrossEntropyLoss}; DJL has no
 * focal, KL or Poisson loss, so W4, W5 and W6 are composed from NDArray operations as Keras
 * writes them; DJL exposes no CTC loss, so W7 has no DJL row. The gradient is taken with a
 * {@link GradientCollector}.
 *
 * <p>DJL accumulates gradients across calls on an array that requires them, and every
 * operation attaches its result to its operand's manager; so each call gets a fresh sub-manager
 * holding fresh copies of both inputs, made and closed outside the timed region. PyTorch's
 * intra- and inter-op threads are set to {@link PeerThreads#count()} before the engine starts.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class DjlPeerBenchmark {
  private static final float EPSILON = 1e-7f;

  /** One workload's inputs, and the fresh copies of the next call. */
  abstract static class Case {
    NDManager base;
    NDArray originalTrue;
    NDArray originalPred;
    NDManager call;
    NDArray yTrue;
    NDArray yPred;

    abstract NDArray loss(NDArray labels, NDArray predictions);

    void prepare(Workload w) {
      String threads = String.valueOf(PeerThreads.count());
      System.setProperty("ai.djl.offline", "true");
      System.setProperty("ai.djl.pytorch.num_threads", threads);
      System.setProperty("ai.djl.pytorch.num_interop_threads", threads);
      base = NDManager.newBaseManager();
      Shape shape = new Shape(w.batch(), w.lastAxis());
      originalPred = base.create(w.yPred(), shape);
      if (w.yTrue() != null) {
        originalTrue = base.create(w.yTrue(), shape);
      } else {
        long[] ids = new long[w.batch()];
        for (int b = 0; b < ids.length; b++) {
          ids[b] = w.classIds()[b];
        }
        originalTrue = base.create(ids, new Shape(w.batch()));
      }
    }

    /** Gives the next call its own manager and copies of the inputs. */
    @Setup(Level.Invocation)
    public void freshInputs() {
      call = base.newSubManager();
      yTrue = originalTrue.duplicate();
      yTrue.attach(call);
      yPred = originalPred.duplicate();
      yPred.attach(call);
    }

    /** Frees everything the last call made. */
    @TearDown(Level.Invocation)
    public void freeCall() {
      call.close();
    }

    /** Frees the inputs. */
    @TearDown(Level.Trial)
    public void freeAll() {
      base.close();
    }

    float forward() {
      return loss(yTrue, yPred).getFloat();
    }

    NDArray forwardAndGradient() {
      yPred.setRequiresGradient(true);
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        NDArray value = loss(yTrue, yPred);
        collector.backward(value);
      }
      return yPred.getGradient();
    }
  }

  /** W1: SigmoidBinaryCrossEntropyLoss on logits. */
  @State(Scope.Thread)
  public static class W1 extends Case {
    private final SigmoidBinaryCrossEntropyLoss loss =
        new SigmoidBinaryCrossEntropyLoss("w1", 1f, false);

    /** Builds the inputs. */
    @Setup(Level.Trial)
    public void setUp() {
      prepare(Workload.w1());
    }

    @Override
    NDArray loss(NDArray labels, NDArray predictions) {
      return loss.evaluate(new NDList(labels), new NDList(predictions));
    }
  }

  /** W2: SoftmaxCrossEntropyLoss on logits, dense labels. */
  @State(Scope.Thread)
  public static class W2 extends Case {
    private final SoftmaxCrossEntropyLoss loss =
        new SoftmaxCrossEntropyLoss("w2", 1f, -1, false, true);

    /** Builds the inputs. */
    @Setup(Level.Trial)
    public void setUp() {
      prepare(Workload.w2());
    }

    @Override
    NDArray loss(NDArray labels, NDArray predictions) {
      return loss.evaluate(new NDList(labels), new NDList(predictions));
    }
  }

  /** W3: SoftmaxCrossEntropyLoss on logits, sparse int64 labels. */
  @State(Scope.Thread)
  public static class W3 extends Case {
    private final SoftmaxCrossEntropyLoss loss =
        new SoftmaxCrossEntropyLoss("w3", 1f, -1, true, true);

    /** Builds the inputs. */
    @Setup(Level.Trial)
    public void setUp() {
      prepare(Workload.w3());
    }

    @Override
    NDArray loss(NDArray labels, NDArray predictions) {
      return loss.evaluate(new NDList(labels), new NDList(predictions));
    }
  }

  /** W4: {@code mean((1 - p_t)^2 * bce_with_logits)}, composed. */
  @State(Scope.Thread)
  public static class W4 extends Case {
    /** Builds the inputs. */
    @Setup(Level.Trial)
    public void setUp() {
      prepare(Workload.w4());
    }

    @Override
    NDArray loss(NDArray y, NDArray x) {
      NDArray p = Activation.sigmoid(x);
      NDArray ce = Activation.relu(x).sub(x.mul(y)).add(Activation.softPlus(x.abs().neg()));
      NDArray pt = y.mul(p).add(y.neg().add(1).mul(p.neg().add(1)));
      return pt.neg().add(1).square().mul(ce).mean();
    }
  }

  /** W5: {@code mean(sum(t * log(t / p), -1))} with both clipped to [1e-7, 1], composed. */
  @State(Scope.Thread)
  public static class W5 extends Case {
    /** Builds the inputs. */
    @Setup(Level.Trial)
    public void setUp() {
      prepare(Workload.w5());
    }

    @Override
    NDArray loss(NDArray y, NDArray x) {
      NDArray t = y.clip(EPSILON, 1);
      NDArray p = x.clip(EPSILON, 1);
      return t.mul(t.div(p).log()).sum(new int[] {-1}).mean();
    }
  }

  /** W6: {@code mean(p - y * log(p + 1e-7))}, composed. */
  @State(Scope.Thread)
  public static class W6 extends Case {
    /** Builds the inputs. */
    @Setup(Level.Trial)
    public void setUp() {
      prepare(Workload.w6());
    }

    @Override
    NDArray loss(NDArray y, NDArray x) {
      return x.sub(y.mul(x.add(EPSILON).log())).mean();
    }
  }

  /** W8: SigmoidBinaryCrossEntropyLoss on probabilities. */
  @State(Scope.Thread)
  public static class W8 extends Case {
    private final SigmoidBinaryCrossEntropyLoss loss =
        new SigmoidBinaryCrossEntropyLoss("w8", 1f, true);

    /** Builds the inputs. */
    @Setup(Level.Trial)
    public void setUp() {
      prepare(Workload.w8());
    }

    @Override
    NDArray loss(NDArray labels, NDArray predictions) {
      return loss.evaluate(new NDList(labels), new NDList(predictions));
    }
  }

  /** W1 loss. */
  @Benchmark
  public float w1Forward(W1 in) {
    return in.forward();
  }

  /** W1 loss and gradient. */
  @Benchmark
  public NDArray w1ForwardAndGradient(W1 in) {
    return in.forwardAndGradient();
  }

  /** W2 loss. */
  @Benchmark
  public float w2Forward(W2 in) {
    return in.forward();
  }

  /** W2 loss and gradient. */
  @Benchmark
  public NDArray w2ForwardAndGradient(W2 in) {
    return in.forwardAndGradient();
  }

  /** W3 loss. */
  @Benchmark
  public float w3Forward(W3 in) {
    return in.forward();
  }

  /** W3 loss and gradient. */
  @Benchmark
  public NDArray w3ForwardAndGradient(W3 in) {
    return in.forwardAndGradient();
  }

  /** W4 loss. */
  @Benchmark
  public float w4Forward(W4 in) {
    return in.forward();
  }

  /** W4 loss and gradient. */
  @Benchmark
  public NDArray w4ForwardAndGradient(W4 in) {
    return in.forwardAndGradient();
  }

  /** W5 loss. */
  @Benchmark
  public float w5Forward(W5 in) {
    return in.forward();
  }

  /** W5 loss and gradient. */
  @Benchmark
  public NDArray w5ForwardAndGradient(W5 in) {
    return in.forwardAndGradient();
  }

  /** W6 loss. */
  @Benchmark
  public float w6Forward(W6 in) {
    return in.forward();
  }

  /** W6 loss and gradient. */
  @Benchmark
  public NDArray w6ForwardAndGradient(W6 in) {
    return in.forwardAndGradient();
  }

  /** W8 loss. */
  @Benchmark
  public float w8Forward(W8 in) {
    return in.forward();
  }

  /** W8 loss and gradient. */
  @Benchmark
  public NDArray w8ForwardAndGradient(W8 in) {
    return in.forwardAndGradient();
  }
}
