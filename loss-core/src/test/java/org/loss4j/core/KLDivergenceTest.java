package org.loss4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Reduction;
import org.loss4j.api.Tensor;

/**
 * KLDivergence: {@code sum(t * log(t / p), axis=-1)} with both inputs clipped to
 * {@code [1e-7, 1]} (semantics §7; the page gives no numeric example, Keras's unit tests run in
 * {@link KerasUnitCasesTest}).
 */
class KLDivergenceTest {
  /** Float32 results carry about 7 significant digits. */
  private static final double FLOAT32_ATOL = 1e-5;
  private static final double FLOAT64_ATOL = 1e-12;
  private static final double EPSILON = 1e-7;

  private static KLDivergence.Builder float64() {
    return KLDivergence.builder().dtype(DType.FLOAT64);
  }

  @Test
  void keepsKerasTinyNegativeTermForZerosInTheTarget() {
    Loss kld = KLDivergence.builder().build();

    Tensor loss = kld.perSample(Tensor.of(new float[][] {{0, 1}}),
        Tensor.of(new float[][] {{0.5f, 0.5f}}));

    // Semantics §7: t = [0, 1], p = [0.5, 0.5] gives 0.69314563, i.e. log 2 plus
    // 1e-7 * log(1e-7 / 0.5), not log 2.
    assertEquals(0.69314563, loss.doubleValue(), 1e-7);
  }

  @Test
  void sumsOverTheLastAxis() {
    Loss kld = float64().build();

    Tensor loss = kld.perSample(Tensor.of(new double[][] {{0.25, 0.75}, {0.5, 0.5}}),
        Tensor.of(new double[][] {{0.5, 0.5}, {0.1, 0.9}}));

    assertArrayEquals(new double[] {
        0.25 * Math.log(0.5) + 0.75 * Math.log(1.5),
        0.5 * Math.log(5) + 0.5 * Math.log(0.5 / 0.9)}, loss.toDoubleArray(), FLOAT64_ATOL);
  }

  @Test
  void clipsAZeroPredictionToEpsilon() {
    Loss kld = KLDivergence.builder().build();

    Tensor loss = kld.perSample(Tensor.of(new float[][] {{1, 0}}),
        Tensor.of(new float[][] {{0, 1}}));

    // 1 * log(1 / 1e-7) + 1e-7 * log(1e-7 / 1): 16.118095 less 1.6e-6, finite.
    assertEquals(16.118095 + EPSILON * Math.log(EPSILON), loss.doubleValue(), FLOAT32_ATOL);
  }

  @Test
  void clipsPredictionsAboveOneAndPassesNoGradientThere() {
    Loss kld = float64().reduction(Reduction.SUM).build();
    Tensor yTrue = Tensor.of(new double[][] {{0.5, 0.5}});
    Tensor yPred = Tensor.of(new double[][] {{1.5, 0.5}});

    Tensor loss = kld.compute(yTrue, yPred);
    Tensor gradient = kld.gradient(yTrue, yPred);

    // p = [1, 0.5] after the clip: 0.5 log 0.5 + 0.5 log 1; d/dp of -t log p is 0 for the
    // clipped entry and -0.5 / 0.5 for the other.
    assertEquals(0.5 * Math.log(0.5), loss.doubleValue(), FLOAT64_ATOL);
    assertArrayEquals(new double[] {0, -1}, gradient.toDoubleArray(), FLOAT64_ATOL);
  }

  @Test
  void rejectsTargetsThatKerasWouldBroadcast() {
    Loss kld = KLDivergence.builder().build();

    // P17: [N, 1] against [N, C].
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> kld.compute(Tensor.of(new float[2], 2, 1), Tensor.of(new float[6], 2, 3)));

    assertTrue(error.getMessage().startsWith(
        "KLDivergence: y_true shape [2, 1] does not match y_pred shape [2, 3]"),
        error.getMessage());
  }

  @Test
  void givesTheSameValueInFloat32AndFloat64() {
    Tensor yTrue = Tensor.of(new double[][] {{0.4, 0.6}});
    Tensor yPred = Tensor.of(new double[][] {{0.5, 0.5}});

    Tensor single = KLDivergence.builder().build().compute(yTrue, yPred);
    Tensor twice = float64().build().compute(yTrue, yPred);

    double expected = 0.4 * Math.log(0.8) + 0.6 * Math.log(1.2);
    assertEquals(expected, single.doubleValue(), FLOAT32_ATOL);
    assertEquals(expected, twice.doubleValue(), FLOAT64_ATOL);
  }

  @Test
  void propagatesNan() {
    Loss kld = KLDivergence.builder().build();

    Tensor loss = kld.perSample(Tensor.of(new float[][] {{Float.NaN, 1}, {1, 0}}),
        Tensor.of(new float[][] {{0.5f, 0.5f}, {1, Float.NaN}}));

    assertTrue(Double.isNaN(loss.getDouble(0)));
    assertTrue(Double.isNaN(loss.getDouble(1)));
  }

  @Test
  void keepsReductionNameAndDtypeInItsConfig() {
    KLDivergence kld = KLDivergence.builder().build();

    assertEquals(LossConfig.builder("kl_divergence").put("reduction", "sum_over_batch_size")
        .put("name", "kl_divergence").put("dtype", "float32").build(), kld.config());
  }
}
