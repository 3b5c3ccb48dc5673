package org.loss4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Reduction;
import org.loss4j.api.Tensor;

/**
 * Poisson: {@code mean(y_pred - y_true * log(y_pred + 1e-7), axis=-1)} (semantics §7; the page
 * gives no numeric example, Keras's unit tests run in {@link KerasUnitCasesTest}).
 */
class PoissonTest {
  /** Float32 results carry about 7 significant digits. */
  private static final double FLOAT32_ATOL = 1e-5;
  private static final double FLOAT64_ATOL = 1e-12;
  private static final double EPSILON = 1e-7;

  private static Poisson.Builder float64() {
    return Poisson.builder().dtype(DType.FLOAT64);
  }

  @Test
  void averagesOverTheLastAxis() {
    Loss poisson = float64().build();

    Tensor loss = poisson.perSample(Tensor.of(new double[][] {{1, 2}, {3, 0}}),
        Tensor.of(new double[][] {{2, 1}, {0.5, 4}}));

    assertArrayEquals(new double[] {
        ((2 - Math.log(2 + EPSILON)) + (1 - 2 * Math.log(1 + EPSILON))) / 2,
        ((0.5 - 3 * Math.log(0.5 + EPSILON)) + 4) / 2}, loss.toDoubleArray(), FLOAT64_ATOL);
  }

  @Test
  void givesAFiniteLossForAZeroPrediction() {
    Loss poisson = Poisson.builder().build();

    Tensor loss = poisson.perSample(Tensor.of(new float[][] {{2, 0}}),
        Tensor.of(new float[][] {{0, 0}}));

    // Semantics §7: log(0 + 1e-7) = -16.118095, so (2 * 16.118095 + 0) / 2.
    assertEquals(16.118095, loss.doubleValue(), FLOAT32_ATOL);
  }

  @Test
  void hasAFiniteGradientAtAZeroPrediction() {
    Loss poisson = float64().reduction(Reduction.SUM).build();

    Tensor gradient = poisson.gradient(Tensor.of(new double[][] {{0, 1}}),
        Tensor.of(new double[][] {{0, 0}}));

    // (1 - t / (p + 1e-7)) / 2: 1/2 for t = 0 and (1 - 1e7) / 2 for t = 1.
    assertArrayEquals(new double[] {0.5, (1 - 1 / EPSILON) / 2}, gradient.toDoubleArray(),
        1e-6);
  }

  @Test
  void rejectsANegativePrediction() {
    Loss poisson = Poisson.builder().build();

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> poisson.compute(Tensor.of(new float[][] {{1, 1}}),
            Tensor.of(new float[][] {{1, -0.5f}})));

    // P15.
    assertEquals("Poisson: y_pred[0, 1] = -0.5, expected a rate >= 0", error.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 7, 8, 31, 32, 40, 50, 60, 517, 1023, 1024, 1030})
  void findsTheFirstNegativeRateAnywhereInALargeInput(int position) {
    Loss poisson = Poisson.builder().build();
    float[] rates = new float[1031];
    Arrays.fill(rates, 0.25f);
    rates[200] = -0f;
    rates[300] = Float.NaN;
    rates[position] = -2f;
    rates[1030] = position == 1030 ? -2f : -3f;
    Tensor yPred = Tensor.of(rates, 1031, 1);
    Tensor yTrue = Tensor.of(new float[1031], 1031, 1);

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> poisson.compute(yTrue, yPred));

    assertEquals("Poisson: y_pred[" + position + ", 0] = -2.0, expected a rate >= 0",
        error.getMessage());
  }

  @Test
  void rejectsLabelsThatKerasWouldBroadcast() {
    Loss poisson = Poisson.builder().build();

    // P17: [N, 1] against [N, C].
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> poisson.compute(Tensor.of(new float[2], 2, 1), Tensor.of(new float[6], 2, 3)));

    assertTrue(error.getMessage().startsWith(
        "Poisson: y_true shape [2, 1] does not match y_pred shape [2, 3]"), error.getMessage());
  }

  @Test
  void alignsRankOneLabelsWithAColumnOfPredictions() {
    Loss poisson = float64().build();

    Tensor loss = poisson.perSample(Tensor.of(new double[] {1, 0}),
        Tensor.of(new double[][] {{1}, {2}}));

    // [N] against [N, 1] (semantics §8.1): one loss per sample, 1 - log(1 + 1e-7) and 2.
    assertArrayEquals(new double[] {1 - Math.log(1 + EPSILON), 2}, loss.toDoubleArray(),
        FLOAT64_ATOL);
  }

  @Test
  void givesTheSameValueInFloat32AndFloat64() {
    Tensor yTrue = Tensor.of(new double[][] {{3}});
    Tensor yPred = Tensor.of(new double[][] {{2}});

    Tensor single = Poisson.builder().build().compute(yTrue, yPred);
    Tensor twice = float64().build().compute(yTrue, yPred);

    assertEquals(2 - 3 * Math.log(2), single.doubleValue(), FLOAT32_ATOL);
    assertEquals(2 - 3 * Math.log(2 + EPSILON), twice.doubleValue(), FLOAT64_ATOL);
  }

  @Test
  void propagatesNan() {
    Loss poisson = Poisson.builder().build();

    Tensor loss = poisson.perSample(Tensor.of(new float[][] {{1}, {Float.NaN}}),
        Tensor.of(new float[][] {{Float.NaN}, {1}}));

    assertTrue(Double.isNaN(loss.getDouble(0)));
    assertTrue(Double.isNaN(loss.getDouble(1)));
  }

  @Test
  void keepsReductionNameAndDtypeInItsConfig() {
    Poisson poisson = Poisson.builder().reduction(Reduction.NONE).name("p").dtype("FLOAT64")
        .build();

    assertEquals(LossConfig.builder("poisson").put("reduction", "none").put("name", "p")
        .put("dtype", "float64").build(), poisson.config());
  }
}
