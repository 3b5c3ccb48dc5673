package org.loss4j.bench.peers;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.loss4j.bench.internal.Workload;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossKLD;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossPoisson;
import org.nd4j.linalg.lossfunctions.impl.LossSparseMCXENT;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures ND4J 1.0.0-M2.1 (native CPU backend) through its {@link ILossFunction}s:
 * {@code computeScore(..., average = true)} for the loss and {@code computeGradientAndScore}
 * for loss and gradient, the activation ({@code sigmoid}, {@code softmax} or identity) turning
 * the workload's logits or probabilities into the loss's input as ND4J expects.
 *
 * <p>ND4J's gradient writes into its {@code preOutput} argument (the activation's backprop works
 * in place), so every call gets a fresh copy of {@code y_pred}, made in a per-invocation setup
 * outside the timed region. ND4J normalises differently from Keras (a per-sample sum over the
 * last axis, averaged over the batch; the gradient not divided by the batch); the work is the
 * same up to one scaling. ND4J has no focal loss (W4), so that has no ND4J row. W7 runs ND4J's
 * {@code ctc_loss} and {@code ctc_loss_grad} ops after its {@code log_softmax} (see {@link W7}).
 * Its thread pool is set with {@code OMP_NUM_THREADS} (run script) and
 * {@link PeerThreads#count()}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class Nd4jPeerBenchmark {

  /** One workload's loss function, activation and inputs. */
  abstract static class Case {
    ILossFunction loss;
    IActivation activation;
    INDArray labels;
    INDArray original;
    INDArray preOutput;

    void prepare(ILossFunction loss, IActivation activation, Workload w) {
      int threads = PeerThreads.count();
      Nd4j.getEnvironment().setMaxThreads(threads);
      Nd4j.getEnvironment().setMaxMasterThreads(threads);
      this.loss = loss;
      this.activation = activation;
      long[] shape = {w.batch(), w.lastAxis()};
      original = Nd4j.create(w.yPred(), shape, DataType.FLOAT);
      if (w.yTrue() != null) {
        labels = Nd4j.create(w.yTrue(), shape, DataType.FLOAT);
      } else {
        float[] ids = new float[w.batch()];
        for (int b = 0; b < ids.length; b++) {
          ids[b] = w.classIds()[b];
        }
        labels = Nd4j.create(ids, new long[] {w.batch(), 1}, DataType.FLOAT);
      }
    }

    /** Gives the next call its own copy of {@code y_pred}. */
    @Setup(Level.Invocation)
    public void freshInput() {
      preOutput = original.dup();
    }

    double forward() {
      return loss.computeScore(labels, preOutput, activation, null, true);
    }

    Pair<Double, INDArray> forwardAndGradient() {
      return loss.computeGradientAndScore(labels, preOutput, activation, null, true);
    }
  }

  /** W1: LossBinaryXENT after a sigmoid. */
  @State(Scope.Thread)
  public static class W1 extends Case {
    /** Builds the loss and the inputs. */
    @Setup(Level.Trial)
    public void setUp() {
      prepare(new LossBinaryXENT(), new ActivationSigmoid(), Workload.w1());
    }
  }

  /** W2: LossMCXENT after a softmax. */
  @State(Scope.Thread)
  public static class W2 extends Case {
    /** Builds the loss and the inputs. */
    @Setup(Level.Trial)
    public void setUp() {
      prepare(new LossMCXENT(), new ActivationSoftmax(), Workload.w2());
    }
  }

  /** W3: LossSparseMCXENT after a softmax, labels [4096, 1]. */
  @State(Scope.Thread)
  public static class W3 extends Case {
    /** Builds the loss and the inputs. */
    @Setup(Level.Trial)
    public void setUp() {
      prepare(new LossSparseMCXENT(), new ActivationSoftmax(), Workload.w3());
    }
  }

  /** W5: LossKLD on probabilities. */
  @State(Scope.Thread)
  public static class W5 extends Case {
    /** Builds the loss and the inputs. */
    @Setup(Level.Trial)
    public void setUp() {
      prepare(new LossKLD(), new ActivationIdentity(), Workload.w5());
    }
  }

  /** W6: LossPoisson on rates. */
  @State(Scope.Thread)
  public static class W6 extends Case {
    /** Builds the loss and the inputs. */
    @Setup(Level.Trial)
    public void setUp() {
      prepare(new LossPoisson(), new ActivationIdentity(), Workload.w6());
    }
  }

  /**
   * W7: ND4J's CTC ops with blank 0. {@code Nd4j.loss().ctcLoss} fails in 1.0.0-M2.1 ("1 int
   * args expected, but 0 received": it passes no blank index), so the ops run as custom ops.
   * They expect log-probabilities, hence the {@code log_softmax} first; {@code ctc_loss_grad}
   * returns the per-sample gradient with respect to the logits, which is then divided by the
   * batch size for the mean.
   */
  @State(Scope.Thread)
  public static class W7 {
    INDArray logits;
    INDArray labels;
    INDArray labelLengths;
    INDArray logitLengths;

    /** Builds the inputs. */
    @Setup(Level.Trial)
    public void setUp() {
      int threads = PeerThreads.count();
      Nd4j.getEnvironment().setMaxThreads(threads);
      Nd4j.getEnvironment().setMaxMasterThreads(threads);
      Workload w = Workload.w7();
      int[] shape = w.shape();
      int batch = shape[0];
      int labelLength = w.classIds().length / batch;
      logits = Nd4j.create(w.yPred(), new long[] {batch, shape[1], shape[2]}, DataType.FLOAT);
      labels = Nd4j.createFromArray(w.classIds()).reshape(batch, labelLength);
      labelLengths = Nd4j.createFromArray(filled(batch, labelLength));
      logitLengths = Nd4j.createFromArray(filled(batch, shape[1]));
    }

    private static int[] filled(int length, int value) {
      int[] out = new int[length];
      Arrays.fill(out, value);
      return out;
    }

    INDArray logProbabilities() {
      INDArray out = Nd4j.create(DataType.FLOAT, logits.shape());
      Nd4j.exec(DynamicCustomOp.builder("log_softmax")
          .addInputs(logits).addOutputs(out).addIntegerArguments(2).build());
      return out;
    }

    double forward(INDArray logProbabilities) {
      INDArray perSample = Nd4j.create(DataType.FLOAT, logits.size(0));
      Nd4j.exec(DynamicCustomOp.builder("ctc_loss")
          .addInputs(labels, logProbabilities, labelLengths, logitLengths)
          .addOutputs(perSample).addIntegerArguments(0).build());
      return perSample.meanNumber().doubleValue();
    }

    INDArray gradient(INDArray logProbabilities) {
      INDArray gradient = Nd4j.create(DataType.FLOAT, logits.shape());
      Nd4j.exec(DynamicCustomOp.builder("ctc_loss_grad")
          .addInputs(labels, logProbabilities, labelLengths, logitLengths)
          .addOutputs(gradient).addIntegerArguments(0).build());
      return gradient.divi(logits.size(0));
    }
  }

  /** W8: LossBinaryXENT on probabilities. */
  @State(Scope.Thread)
  public static class W8 extends Case {
    /** Builds the loss and the inputs. */
    @Setup(Level.Trial)
    public void setUp() {
      prepare(new LossBinaryXENT(), new ActivationIdentity(), Workload.w8());
    }
  }

  /** W1 loss. */
  @Benchmark
  public double w1Forward(W1 in) {
    return in.forward();
  }

  /** W1 loss and gradient. */
  @Benchmark
  public Pair<Double, INDArray> w1ForwardAndGradient(W1 in) {
    return in.forwardAndGradient();
  }

  /** W2 loss. */
  @Benchmark
  public double w2Forward(W2 in) {
    return in.forward();
  }

  /** W2 loss and gradient. */
  @Benchmark
  public Pair<Double, INDArray> w2ForwardAndGradient(W2 in) {
    return in.forwardAndGradient();
  }

  /** W3 loss. */
  @Benchmark
  public double w3Forward(W3 in) {
    return in.forward();
  }

  /** W3 loss and gradient. */
  @Benchmark
  public Pair<Double, INDArray> w3ForwardAndGradient(W3 in) {
    return in.forwardAndGradient();
  }

  /** W5 loss. */
  @Benchmark
  public double w5Forward(W5 in) {
    return in.forward();
  }

  /** W5 loss and gradient. */
  @Benchmark
  public Pair<Double, INDArray> w5ForwardAndGradient(W5 in) {
    return in.forwardAndGradient();
  }

  /** W6 loss. */
  @Benchmark
  public double w6Forward(W6 in) {
    return in.forward();
  }

  /** W6 loss and gradient. */
  @Benchmark
  public Pair<Double, INDArray> w6ForwardAndGradient(W6 in) {
    return in.forwardAndGradient();
  }

  /** W7 loss. */
  @Benchmark
  public double w7Forward(W7 in) {
    return in.forward(in.logProbabilities());
  }

  /** W7 loss and gradient. */
  @Benchmark
  public Pair<Double, INDArray> w7ForwardAndGradient(W7 in) {
    INDArray logProbabilities = in.logProbabilities();
    return Pair.of(in.forward(logProbabilities), in.gradient(logProbabilities));
  }

  /** W8 loss. */
  @Benchmark
  public double w8Forward(W8 in) {
    return in.forward();
  }

  /** W8 loss and gradient. */
  @Benchmark
  public Pair<Double, INDArray> w8ForwardAndGradient(W8 in) {
    return in.forwardAndGradient();
  }
}
