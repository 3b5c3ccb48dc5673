package org.loss4j.focal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.Reduction;
import org.loss4j.api.Tensor;
import org.loss4j.core.BinaryCrossentropy;
import org.loss4j.core.CategoricalCrossentropy;

/**
 * With {@code gamma = 0} the focal factor is the constant 1 ({@code 0^0 = 1} included), so the
 * focal losses must reproduce loss-core's cross-entropies: BinaryFocalCrossentropy exactly
 * (semantics file §3 step 5 and P1), and CategoricalFocalCrossentropy with {@code alpha = 1}
 * from probabilities, where both renormalise and clip alike (§4, §5).
 */
class CrossentropyParityTest {
  /** The categorical losses sum the same terms in the same order; allow one rounding. */
  private static final double CATEGORICAL_TOLERANCE = 1e-15;

  private static final Tensor BINARY_LABELS = Tensor.of(new double[][] {
      {1, 0, 1, 0, 0.3}, {0, 1, 1, 0, 0.8}});
  private static final Tensor PROBABILITIES = Tensor.of(new double[][] {
      {1, 0, 0, 1, 0.4}, {0.25, 0.9, 1e-9, 0.999999999, 0.5}});
  private static final Tensor LOGITS = Tensor.of(new double[][] {
      {100, -100, -100, 100, 0.4}, {1e4, -1e4, 3.5, -2.5, 0}});

  static Stream<Arguments> settings() {
    return Stream.of(DType.FLOAT32, DType.FLOAT64).flatMap(dtype -> Stream.of(
        Arguments.of(dtype, false, 0.0, -1), Arguments.of(dtype, true, 0.0, -1),
        Arguments.of(dtype, false, 0.1, 0), Arguments.of(dtype, true, 0.2, 0)));
  }

  @ParameterizedTest(name = "{0}, from_logits {1}, label_smoothing {2}, axis {3}")
  @MethodSource("settings")
  void binaryFocalWithGammaZeroIsBinaryCrossentropy(DType dtype, boolean fromLogits,
      double smoothing, int axis) {
    Loss focal = BinaryFocalCrossentropy.builder().gamma(0).fromLogits(fromLogits)
        .labelSmoothing(smoothing).axis(axis).reduction(Reduction.NONE).dtype(dtype).build();
    Loss plain = BinaryCrossentropy.builder().fromLogits(fromLogits).labelSmoothing(smoothing)
        .axis(axis).reduction(Reduction.NONE).dtype(dtype).build();
    Tensor predictions = fromLogits ? LOGITS : PROBABILITIES;

    double[] focalValues = focal.compute(BINARY_LABELS, predictions).toDoubleArray();
    double[] focalGradient = focal.gradient(BINARY_LABELS, predictions).toDoubleArray();

    assertArrayEquals(plain.compute(BINARY_LABELS, predictions).toDoubleArray(), focalValues,
        0.0);
    assertArrayEquals(plain.gradient(BINARY_LABELS, predictions).toDoubleArray(), focalGradient,
        0.0);
  }

  static Stream<Arguments> categoricalSettings() {
    return Stream.of(DType.FLOAT32, DType.FLOAT64).flatMap(dtype -> Stream.of(
        Arguments.of(dtype, 0.0, -1), Arguments.of(dtype, 0.1, 0), Arguments.of(dtype, 0.3, 1)));
  }

  @ParameterizedTest(name = "{0}, label_smoothing {1}, axis {2}")
  @MethodSource("categoricalSettings")
  void categoricalFocalWithGammaZeroAndAlphaOneIsCategoricalCrossentropy(DType dtype,
      double smoothing, int axis) {
    Tensor labels = Tensor.of(new double[][] {{0, 1, 0}, {0.2, 0.3, 0.5}, {1, 0, 0}});
    Tensor predictions = Tensor.of(new double[][] {{0.05, 0.95, 0}, {0.5, 0.89, 0.6},
        {1, 0, 0}});
    Loss focal = CategoricalFocalCrossentropy.builder().gamma(0).alpha(1)
        .labelSmoothing(smoothing).axis(axis).reduction(Reduction.NONE).dtype(dtype).build();
    Loss plain = CategoricalCrossentropy.builder().labelSmoothing(smoothing).axis(axis)
        .reduction(Reduction.NONE).dtype(dtype).build();

    double[] focalValues = focal.compute(labels, predictions).toDoubleArray();
    double[] focalGradient = focal.gradient(labels, predictions).toDoubleArray();

    assertArrayEquals(plain.compute(labels, predictions).toDoubleArray(), focalValues,
        CATEGORICAL_TOLERANCE);
    assertArrayEquals(plain.gradient(labels, predictions).toDoubleArray(), focalGradient,
        CATEGORICAL_TOLERANCE);
  }
}
