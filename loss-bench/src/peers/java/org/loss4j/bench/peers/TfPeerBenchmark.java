package org.loss4j.bench.peers;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.framework.losses.BinaryCrossentropy;
import org.tensorflow.framework.losses.CategoricalCrossentropy;
import org.tensorflow.framework.losses.KLDivergence;
import org.tensorflow.framework.losses.Poisson;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.nn.CtcLoss;
import org.tensorflow.op.nn.SparseSoftmaxCrossEntropyWithLogits;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Measures TF Java 1.1.0 (graph mode, one {@link Session} per workload) on the workloads. The
 * losses are TF Java's own {@code org.tensorflow.framework.losses} classes where they exist
 * (W1, W2, W5, W6, W8); W3 runs the op behind TF's sparse crossentropy directly (see
 * {@link W3}); W4 (no focal loss in TF Java) is composed from ops as Keras writes it, and W7
 * uses the {@code CTCLoss} op with the blank moved to the last class, as TF's Python
 * {@code ctc_loss_v2} does on CPU. Inputs are placeholders fed with tensors built once, so that
 * graph optimisation cannot fold the loss into a constant. The gradient is
 * {@code tf.gradients(loss, y_pred)}. {@code intra_op} and {@code inter_op} parallelism are set
 * to {@link PeerThreads#count()}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TfPeerBenchmark {

  /** One workload's graph, session and fed tensors. */
  abstract static class Case {
    Graph graph;
    Session session;
    Placeholder<?> yTrue;
    Placeholder<TFloat32> yPred;
    Tensor yTrueTensor;
    TFloat32 yPredTensor;
    Operand<TFloat32> loss;
    Output<?> gradient;

    abstract Operand<TFloat32> build(Ops tf, Workload w);

    /** Returns {@code d loss / d y_pred}; TF's C++ gradient registry covers most ops. */
    Output<?> gradient(Ops tf, Workload w) {
      return tf.gradients(loss, List.of(yPred)).dy(0);
    }

    void prepare(Workload w) {
      graph = new Graph();
      Ops tf = Ops.create(graph);
      Shape shape = Shape.of(toLongs(w.shape()));
      yPred = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
      yPredTensor = TFloat32.tensorOf(shape, DataBuffers.of(w.yPred(), true, true));
      if (w.yTrue() != null) {
        yTrue = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
        yTrueTensor = TFloat32.tensorOf(shape, DataBuffers.of(w.yTrue(), true, true));
      }
      loss = build(tf, w);
      gradient = gradient(tf, w);
      int threads = PeerThreads.count();
      session = new Session(graph, ConfigProto.newBuilder()
          .setIntraOpParallelismThreads(threads)
          .setInterOpParallelismThreads(threads)
          .build());
    }

    float forward() {
      try (Result result = runner().fetch(loss).run()) {
        return ((TFloat32) result.get(0)).getFloat();
      }
    }

    float forwardAndGradient() {
      try (Result result = runner().fetch(loss).fetch(gradient).run()) {
        return ((TFloat32) result.get(0)).getFloat() + result.get(1).shape().size(0);
      }
    }

    Session.Runner runner() {
      Session.Runner runner = session.runner().feed(yPred, yPredTensor);
      return yTrue == null ? runner : runner.feed(yTrue, yTrueTensor);
    }

    /** Closes the session, the graph and the tensors. */
    @TearDown
    public void tearDown() {
      session.close();
      graph.close();
      yPredTensor.close();
      if (yTrueTensor != null) {
        yTrueTensor.close();
      }
    }

    @SuppressWarnings("unchecked")
    Operand<TFloat32> labels() {
      return (Operand<TFloat32>) yTrue;
    }
  }

  /** W1: TF's BinaryCrossentropy(from_logits=true). */
  @State(Scope.Benchmark)
  public static class W1 extends Case {
    /** Builds the graph. */
    @Setup
    public void setUp() {
      prepare(Workload.w1());
    }

    @Override
    Operand<TFloat32> build(Ops tf, Workload w) {
      return new BinaryCrossentropy(true).call(tf, labels(), yPred, null);
    }
  }

  /** W2: TF's CategoricalCrossentropy(from_logits=true). */
  @State(Scope.Benchmark)
  public static class W2 extends Case {
    /** Builds the graph. */
    @Setup
    public void setUp() {
      prepare(Workload.w2());
    }

    @Override
    Operand<TFloat32> build(Ops tf, Workload w) {
      return new CategoricalCrossentropy(true).call(tf, labels(), yPred, null);
    }
  }

  /**
   * W3: the {@code SparseSoftmaxCrossEntropyWithLogits} op (what TF's
   * SparseCategoricalCrossentropy from logits runs), int32 labels, mean over the batch. The C++
   * gradient registry that TF Java uses has no gradient for this op, so the gradient is the op's
   * own {@code backprop} output divided by the batch size, exactly what TF's Python gradient
   * function returns.
   */
  @State(Scope.Benchmark)
  public static class W3 extends Case {
    private SparseSoftmaxCrossEntropyWithLogits<TFloat32> op;

    /** Builds the graph. */
    @Setup
    public void setUp() {
      prepare(Workload.w3());
    }

    @Override
    Operand<TFloat32> build(Ops tf, Workload w) {
      Placeholder<TInt32> ids =
          tf.placeholder(TInt32.class, Placeholder.shape(Shape.of(w.batch())));
      yTrue = ids;
      yTrueTensor = TInt32.tensorOf(Shape.of(w.batch()), DataBuffers.of(w.classIds(), true, true));
      op = tf.nn.sparseSoftmaxCrossEntropyWithLogits(yPred, ids);
      return tf.math.mean(op.loss(), tf.constant(0));
    }

    @Override
    Output<?> gradient(Ops tf, Workload w) {
      return tf.math.mul(op.backprop(), tf.constant(1f / w.batch())).asOutput();
    }
  }

  /**
   * W4: binary focal crossentropy from logits, gamma 2, composed as Keras does:
   * {@code mean((1 - p_t)^2 * bce_with_logits)}.
   */
  @State(Scope.Benchmark)
  public static class W4 extends Case {
    /** Builds the graph. */
    @Setup
    public void setUp() {
      prepare(Workload.w4());
    }

    @Override
    Operand<TFloat32> build(Ops tf, Workload w) {
      Operand<TFloat32> y = labels();
      Operand<TFloat32> x = yPred;
      Operand<TFloat32> one = tf.constant(1f);
      Operand<TFloat32> p = tf.math.sigmoid(x);
      Operand<TFloat32> ce = tf.math.add(tf.math.sub(tf.nn.relu(x), tf.math.mul(x, y)),
          tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(x)))));
      Operand<TFloat32> pt = tf.math.add(tf.math.mul(y, p),
          tf.math.mul(tf.math.sub(one, y), tf.math.sub(one, p)));
      Operand<TFloat32> focal = tf.math.mul(tf.math.square(tf.math.sub(one, pt)), ce);
      return tf.math.mean(tf.math.mean(focal, tf.constant(-1)), tf.constant(0));
    }
  }

  /** W5: TF's KLDivergence. */
  @State(Scope.Benchmark)
  public static class W5 extends Case {
    /** Builds the graph. */
    @Setup
    public void setUp() {
      prepare(Workload.w5());
    }

    @Override
    Operand<TFloat32> build(Ops tf, Workload w) {
      return new KLDivergence().call(tf, labels(), yPred, null);
    }
  }

  /** W6: TF's Poisson. */
  @State(Scope.Benchmark)
  public static class W6 extends Case {
    /** Builds the graph. */
    @Setup
    public void setUp() {
      prepare(Workload.w6());
    }

    @Override
    Operand<TFloat32> build(Ops tf, Workload w) {
      return new Poisson().call(tf, labels(), yPred, null);
    }
  }

  /**
   * W7: the {@code CTCLoss} op on time-major logits whose blank (class 0) is moved to the last
   * class, labels as a sparse tensor shifted down by one, mean over the batch. As for W3, TF
   * Java has no registered gradient for {@code CTCLoss}; the gradient is the op's own
   * {@code gradient} output, divided by the batch size and mapped back to batch-major order and
   * the original class order, as TF's Python gradient function does.
   */
  @State(Scope.Benchmark)
  public static class W7 extends Case {
    private CtcLoss<TFloat32> ctc;
    private int[] blankFirst;
    /** Builds the graph. */
    @Setup
    public void setUp() {
      prepare(Workload.w7());
    }

    @Override
    Operand<TFloat32> build(Ops tf, Workload w) {
      int batch = w.batch();
      int frames = w.shape()[1];
      int classes = w.lastAxis();
      int[] ids = w.classIds();
      int labelLength = ids.length / batch;
      long[] indices = new long[ids.length * 2];
      int[] values = new int[ids.length];
      for (int i = 0; i < ids.length; i++) {
        indices[2 * i] = i / labelLength;
        indices[2 * i + 1] = i % labelLength;
        values[i] = ids[i] - 1;
      }
      int[] blankLast = new int[classes];
      for (int k = 0; k < classes; k++) {
        blankLast[k] = (k + 1) % classes;
      }
      int[] lengths = new int[batch];
      Arrays.fill(lengths, frames);
      Operand<TFloat32> blankMoved = tf.gather(yPred, tf.constant(blankLast), tf.constant(2));
      Operand<TFloat32> timeMajor =
          tf.linalg.transpose(blankMoved, tf.constant(new int[] {1, 0, 2}));
      blankFirst = new int[classes];
      for (int k = 0; k < classes; k++) {
        blankFirst[k] = (k + classes - 1) % classes;
      }
      ctc = tf.nn.ctcLoss(timeMajor,
          tf.constant(Shape.of(ids.length, 2), DataBuffers.of(indices, true, true)),
          tf.constant(values), tf.constant(lengths));
      return tf.math.mean(ctc.loss(), tf.constant(0));
    }

    @Override
    Output<?> gradient(Ops tf, Workload w) {
      Operand<TFloat32> batchMajor =
          tf.linalg.transpose(ctc.gradient(), tf.constant(new int[] {1, 0, 2}));
      Operand<TFloat32> classOrder =
          tf.gather(batchMajor, tf.constant(blankFirst), tf.constant(2));
      return tf.math.mul(classOrder, tf.constant(1f / w.batch())).asOutput();
    }
  }

  /** W8: TF's BinaryCrossentropy on probabilities. */
  @State(Scope.Benchmark)
  public static class W8 extends Case {
    /** Builds the graph. */
    @Setup
    public void setUp() {
      prepare(Workload.w8());
    }

    @Override
    Operand<TFloat32> build(Ops tf, Workload w) {
      return new BinaryCrossentropy(false).call(tf, labels(), yPred, null);
    }
  }

  /** W1 loss. */
  @Benchmark
  public float w1Forward(W1 in) {
    return in.forward();
  }

  /** W1 loss and gradient. */
  @Benchmark
  public float w1ForwardAndGradient(W1 in) {
    return in.forwardAndGradient();
  }

  /** W2 loss. */
  @Benchmark
  public float w2Forward(W2 in) {
    return in.forward();
  }

  /** W2 loss and gradient. */
  @Benchmark
  public float w2ForwardAndGradient(W2 in) {
    return in.forwardAndGradient();
  }

  /** W3 loss. */
  @Benchmark
  public float w3Forward(W3 in) {
    return in.forward();
  }

  /** W3 loss and gradient. */
  @Benchmark
  public float w3ForwardAndGradient(W3 in) {
    return in.forwardAndGradient();
  }

  /** W4 loss. */
  @Benchmark
  public float w4Forward(W4 in) {
    return in.forward();
  }

  /** W4 loss and gradient. */
  @Benchmark
  public float w4ForwardAndGradient(W4 in) {
    return in.forwardAndGradient();
  }

  /** W5 loss. */
  @Benchmark
  public float w5Forward(W5 in) {
    return in.forward();
  }

  /** W5 loss and gradient. */
  @Benchmark
  public float w5ForwardAndGradient(W5 in) {
    return in.forwardAndGradient();
  }

  /** W6 loss. */
  @Benchmark
  public float w6Forward(W6 in) {
    return in.forward();
  }

  /** W6 loss and gradient. */
  @Benchmark
  public float w6ForwardAndGradient(W6 in) {
    return in.forwardAndGradient();
  }

  /** W7 loss. */
  @Benchmark
  public float w7Forward(W7 in) {
    return in.forward();
  }

  /** W7 loss and gradient. */
  @Benchmark
  public float w7ForwardAndGradient(W7 in) {
    return in.forwardAndGradient();
  }

  /** W8 loss. */
  @Benchmark
  public float w8Forward(W8 in) {
    return in.forward();
  }

  /** W8 loss and gradient. */
  @Benchmark
  public float w8ForwardAndGradient(W8 in) {
    return in.forwardAndGradient();
  }

  private static long[] toLongs(int[] values) {
    long[] out = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}
