package org.loss4j.focal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.Reduction;
import org.loss4j.api.Tensor;

/**
 * The documented examples of {@code BinaryFocalCrossentropy}
 * (https://keras.io/api/losses/probabilistic_losses, copy in
 * {@code docs/keras-probabilistic-losses.md}), checked against the printed value and
 * against {@link FocalReference}, plus the special cases of the semantics file §3 and P1.
 */
class BinaryFocalCrossentropyTest {
  /** The page prints three decimals; half a unit of the last one, with a margin for rounding. */
  private static final double DOC_TOLERANCE = 1e-3;

  /** float32 results against the double-precision reference: a few float32 ulps. */
  private static final double FLOAT32_RTOL = 1e-6;

  /** float64 results against the double-precision reference. */
  private static final double FLOAT64_RTOL = 1e-12;

  private static final Tensor RANK1_TRUE = Tensor.of(new float[] {0, 1, 0, 0});
  private static final Tensor RANK1_PRED = Tensor.of(new float[] {-18.6f, 0.51f, 2.94f, -12.8f});
  private static final Tensor BATCH_TRUE = Tensor.of(new float[][] {{0, 1}, {0, 0}});
  private static final Tensor BATCH_PRED = Tensor.of(new float[][] {{-18.6f, 0.51f},
      {2.94f, -12.8f}});
  private static final double[][] BATCH_TRUE_ROWS = {{0, 1}, {0, 0}};
  private static final double[][] BATCH_PRED_ROWS = {{-18.6f, 0.51f}, {2.94f, -12.8f}};

  private static double[] reference(double gamma, boolean balancing) {
    return FocalReference.binary(BATCH_TRUE_ROWS, BATCH_PRED_ROWS, true, gamma, balancing, 0.25,
        0, FocalReference.LOWER_FLOAT32, FocalReference.UPPER_FLOAT32);
  }

  private static Loss logits(double gamma, boolean balancing, Reduction reduction) {
    return BinaryFocalCrossentropy.builder().gamma(gamma).fromLogits(true)
        .applyClassBalancing(balancing).reduction(reduction).build();
  }

  @Test
  void matchesKerasExampleOneOnRank1Input() {
    Loss loss = logits(2, false, Reduction.SUM_OVER_BATCH_SIZE);

    double value = loss.compute(RANK1_TRUE, RANK1_PRED).doubleValue();

    // Page: 0.691. By hand, only x = 0.51 (t = 1) and x = 2.94 (t = 0) matter (the others are
    // below 1e-16): sigmoid(0.51) = 0.6248065, sigmoid(2.94) = 0.9497887, so
    // (0.3751935^2 * -log(0.6248065) + 0.9497887^2 * -log(0.0502113)) / 4
    // = (0.0662061 + 2.6986422) / 4 = 0.6912121.
    assertEquals(0.691, value, DOC_TOLERANCE);
    assertEquals(0.6912121, value, 1e-6);
  }

  @Test
  void matchesKerasExampleOneWithClassBalancing() {
    Loss loss = logits(2, true, Reduction.SUM_OVER_BATCH_SIZE);

    double value = loss.compute(RANK1_TRUE, RANK1_PRED).doubleValue();

    // Page: 0.51. By hand, with the terms above: (0.25 * 0.0662061 + 0.75 * 2.6986422) / 4
    // = 0.5101333.
    assertEquals(0.51, value, DOC_TOLERANCE);
    assertEquals(0.5101333, value, 1e-6);
  }

  @Test
  void matchesKerasExampleTwoWithDefaultReduction() {
    Loss loss = logits(3, false, Reduction.SUM_OVER_BATCH_SIZE);

    double value = loss.compute(BATCH_TRUE, BATCH_PRED).doubleValue();

    double[] rows = reference(3, false);
    assertEquals(0.647, value, DOC_TOLERANCE);
    assertEquals((rows[0] + rows[1]) / 2, value, FLOAT32_RTOL * value);
  }

  @Test
  void matchesKerasExampleTwoWithClassBalancing() {
    Loss loss = logits(3, true, Reduction.SUM_OVER_BATCH_SIZE);

    double value = loss.compute(BATCH_TRUE, BATCH_PRED).doubleValue();

    assertEquals(0.482, value, DOC_TOLERANCE);
  }

  @Test
  void matchesKerasExampleTwoWithSampleWeight() {
    Loss loss = logits(3, false, Reduction.SUM_OVER_BATCH_SIZE);

    double value = loss.compute(BATCH_TRUE, BATCH_PRED, Tensor.of(new float[] {0.8f, 0.2f}))
        .doubleValue();

    double[] rows = reference(3, false);
    assertEquals(0.133, value, DOC_TOLERANCE);
    assertEquals((0.8f * rows[0] + 0.2f * rows[1]) / 2, value, FLOAT32_RTOL * value);
  }

  @Test
  void matchesKerasExampleTwoWithSampleWeightAndClassBalancing() {
    Loss loss = logits(3, true, Reduction.SUM_OVER_BATCH_SIZE);

    double value = loss.compute(BATCH_TRUE, BATCH_PRED, Tensor.of(new float[] {0.8f, 0.2f}))
        .doubleValue();

    assertEquals(0.097, value, DOC_TOLERANCE);
  }

  @Test
  void matchesKerasExampleTwoWithSumReduction() {
    Loss loss = logits(4, false, Reduction.SUM);

    double value = loss.compute(BATCH_TRUE, BATCH_PRED).doubleValue();

    double[] rows = reference(4, false);
    assertEquals(1.222, value, DOC_TOLERANCE);
    assertEquals(rows[0] + rows[1], value, FLOAT32_RTOL * value);
  }

  @Test
  void matchesKerasExampleTwoWithSumReductionAndClassBalancing() {
    Loss loss = logits(4, true, Reduction.SUM);

    double value = loss.compute(BATCH_TRUE, BATCH_PRED).doubleValue();

    assertEquals(0.914, value, DOC_TOLERANCE);
  }

  @Test
  void matchesKerasExampleTwoWithoutReduction() {
    Loss loss = logits(5, false, Reduction.NONE);

    double[] values = loss.compute(BATCH_TRUE, BATCH_PRED).toDoubleArray();

    assertArrayEquals(new double[] {0.0017, 1.1561}, values, DOC_TOLERANCE);
    assertArrayEquals(reference(5, false), values, FLOAT32_RTOL * 2);
  }

  @Test
  void matchesKerasExampleTwoWithoutReductionAndClassBalancing() {
    Loss loss = logits(5, true, Reduction.NONE);

    double[] values = loss.compute(BATCH_TRUE, BATCH_PRED).toDoubleArray();

    assertArrayEquals(new double[] {0.0004, 0.8670}, values, DOC_TOLERANCE);
    assertArrayEquals(reference(5, true), values, FLOAT32_RTOL * 2);
  }

  @Test
  void usesExactCrossentropyForLargeLogits() {
    Loss loss = BinaryFocalCrossentropy.builder().gamma(0).fromLogits(true)
        .reduction(Reduction.NONE).build();

    double value = loss.compute(Tensor.of(new float[][] {{0}}), Tensor.of(new float[][] {{1e4f}}))
        .doubleValue();

    // Semantics file P1: a logit of 1e4 with label 0 costs 1e4 (Keras's numpy backend: 15.942385).
    assertEquals(1e4, value, 0.0);
  }

  @Test
  void keepsZeroToTheZeroAsOneWhenGammaIsZero() {
    Loss loss = BinaryFocalCrossentropy.builder().gamma(0).reduction(Reduction.NONE).build();

    double value = loss.compute(Tensor.of(new float[][] {{1, 0}}),
        Tensor.of(new float[][] {{1, 0}}))
        .doubleValue();

    // p_t = 1 for both, so the factor is 0^0 = 1 and the loss is the clipped BCE (§0):
    // (-log(0.99999988) - log(1 - 1.0000000116860974e-07)) / 2.
    // The float32 kernel computes in float: one unit in the last place of float is allowed.
    double expected = (-Math.log(FocalReference.UPPER_FLOAT32)
        - Math.log(1 - FocalReference.LOWER_FLOAT32)) / 2;
    assertEquals((float) expected, value, Math.ulp((float) expected));
  }

  @Test
  void givesZeroForPerfectPredictionsWhenGammaIsPositive() {
    Loss loss = BinaryFocalCrossentropy.builder().gamma(2).reduction(Reduction.NONE).build();

    double value = loss.compute(Tensor.of(new float[][] {{1, 0}}),
        Tensor.of(new float[][] {{1, 0}}))
        .doubleValue();

    // 1 - p_t = 0 for both elements, and 0^2 = 0.
    assertEquals(0.0, value, 0.0);
  }

  @Test
  void givesFiniteValuesAndGradientsAtTheExtremesInBothDtypes() {
    Tensor labels = Tensor.of(new double[][] {{0, 1, 0, 1}, {1, 0, 0, 1}});
    Tensor probabilities = Tensor.of(new double[][] {{0, 0, 1, 1}, {1, 0, 1, 0}});
    Tensor logits = Tensor.of(new double[][] {{-100, 100, 100, -100}, {100, -100, 100, 100}});

    for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      for (double gamma : new double[] {0, 2, 5}) {
        Loss fromProbabilities = BinaryFocalCrossentropy.builder().gamma(gamma).dtype(dtype)
            .applyClassBalancing(true).build();
        Loss fromLogits = BinaryFocalCrossentropy.builder().gamma(gamma).dtype(dtype)
            .fromLogits(true).labelSmoothing(0.1).build();

        assertFinite(fromProbabilities.compute(labels, probabilities), dtype, gamma);
        assertFinite(fromProbabilities.gradient(labels, probabilities), dtype, gamma);
        assertFinite(fromLogits.compute(labels, logits), dtype, gamma);
        assertFinite(fromLogits.gradient(labels, logits), dtype, gamma);
      }
    }
  }

  private static void assertFinite(Tensor tensor, DType dtype, double gamma) {
    for (double value : tensor.toDoubleArray()) {
      assertTrue(Double.isFinite(value), () -> dtype + ", gamma " + gamma + ": " + tensor);
    }
  }

  @Test
  void matchesTheReferenceInFloat64WithSmoothingAndBalancing() {
    double[][] y = {{1, 0, 0.3}, {0, 1, 1}};
    double[][] p = {{0.7, 0.2, 0.5}, {0.05, 0.99, 0.6}};
    Loss loss = BinaryFocalCrossentropy.builder().gamma(1.5).applyClassBalancing(true)
        .alpha(0.3).labelSmoothing(0.05).reduction(Reduction.NONE).dtype(DType.FLOAT64).build();

    double[] values = loss.compute(Tensor.of(y), Tensor.of(p)).toDoubleArray();

    double[] expected = FocalReference.binary(y, p, false, 1.5, true, 0.3, 0.05,
        FocalReference.LOWER_FLOAT64, FocalReference.UPPER_FLOAT64);
    assertArrayEquals(expected, values, FLOAT64_RTOL);
  }

  @Test
  void averagesOverTheGivenAxis() {
    double[][] y = {{1, 0, 1}, {0, 1, 0}};
    double[][] p = {{0.7, 0.2, 0.4}, {0.1, 0.8, 0.9}};
    double[][] yTransposed = {{1, 0}, {0, 1}, {1, 0}};
    double[][] pTransposed = {{0.7, 0.1}, {0.2, 0.8}, {0.4, 0.9}};
    Loss loss = BinaryFocalCrossentropy.builder().axis(0).reduction(Reduction.NONE)
        .dtype(DType.FLOAT64).build();

    double[] values = loss.compute(Tensor.of(yTransposed), Tensor.of(pTransposed))
        .toDoubleArray();

    double[] expected = FocalReference.binary(y, p, false, 2, false, 0.25, 0,
        FocalReference.LOWER_FLOAT64, FocalReference.UPPER_FLOAT64);
    assertArrayEquals(expected, values, FLOAT64_RTOL);
  }
}
