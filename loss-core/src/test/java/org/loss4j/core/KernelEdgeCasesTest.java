package org.loss4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.loss4j.testkit.assertions.TensorAssertions.assertAllClose;

import java.util.Arrays;
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
  void specialRowsBetweenOrdinaryOnesInSoftmaxLosses() {
    // Each row's maximum is read while the row before it is computed: a NaN or infinite row
    // after an ordinary one, an ordinary one after those, and the last row all must still
    // match float64 (NaN in the lanes of row 1 and in the tail of row 4).
    float[][] rows = {
        {0.5f, 1f, 2f, -1f, 0f, 3f, 0f, 0f, 1f},
        {0f, 1f, Float.NaN, 0f, 0f, 0f, 0f, 0f, 0f},
        {INF, 1f, 2f, 0f, 0f, 0f, 0f, 0f, 0f},
        {-2f, 1f, 2f, 0f, 0f, 0f, 4f, 0f, -1f},
        {0f, 1f, 2f, 0f, 0f, 0f, 0f, 0f, Float.NaN},
        {-1e30f, 1f, 2f, 0f, 0f, 0f, 0f, 0f, 9f}};
    float[] logits = new float[rows.length * 9];
    float[] oneHot = new float[rows.length * 9];
    float[] classIds = new float[rows.length];
    for (int r = 0; r < rows.length; r++) {
      System.arraycopy(rows[r], 0, logits, r * 9, 9);
      classIds[r] = (2 * r + 1) % 9;
      oneHot[r * 9 + (int) classIds[r]] = 1f;
    }
    assertMatchesReference(CategoricalCrossentropy.builder().fromLogits(true).reduction("none"),
        oneHot, logits, rows.length, 9);
    assertMatchesReference(
        SparseCategoricalCrossentropy.builder().fromLogits(true).reduction("none"), classIds,
        logits, rows.length, 1);
    Loss sparse = SparseCategoricalCrossentropy.builder().fromLogits(true).reduction("none")
        .dtype(DType.FLOAT32).build();
    LossAndGradient together =
        sparse.valueAndGradient(Tensor.of(classIds, rows.length),
            Tensor.of(logits, rows.length, 9), null, null);
    float[] values = together.value().toFloatArray();
    float[] gradients = together.gradient().toFloatArray();
    for (int r = 0; r < rows.length; r++) {
      // Alone, a row finds its own maximum; after another, it was read ahead: same bits.
      LossAndGradient alone = sparse.valueAndGradient(
          Tensor.of(new float[] {classIds[r]}, 1), Tensor.of(rows[r], 1, 9), null, null);
      assertEquals(alone.value().toFloatArray()[0], values[r], "value of row " + r);
      assertArrayEquals(alone.gradient().toFloatArray(),
          Arrays.copyOfRange(gradients, r * 9, r * 9 + 9), "gradient of row " + r);
    }
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
    assertMatchesReference(builder, yTrue, yPred, 1, yTrue.length);
  }

  private static void assertMatchesReference(
      LossBuilder<?, ?> builder, float[] yTrue, float[] yPred, int labelsPerRow) {
    assertMatchesReference(builder, yTrue, yPred, 1, labelsPerRow);
  }

  /** Compares rows of {@code yPred}, with {@code labelsPerRow} labels each (1: class ids). */
  private static void assertMatchesReference(LossBuilder<?, ?> builder, float[] yTrue,
      float[] yPred, int rows, int labelsPerRow) {
    Tensor labels = labelsPerRow == 1 && yTrue.length == rows && yPred.length != rows
        ? Tensor.of(yTrue, rows) : Tensor.of(yTrue, rows, labelsPerRow);
    Tensor predictions = Tensor.of(yPred, rows, yPred.length / rows);
    Loss fast = builder.dtype(DType.FLOAT32).build();
    Loss reference = builder.dtype(DType.FLOAT64).build();
    LossAndGradient expected = reference.valueAndGradient(labels, predictions, null, null);
    LossAndGradient actual = fast.valueAndGradient(labels, predictions, null, null);
    assertAllClose(expected.value().asType(DType.FLOAT32), actual.value(), RTOL, ATOL);
    assertAllClose(expected.gradient().asType(DType.FLOAT32), actual.gradient(), RTOL, ATOL);
  }
}
