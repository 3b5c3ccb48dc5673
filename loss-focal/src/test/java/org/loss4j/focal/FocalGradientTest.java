package org.loss4j.focal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.Reduction;
import org.loss4j.api.Tensor;

/**
 * Checks the analytic gradients of both focal losses against float64 central finite differences
 * ({@link NumericGradient}), for {@code gamma} 0, 2 and 5 and both {@code from_logits} settings,
 * and checks that the gradient through an active clip is zero.
 */
class FocalGradientTest {
  private static final long SEED = 20181;

  static Stream<Arguments> gammasAndLogits() {
    return Stream.of(0.0, 2.0, 5.0).flatMap(gamma -> Stream.of(
        Arguments.of(gamma, false), Arguments.of(gamma, true)));
  }

  /** Labels: hard 0/1 for most elements, soft values for the rest. */
  private static Tensor labels(Random random, int... shape) {
    double[] values = new double[size(shape)];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 3 == 2 ? random.nextDouble() : random.nextInt(2);
    }
    return Tensor.of(values, shape);
  }

  /** One-hot labels along the last axis, smoothed by nothing (the loss smooths them). */
  private static Tensor oneHot(Random random, int rows, int classes) {
    double[] values = new double[rows * classes];
    for (int n = 0; n < rows; n++) {
      values[n * classes + random.nextInt(classes)] = 1;
    }
    return Tensor.of(values, rows, classes);
  }

  /** Predictions: probabilities in [0.05, 0.95], or logits in [-4, 4]. */
  private static Tensor predictions(Random random, boolean logits, int... shape) {
    double[] values = new double[size(shape)];
    for (int i = 0; i < values.length; i++) {
      values[i] = logits ? 8 * random.nextDouble() - 4 : 0.05 + 0.9 * random.nextDouble();
    }
    return Tensor.of(values, shape);
  }

  private static int size(int[] shape) {
    int size = 1;
    for (int dim : shape) {
      size *= dim;
    }
    return size;
  }

  @ParameterizedTest(name = "gamma {0}, from_logits {1}")
  @MethodSource("gammasAndLogits")
  void binaryGradientMatchesFiniteDifferences(double gamma, boolean fromLogits) {
    Random random = new Random(SEED);
    Loss loss = BinaryFocalCrossentropy.builder().gamma(gamma).fromLogits(fromLogits)
        .reduction(Reduction.SUM).dtype(DType.FLOAT64).build();

    NumericGradient.check(loss, labels(random, 3, 4), predictions(random, fromLogits, 3, 4),
        null);
  }

  @ParameterizedTest(name = "gamma {0}, from_logits {1}")
  @MethodSource("gammasAndLogits")
  void binaryGradientWithBalancingSmoothingAndWeightsMatchesFiniteDifferences(double gamma,
      boolean fromLogits) {
    Random random = new Random(SEED + 1);
    Loss loss = BinaryFocalCrossentropy.builder().gamma(gamma).fromLogits(fromLogits)
        .applyClassBalancing(true).alpha(0.3).labelSmoothing(0.1).axis(1)
        .dtype(DType.FLOAT64).build();
    Tensor weights = Tensor.of(new double[] {0.5, 2.0});

    NumericGradient.check(loss, labels(random, 2, 3, 2),
        predictions(random, fromLogits, 2, 3, 2), weights);
  }

  @ParameterizedTest(name = "gamma {0}, from_logits {1}")
  @MethodSource("gammasAndLogits")
  void categoricalGradientMatchesFiniteDifferences(double gamma, boolean fromLogits) {
    Random random = new Random(SEED + 2);
    Loss loss = CategoricalFocalCrossentropy.builder().gamma(gamma).fromLogits(fromLogits)
        .reduction(Reduction.SUM).dtype(DType.FLOAT64).build();

    NumericGradient.check(loss, oneHot(random, 3, 4), predictions(random, fromLogits, 3, 4),
        null);
  }

  @ParameterizedTest(name = "gamma {0}, from_logits {1}")
  @MethodSource("gammasAndLogits")
  void categoricalGradientWithPerClassAlphaOnAxisOneMatchesFiniteDifferences(double gamma,
      boolean fromLogits) {
    Random random = new Random(SEED + 3);
    Loss loss = CategoricalFocalCrossentropy.builder().gamma(gamma).fromLogits(fromLogits)
        .alpha(0.2, 0.5, 0.9).labelSmoothing(0.2).axis(1)
        .reduction(Reduction.MEAN_WITH_SAMPLE_WEIGHT).dtype(DType.FLOAT64).build();
    Tensor weights = Tensor.of(new double[] {1.5, 0.25});

    NumericGradient.check(loss, labels(random, 2, 3, 2),
        predictions(random, fromLogits, 2, 3, 2), weights);
  }

  @Test
  void binaryGradientIsZeroThroughAnActiveClipWhenGammaIsZero() {
    Loss loss = BinaryFocalCrossentropy.builder().gamma(0).reduction(Reduction.SUM)
        .dtype(DType.FLOAT64).build();

    double[] gradient = loss.gradient(Tensor.of(new double[][] {{1, 0, 1, 0}}),
        Tensor.of(new double[][] {{0, 1, 1e-9, 1 - 1e-9}})).toDoubleArray();

    // Every probability lies outside [1e-7, 1 - 1e-7]: the clipped cross-entropy is constant
    // there and the focal factor is the constant 1.
    assertArrayEquals(new double[] {0, 0, 0, 0}, gradient, 0.0);
  }

  @Test
  void binaryGradientKeepsTheFocalFactorTermThroughAnActiveClip() {
    Loss loss = BinaryFocalCrossentropy.builder().gamma(2).reduction(Reduction.SUM)
        .dtype(DType.FLOAT64).build();
    double p = 1e-9;

    double gradient = loss.gradient(Tensor.of(new double[][] {{1}}),
        Tensor.of(new double[][] {{p}})).doubleValue();

    // f = (1 - p)^2 * -log(1e-7) while p < 1e-7 (the clip holds the cross-entropy), so
    // df/dp = -2 * (1 - p) * -log(1e-7).
    assertEquals(-2 * (1 - p) * -Math.log(1e-7), gradient, 1e-12);
  }

  @Test
  void categoricalGradientIsZeroWhenEveryClassIsClipped() {
    Loss loss = CategoricalFocalCrossentropy.builder().reduction(Reduction.SUM)
        .dtype(DType.FLOAT64).build();

    double[] gradient = loss.gradient(Tensor.of(new double[][] {{0, 1, 0}}),
        Tensor.of(new double[][] {{1, 0, 0}})).toDoubleArray();

    // Renormalised to [1, 0, 0], every class is outside [1e-7, 1 - 1e-7].
    assertArrayEquals(new double[] {0, 0, 0}, gradient, 0.0);
  }

  @Test
  void gradientWithoutReductionIsTheVectorJacobianProductOfTheUpstream() {
    Random random = new Random(SEED + 4);
    Tensor yTrue = labels(random, 2, 3);
    Tensor yPred = predictions(random, true, 2, 3);
    Loss perSample = BinaryFocalCrossentropy.builder().fromLogits(true).gamma(2)
        .reduction(Reduction.NONE).dtype(DType.FLOAT64).build();
    Loss summed = BinaryFocalCrossentropy.builder().fromLogits(true).gamma(2)
        .reduction(Reduction.SUM).dtype(DType.FLOAT64).build();
    Tensor upstream = Tensor.of(new double[] {3.0, -0.5});

    double[] gradient = perSample.gradient(yTrue, yPred, null, null, upstream).toDoubleArray();

    // The same as the gradient of the sum with the upstream values used as sample weights.
    double[] expected = NumericGradient.of(summed, yTrue, yPred, upstream);
    assertArrayEquals(expected, gradient, NumericGradient.TOLERANCE);
  }

  @Test
  void samplesWithZeroWeightGetZeroGradient() {
    Random random = new Random(SEED + 5);
    Tensor yTrue = oneHot(random, 2, 3);
    Tensor yPred = predictions(random, true, 2, 3);
    Tensor weights = Tensor.of(new double[] {0, 1});
    Loss binary = BinaryFocalCrossentropy.builder().fromLogits(true).dtype(DType.FLOAT64)
        .build();
    Loss categorical = CategoricalFocalCrossentropy.builder().fromLogits(true)
        .dtype(DType.FLOAT64).build();

    double[] binaryGradient = binary.gradient(yTrue, yPred, weights).toDoubleArray();
    double[] categoricalGradient = categorical.gradient(yTrue, yPred, weights).toDoubleArray();

    for (int i = 0; i < 3; i++) {
      assertEquals(0.0, binaryGradient[i], 0.0);
      assertEquals(0.0, categoricalGradient[i], 0.0);
    }
  }

  @Test
  void propagatesNanIntoTheGradient() {
    Loss loss = CategoricalFocalCrossentropy.builder().fromLogits(true).reduction(Reduction.SUM)
        .dtype(DType.FLOAT64).build();

    double[] gradient = loss.gradient(Tensor.of(new double[][] {{1, 0}, {0, 1}}),
        Tensor.of(new double[][] {{Double.NaN, 1}, {0.5, 2}})).toDoubleArray();

    assertEquals(Double.NaN, gradient[0]);
    assertEquals(Double.NaN, gradient[1]);
    assertEquals(true, Double.isFinite(gradient[2]) && Double.isFinite(gradient[3]));
  }
}
