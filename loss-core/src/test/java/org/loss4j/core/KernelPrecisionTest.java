package org.loss4j.core;

import static org.loss4j.testkit.assertions.TensorAssertions.assertAllClose;

import org.junit.jupiter.api.Test;
import org.loss4j.api.DType;
import org.loss4j.api.LossAndGradient;
import org.loss4j.api.LossBuilder;
import org.loss4j.api.Tensor;

/**
 * Confident predictions of their own label, where a float32 formula written the obvious way
 * cancels (found by a review): {@code sigmoid(x) - t} at {@code x = 16.6, t = 1} came out twice
 * its true value, and {@code softmax - onehot} at the true class 4.6e-4 off. The float32 kernels
 * must stay within float32 rounding of the float64 passes on the same inputs.
 */
class KernelPrecisionTest {
  /** Relative error allowed: a few float32 roundings. */
  private static final double RTOL = 1e-5;
  /** Far below every value compared here, so that only the relative error counts. */
  private static final double ATOL = 1e-30;

  @Test
  void binaryCrossentropyOfAConfidentRightLogit() {
    float[] logits = {16.617f, 20f, 30f, -16.617f, -20f, 9f, 12f, 16f, 17f};
    float[] labels = {1f, 1f, 1f, 0f, 0f, 1f, 1f, 1f, 1f};
    assertMatchesFloat64(BinaryCrossentropy.builder().fromLogits(true), labels, logits, 1);
  }

  @Test
  void binaryCrossentropyOfASoftLabelNearOne() {
    float[] logits = {20f, 20f, 18f, 25f, 20f, 20f, 20f, 20f, 20f};
    float[] labels = {0.9999999f, 0.9999999f, 0.9999998f, 0.9999999f, 0.99f, 0.5f, 0.9f,
        0.999f, 0.9999f};
    assertMatchesFloat64(BinaryCrossentropy.builder().fromLogits(true), labels, logits, 1);
  }

  @Test
  void categoricalCrossentropyOfAConfidentRightClass() {
    float[] logits = new float[2 * 9];
    float[] labels = new float[2 * 9];
    logits[0] = 10f;
    labels[0] = 1f;
    logits[9 + 4] = 15f;
    labels[9 + 4] = 1f;
    assertMatchesFloat64(CategoricalCrossentropy.builder().fromLogits(true), labels, logits, 2);
  }

  private static void assertMatchesFloat64(
      LossBuilder<?, ?> builder, float[] yTrue, float[] yPred, int rows) {
    int length = yPred.length / rows;
    Tensor labels = Tensor.of(yTrue, rows, length);
    Tensor predictions = Tensor.of(yPred, rows, length);
    LossAndGradient expected = builder.reduction("none").dtype(DType.FLOAT64).build()
        .valueAndGradient(labels, predictions, null, null);
    LossAndGradient actual = builder.reduction("none").dtype(DType.FLOAT32).build()
        .valueAndGradient(labels, predictions, null, null);
    assertAllClose(expected.value().asType(DType.FLOAT32), actual.value(), RTOL, ATOL,
        "value");
    assertAllClose(expected.gradient().asType(DType.FLOAT32), actual.gradient(), RTOL, ATOL,
        "gradient");
  }
}
