package org.loss4j.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.loss4j.api.Loss;
import org.loss4j.api.LossAndGradient;
import org.loss4j.api.Tensor;
import org.loss4j.core.BinaryCrossentropy;
import org.loss4j.core.CategoricalCrossentropy;
import org.loss4j.core.KLDivergence;
import org.loss4j.core.Poisson;
import org.loss4j.core.SparseCategoricalCrossentropy;
import org.loss4j.ctc.CTC;
import org.loss4j.focal.BinaryFocalCrossentropy;
import org.junit.jupiter.api.Test;

/**
 * Checks that the scalar baseline computes the same loss and gradient as loss4j on every
 * workload, so that the benchmark compares like with like. The expected numbers are loss4j's,
 * whose own modules pin them to Keras's conformance data; the baseline is an independent,
 * separately written loop.
 */
class ScalarLossesTest {
  /** Both results are float32 sums of up to a million terms accumulated in double. */
  private static final double VALUE_RTOL = 1e-5;

  /** Gradient tolerance, relative to the largest gradient magnitude of the workload. */
  private static final double GRADIENT_RTOL = 1e-4;

  @Test
  void binaryFromLogitsMatchesLoss4jOnW1() {
    Workload w = Workload.w1();
    float[] gradient = new float[w.yPred().length];

    double value = ScalarLosses.binaryFromLogits(w.yTrue(), w.yPred(), gradient);

    assertMatches(BinaryCrossentropy.builder().fromLogits(true).build(), dense(w), w, value,
        gradient);
  }

  @Test
  void categoricalFromLogitsMatchesLoss4jOnW2() {
    Workload w = Workload.w2();
    float[] gradient = new float[w.yPred().length];

    double value = ScalarLosses.categoricalFromLogits(w.yTrue(), w.yPred(), 1000, gradient);

    assertMatches(CategoricalCrossentropy.builder().fromLogits(true).build(), dense(w), w, value,
        gradient);
  }

  @Test
  void sparseFromLogitsMatchesLoss4jOnW3() {
    Workload w = Workload.w3();
    float[] gradient = new float[w.yPred().length];

    double value = ScalarLosses.sparseFromLogits(w.classIds(), w.yPred(), 1000, gradient);

    assertMatches(SparseCategoricalCrossentropy.builder().fromLogits(true).build(),
        Tensor.ofInts(w.classIds(), w.batch()), w, value, gradient);
  }

  @Test
  void binaryFocalFromLogitsMatchesLoss4jOnW4() {
    Workload w = Workload.w4();
    float[] gradient = new float[w.yPred().length];

    double value = ScalarLosses.binaryFocalFromLogits(w.yTrue(), w.yPred(), gradient);

    assertMatches(BinaryFocalCrossentropy.builder().gamma(2).fromLogits(true).build(), dense(w),
        w, value, gradient);
  }

  @Test
  void klDivergenceMatchesLoss4jOnW5() {
    Workload w = Workload.w5();
    float[] gradient = new float[w.yPred().length];

    double value = ScalarLosses.klDivergence(w.yTrue(), w.yPred(), 1000, gradient);

    assertMatches(KLDivergence.builder().build(), dense(w), w, value, gradient);
  }

  @Test
  void poissonMatchesLoss4jOnW6() {
    Workload w = Workload.w6();
    float[] gradient = new float[w.yPred().length];

    double value = ScalarLosses.poisson(w.yTrue(), w.yPred(), gradient);

    assertMatches(Poisson.builder().build(), dense(w), w, value, gradient);
  }

  @Test
  void ctcMatchesLoss4jOnW7() {
    Workload w = Workload.w7();
    float[] gradient = new float[w.yPred().length];

    double value = ScalarLosses.ctc(w.classIds(), 40, w.yPred(), 200, 32, gradient);

    assertMatches(CTC.builder().build(), Tensor.ofInts(w.classIds(), 16, 40), w, value,
        gradient);
  }

  @Test
  void binaryFromProbabilitiesMatchesLoss4jOnW8() {
    Workload w = Workload.w8();
    float[] gradient = new float[w.yPred().length];

    double value = ScalarLosses.binaryFromProbabilities(w.yTrue(), w.yPred(), gradient);

    assertMatches(BinaryCrossentropy.builder().build(), dense(w), w, value, gradient);
  }

  private static Tensor dense(Workload w) {
    return Tensor.of(w.yTrue(), w.shape());
  }

  private static void assertMatches(Loss loss, Tensor yTrue, Workload w, double value,
      float[] gradient) {
    LossAndGradient expected =
        loss.valueAndGradient(yTrue, Tensor.of(w.yPred(), w.shape()), null, null);
    double expectedValue = expected.value().doubleValue();
    assertEquals(expectedValue, value, VALUE_RTOL * Math.abs(expectedValue), w + " value");
    float[] expectedGradient = expected.gradient().toFloatArray();
    double largest = 0;
    for (float g : expectedGradient) {
      largest = Math.max(largest, Math.abs(g));
    }
    for (int i = 0; i < gradient.length; i++) {
      assertEquals(expectedGradient[i], gradient[i], GRADIENT_RTOL * largest,
          w + " gradient[" + i + "]");
    }
  }
}
