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
 * The documented examples of {@code CategoricalFocalCrossentropy}
 * (https://keras.io/api/losses/probabilistic_losses, copy in
 * {@code docs/keras-probabilistic-losses.md}), the derived example of the semantics
 * file §5, and loss4j's choices P5 (per-class {@code alpha} and smoothing follow {@code axis}).
 */
class CategoricalFocalCrossentropyTest {
  /** The page prints rounded values; the JSON cases use the same tolerance. */
  private static final double DOC_TOLERANCE = 1e-3;

  /** float32 results against values computed by hand in double: a few float32 ulps. */
  private static final double FLOAT32_RTOL = 2e-6;

  /** float64 results against the double-precision reference. */
  private static final double FLOAT64_TOLERANCE = 1e-12;

  private static final Tensor DOC_TRUE = Tensor.of(new float[][] {{0, 1, 0}, {0, 0, 1}});
  private static final Tensor DOC_PRED = Tensor.of(new float[][] {{0.05f, 0.95f, 0},
      {0.1f, 0.8f, 0.1f}});

  // By hand (one-hot labels, rows already sum to 1, alpha 0.25, gamma 2):
  // row 0: 0.25 * 0.05^2 * -log(0.95) = 3.2058309e-05; row 1: 0.25 * 0.9^2 * -log(0.1)
  // = 0.46627348.
  private static final double ROW0 = 3.2058309e-05;
  private static final double ROW1 = 0.46627348;

  @Test
  void matchesKerasExampleWithDefaultReduction() {
    Loss loss = CategoricalFocalCrossentropy.withDefaults();

    double value = loss.compute(DOC_TRUE, DOC_PRED).doubleValue();

    // Page: 0.23315276 = (ROW0 + ROW1) / 2.
    assertEquals(0.23315276, value, DOC_TOLERANCE);
    assertEquals((ROW0 + ROW1) / 2, value, FLOAT32_RTOL * value);
  }

  @Test
  void matchesKerasExampleWithSampleWeight() {
    Loss loss = CategoricalFocalCrossentropy.withDefaults();

    double value = loss.compute(DOC_TRUE, DOC_PRED, Tensor.of(new float[] {0.3f, 0.7f}))
        .doubleValue();

    // Page: 0.1632 = (0.3 * ROW0 + 0.7 * ROW1) / 2.
    assertEquals(0.1632, value, DOC_TOLERANCE);
    assertEquals((0.3 * ROW0 + 0.7 * ROW1) / 2, value, FLOAT32_RTOL * value);
  }

  @Test
  void matchesKerasExampleWithSumReduction() {
    Loss loss = CategoricalFocalCrossentropy.builder().reduction(Reduction.SUM).build();

    double value = loss.compute(DOC_TRUE, DOC_PRED).doubleValue();

    // Page: 0.46631 = ROW0 + ROW1.
    assertEquals(0.46631, value, DOC_TOLERANCE);
    assertEquals(ROW0 + ROW1, value, FLOAT32_RTOL * value);
  }

  @Test
  void matchesKerasExampleWithoutReduction() {
    Loss loss = CategoricalFocalCrossentropy.builder().reduction(Reduction.NONE).build();

    double[] values = loss.compute(DOC_TRUE, DOC_PRED).toDoubleArray();

    // Page: [3.2058331e-05, 4.6627346e-01].
    assertArrayEquals(new double[] {3.2058331e-05, 4.6627346e-01}, values, DOC_TOLERANCE);
    assertEquals(ROW0, values[0], FLOAT32_RTOL * ROW0);
    assertEquals(ROW1, values[1], FLOAT32_RTOL * ROW1);
  }

  @Test
  void weighsEachClassByItsOwnAlpha() {
    Loss loss = CategoricalFocalCrossentropy.builder().alpha(0.1, 0.2, 0.7)
        .reduction(Reduction.NONE).build();

    double[] values = loss.compute(DOC_TRUE, DOC_PRED).toDoubleArray();

    // Semantics file §5, derived example: [2.5646666e-05, 1.3055657]; by hand
    // 0.2 / 0.25 * ROW0 and 0.7 / 0.25 * ROW1.
    assertEquals(2.5646666e-05, values[0], FLOAT32_RTOL * values[0]);
    assertEquals(1.3055657, values[1], FLOAT32_RTOL * values[1]);
  }

  @Test
  void alignsPerClassAlphaAndSmoothingWithTheClassAxis() {
    // y and p of shape [1, 3, 2] with the 3 classes on axis 1, against the same values with the
    // classes last (shape [2, 3]), where the reference applies alpha and the smoothing.
    double[][][] y = {{{0, 1}, {1, 0}, {0, 0}}};
    double[][][] p = {{{0.2, 0.3}, {0.5, 0.3}, {0.3, 0.4}}};
    double[][] yRows = {{0, 1, 0}, {1, 0, 0}};
    double[][] pRows = {{0.2, 0.5, 0.3}, {0.3, 0.3, 0.4}};
    double[] alpha = {0.1, 0.6, 0.3};
    Loss loss = CategoricalFocalCrossentropy.builder().alpha(alpha).axis(1).labelSmoothing(0.3)
        .reduction(Reduction.NONE).dtype(DType.FLOAT64).build();

    Tensor values = loss.compute(Tensor.of(y), Tensor.of(p));

    double[] expected = FocalReference.categorical(yRows, pRows, false, 2, alpha, 0.3,
        FocalReference.LOWER_FLOAT64, FocalReference.UPPER_FLOAT64);
    assertArrayEquals(new int[] {1, 2}, values.shape());
    assertArrayEquals(expected, values.toDoubleArray(), FLOAT64_TOLERANCE);
  }

  @Test
  void matchesTheReferenceFromLogitsInFloat64() {
    double[][] y = {{1, 0, 0, 0}, {0.2, 0.3, 0.5, 0}, {0, 0, 0, 1}};
    double[][] x = {{2.0, -1.0, 0.5, 0.0}, {-3.0, 4.0, 1.0, 0.2}, {10.0, -10.0, 3.0, 1.0}};
    double[] alpha = {0.2, 0.4, 0.6, 0.8};
    Loss loss = CategoricalFocalCrossentropy.builder().alpha(alpha).gamma(3).fromLogits(true)
        .labelSmoothing(0.1).reduction(Reduction.NONE).dtype(DType.FLOAT64).build();

    double[] values = loss.compute(Tensor.of(y), Tensor.of(x)).toDoubleArray();

    double[] expected = FocalReference.categorical(y, x, true, 3, alpha, 0.1,
        FocalReference.LOWER_FLOAT64, FocalReference.UPPER_FLOAT64);
    assertArrayEquals(expected, values, FLOAT64_TOLERANCE);
  }

  @Test
  void renormalisesPredictionsThatDoNotSumToOne() {
    Loss loss = CategoricalFocalCrossentropy.builder().gamma(0).alpha(1)
        .reduction(Reduction.NONE).dtype(DType.FLOAT64).build();

    double value = loss.compute(Tensor.of(new double[][] {{0, 1, 0}}),
        Tensor.of(new double[][] {{0.5, 0.89, 0.6}})).doubleValue();

    // Semantics file §4-§5: the row is divided by 1.99; gamma 0 and alpha 1 leave
    // -log(0.89 / 1.99).
    assertEquals(-Math.log(0.89 / 1.99), value, FLOAT64_TOLERANCE);
  }

  @Test
  void givesFiniteValuesAndGradientsAtTheExtremesInBothDtypes() {
    Tensor labels = Tensor.of(new double[][] {{1, 0, 0}, {0, 1, 0}});
    Tensor probabilities = Tensor.of(new double[][] {{1, 0, 0}, {1, 0, 0}});
    Tensor logits = Tensor.of(new double[][] {{100, -100, 0}, {100, -100, -100}});

    for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      for (double gamma : new double[] {0, 2, 5}) {
        Loss fromProbabilities = CategoricalFocalCrossentropy.builder().gamma(gamma)
            .dtype(dtype).build();
        Loss fromLogits = CategoricalFocalCrossentropy.builder().gamma(gamma).dtype(dtype)
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
  void saturatesAtTheClipBoundForAConfidentlyWrongPrediction() {
    Loss loss = CategoricalFocalCrossentropy.builder().gamma(0).alpha(1).fromLogits(true)
        .reduction(Reduction.NONE).build();

    double value = loss.compute(Tensor.of(new float[][] {{1, 0}}),
        Tensor.of(new float[][] {{-100, 100}})).doubleValue();

    // Semantics file §0 and §5: the target probability clips to 1.0000000116860974e-07 in
    // float32, so the loss is -log of it, 16.118095.
    assertEquals(16.118095, value, 1e-6);
  }

  @Test
  void propagatesNan() {
    Loss loss = CategoricalFocalCrossentropy.builder().reduction(Reduction.NONE).build();

    double value = loss.compute(Tensor.of(new float[][] {{1, 0}}),
        Tensor.of(new float[][] {{Float.NaN, 0.5f}})).doubleValue();

    assertTrue(Double.isNaN(value));
  }
}
