package org.loss4j.core;

import static org.loss4j.testkit.assertions.TensorAssertions.assertAllClose;

import org.junit.jupiter.api.Test;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.LossAndGradient;
import org.loss4j.api.LossBuilder;
import org.loss4j.api.Tensor;
import org.loss4j.testkit.assertions.SignedZeroAssertions;

/**
 * Rows with infinite, NaN or clipped inputs: the float32 kernels hand a row with a non-finite
 * result to the reference formulas and mask clipped gradients, so they give what the float64
 * forward and backward passes give, within float32 rounding, with infinities and NaN in the same
 * places (rows of 9 put the special values both in the lanes and in the scalar tail).
 */
class KernelEdgeCasesTest {
  private static final float INF = Float.POSITIVE_INFINITY;
  /** float32 rounding of a row of nine terms; infinities and NaN must match exactly. */
  private static final double RTOL = 1e-6;
  private static final double ATOL = 1e-6;

  @Test
  void infiniteAndNanLogitsInBinaryCrossentropy() {
    float[] logits = {INF, -INF, INF, -INF, 3f, Float.NaN, 0f, 1f, INF};
    float[] labels = {1f, 0f, 0f, 1f, 1f, 1f, 0.5f, 0f, 1f};
    assertMatchesReference(BinaryCrossentropy.builder().fromLogits(true).reduction("none"),
        labels, logits);
  }

  @Test
  void probabilitiesOnAndBeyondTheClipBounds() {
    // 1 with a label of 0 is left out: the upper clip bound is 1 - 1e-7 in float64 but
    // 0.99999988 in float32, so that term differs by design (16.118 against 15.942).
    float[] probabilities = {0f, 1f, 1e-9f, 1e-7f, 0.5f, 1e-8f, 0.9f, 0.3f, 1f};
    float[] labels = {0f, 1f, 1f, 0f, 0.5f, 1f, 0f, 1f, 1f};
    assertMatchesReference(BinaryCrossentropy.builder().reduction("none"), labels,
        probabilities);
  }

  @Test
  void infiniteLogitsInCategoricalCrossentropy() {
    float[] logits = {INF, 1f, 2f, -INF, 0f, 0f, 0f, 0f, 0f};
    float[] labels = {1f, 0f, 0f, 0f, 0f, 0f, 0f, 0f, 0f};
    assertMatchesReference(CategoricalCrossentropy.builder().fromLogits(true).reduction("none"),
        labels, logits);
    float[] wrongClass = {0f, 0f, 0f, 1f, 0f, 0f, 0f, 0f, 0f};
    assertMatchesReference(CategoricalCrossentropy.builder().fromLogits(true).reduction("none"),
        wrongClass, logits);
  }

  @Test
  void nanLogitsInCategoricalCrossentropy() {
    // The row maximum skips NaN; the row must still come out NaN, as in float64.
    float[] early = {Float.NaN, 1f, 2f, 0f, 0f, 0f, 0f, 0f, 0f};
    float[] late = {0f, 1f, 2f, 0f, 0f, 0f, 0f, 0f, Float.NaN};
    float[] labels = {0f, 0f, 1f, 0f, 0f, 0f, 0f, 0f, 0f};
    assertMatchesReference(CategoricalCrossentropy.builder().fromLogits(true).reduction("none"),
        labels, early);
    assertMatchesReference(CategoricalCrossentropy.builder().fromLogits(true).reduction("none"),
        labels, late);
  }

  @Test
  void nanLogitsInSparseCategoricalCrossentropy() {
    float[] early = {Float.NaN, 1f, 2f, 0f, 0f, 0f, 0f, 0f, 0f};
    float[] late = {0f, 1f, 2f, 0f, 0f, 0f, 0f, 0f, Float.NaN};
    float[] label = {2f};
    assertMatchesReference(
        SparseCategoricalCrossentropy.builder().fromLogits(true).reduction("none"), label,
        early, 1);
    assertMatchesReference(
        SparseCategoricalCrossentropy.builder().fromLogits(true).reduction("none"), label,
        late, 1);
  }

  @Test
  void logitsFarBelowTheRowMaximumGetExactZeroShares() {
    // Far below the maximum the exponentials flush to 0 without a clamp on the way.
    float[] logits = {-1e30f, -100f, 0f, -Float.MAX_VALUE, 1f, -INF, -87.5f, -2e9f, 2f};
    float[] labels = {0f, 0f, 0f, 0f, 1f, 0f, 0f, 0f, 0f};
    assertMatchesReference(CategoricalCrossentropy.builder().fromLogits(true).reduction("none"),
        labels, logits);
    assertMatchesReference(
        SparseCategoricalCrossentropy.builder().fromLogits(true).reduction("none"),
        new float[] {4f}, logits, 1);
  }

  @Test
  void nanProbabilitiesInKlDivergenceAndBinaryCrossentropy() {
    float[] predictions = {0.5f, Float.NaN, 0.25f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, Float.NaN};
    float[] targets = {0.5f, 0.5f, Float.NaN, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f, 0.5f};
    assertMatchesReference(KLDivergence.builder().reduction("none"), targets, predictions);
    assertMatchesReference(BinaryCrossentropy.builder().reduction("none"), targets,
        predictions);
  }

  @Test
  void zeroPredictionsInKlDivergenceAndPoisson() {
    float[] predictions = {0f, 1f, 0.5f, 1e-9f, 2f, 0f, 0.25f, 0.125f, 1e-30f};
    float[] targets = {1f, 0f, 0.5f, 1f, 0f, 0f, 0.25f, 0f, 1f};
    assertMatchesReference(KLDivergence.builder().reduction("none"), targets, predictions);
    assertMatchesReference(Poisson.builder().reduction("none"), targets, predictions);
  }

  @Test
  void negativeZeroLogitTakesTheSameFormAsPositiveZeroInLanesAndScalarCode() {
    SignedZeroAssertions.assertNegativeZeroActsAsPositiveZero(
        BinaryCrossentropy.builder().fromLogits(true).reduction("none").build());
  }

  private static void assertMatchesReference(
      LossBuilder<?, ?> builder, float[] yTrue, float[] yPred) {
    assertMatchesReference(builder, yTrue, yPred, yTrue.length);
  }

  private static void assertMatchesReference(
      LossBuilder<?, ?> builder, float[] yTrue, float[] yPred, int labelsPerRow) {
    Tensor labels = labelsPerRow == yPred.length
        ? Tensor.of(yTrue, 1, labelsPerRow) : Tensor.of(yTrue, labelsPerRow);
    Tensor predictions = Tensor.of(yPred, 1, yPred.length);
    Loss fast = builder.dtype(DType.FLOAT32).build();
    Loss reference = builder.dtype(DType.FLOAT64).build();
    LossAndGradient expected = reference.valueAndGradient(labels, predictions, null, null);
    LossAndGradient actual = fast.valueAndGradient(labels, predictions, null, null);
    assertAllClose(expected.value().asType(DType.FLOAT32), actual.value(), RTOL, ATOL);
    assertAllClose(expected.gradient().asType(DType.FLOAT32), actual.gradient(), RTOL, ATOL);
  }
}
