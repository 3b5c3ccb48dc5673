package org.loss4j.bench.peers;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.loss4j.bench.internal.ScalarLosses;
import org.loss4j.bench.internal.Workload;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.tensorflow.Result;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * Checks, outside JMH, that each peer benchmark computes the workload's loss: prints, per peer
 * and workload, the peer's value and the scalar baseline's, and how the peer's gradient relates
 * to the baseline's ({@code scale}: the least-squares factor between them, 1 when the peer
 * normalises as Keras does; {@code residual}: the largest difference after that scaling,
 * relative to the largest baseline entry).
 *
 * <p>Usage: {@code PeerValues tf|nd4j|djl} (ND4J needs its own class path, see README.md).
 */
public final class PeerValues {
  private PeerValues() {}

  /**
   * Prints one line per workload the peer supports.
   *
   * @param args the peer: {@code tf}, {@code nd4j} or {@code djl}
   */
  public static void main(String[] args) {
    String peer = args.length == 1 ? args[0] : "";
    switch (peer) {
      case "tf":
        tf(new TfPeerBenchmark.W1(), 1);
        tf(new TfPeerBenchmark.W2(), 2);
        tf(new TfPeerBenchmark.W3(), 3);
        tf(new TfPeerBenchmark.W4(), 4);
        tf(new TfPeerBenchmark.W5(), 5);
        tf(new TfPeerBenchmark.W6(), 6);
        tf(new TfPeerBenchmark.W7(), 7);
        tf(new TfPeerBenchmark.W8(), 8);
        break;
      case "nd4j":
        nd4j(new Nd4jPeerBenchmark.W1(), 1);
        nd4j(new Nd4jPeerBenchmark.W2(), 2);
        nd4j(new Nd4jPeerBenchmark.W3(), 3);
        nd4j(new Nd4jPeerBenchmark.W5(), 5);
        nd4j(new Nd4jPeerBenchmark.W6(), 6);
        nd4jCtc();
        nd4j(new Nd4jPeerBenchmark.W8(), 8);
        break;
      case "djl":
        djl(new DjlPeerBenchmark.W1(), 1);
        djl(new DjlPeerBenchmark.W2(), 2);
        djl(new DjlPeerBenchmark.W3(), 3);
        djl(new DjlPeerBenchmark.W4(), 4);
        djl(new DjlPeerBenchmark.W5(), 5);
        djl(new DjlPeerBenchmark.W6(), 6);
        djl(new DjlPeerBenchmark.W8(), 8);
        break;
      default:
        throw new IllegalArgumentException("PeerValues: peer must be tf, nd4j or djl, got "
            + String.join(" ", args));
    }
  }

  private static void tf(TfPeerBenchmark.Case peer, int w) {
    setUp(peer, w);
    float value = peer.forward();
    float[] gradient = new float[workload(w).yPred().length];
    try (Result result = peer.runner().fetch(peer.gradient).run()) {
      ((TFloat32) result.get(0)).copyTo(DataBuffers.of(gradient, false, false));
    }
    print("TF Java", w, value, gradient);
    peer.tearDown();
  }

  private static void nd4j(Nd4jPeerBenchmark.Case peer, int w) {
    setUp(peer, w);
    peer.freshInput();
    double value = peer.forward();
    peer.freshInput();
    Pair<Double, INDArray> both = peer.forwardAndGradient();
    print("ND4J", w, value, both.getSecond().data().asFloat());
  }

  private static void nd4jCtc() {
    Nd4jPeerBenchmark.W7 peer = new Nd4jPeerBenchmark.W7();
    peer.setUp();
    INDArray logProbabilities = peer.logProbabilities();
    float[] gradient = peer.gradient(logProbabilities).data().asFloat();
    print("ND4J", 7, peer.forward(logProbabilities), gradient);
  }

  private static void djl(DjlPeerBenchmark.Case peer, int w) {
    setUp(peer, w);
    peer.freshInputs();
    float value = peer.forward();
    peer.freeCall();
    peer.freshInputs();
    NDArray gradient = peer.forwardAndGradient();
    print("DJL", w, value, gradient.toFloatArray());
    peer.freeCall();
    peer.freeAll();
  }

  private static void setUp(Object state, int w) {
    try {
      state.getClass().getMethod("setUp").invoke(state);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("PeerValues: cannot set up W" + w, e);
    }
  }

  private static Workload workload(int w) {
    List<Supplier<Workload>> all = List.of(Workload::w1, Workload::w2, Workload::w3,
        Workload::w4, Workload::w5, Workload::w6, Workload::w7, Workload::w8);
    return all.get(w - 1).get();
  }

  private static double baseline(int w, Workload in, float[] gradient) {
    switch (w) {
      case 1:
        return ScalarLosses.binaryFromLogits(in.yTrue(), in.yPred(), gradient);
      case 2:
        return ScalarLosses.categoricalFromLogits(in.yTrue(), in.yPred(), 1000, gradient);
      case 3:
        return ScalarLosses.sparseFromLogits(in.classIds(), in.yPred(), 1000, gradient);
      case 4:
        return ScalarLosses.binaryFocalFromLogits(in.yTrue(), in.yPred(), gradient);
      case 5:
        return ScalarLosses.klDivergence(in.yTrue(), in.yPred(), 1000, gradient);
      case 6:
        return ScalarLosses.poisson(in.yTrue(), in.yPred(), gradient);
      case 7:
        return ScalarLosses.ctc(in.classIds(), 40, in.yPred(), 200, 32, gradient);
      default:
        return ScalarLosses.binaryFromProbabilities(in.yTrue(), in.yPred(), gradient);
    }
  }

  private static void print(String peer, int w, double value, float[] gradient) {
    Workload in = workload(w);
    float[] expected = new float[in.yPred().length];
    double baseline = baseline(w, in, expected);
    double dot = 0;
    double norm = 0;
    double largest = 0;
    for (int i = 0; i < expected.length; i++) {
      dot += (double) gradient[i] * expected[i];
      norm += (double) expected[i] * expected[i];
    }
    double scale = dot / norm;
    double residual = 0;
    for (int i = 0; i < expected.length; i++) {
      largest = Math.max(largest, Math.abs(scale * expected[i]));
      residual = Math.max(residual, Math.abs(gradient[i] - scale * expected[i]));
    }
    System.out.printf(Locale.ROOT,
        "%-8s W%d value %.7g baseline %.7g | gradient scale %.6g residual %.2e%n",
        peer, w, value, baseline, scale, residual / largest);
  }
}
