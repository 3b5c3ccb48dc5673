package org.loss4j.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The gradient of {@link AbstractLoss}: the reduction turned into per-element upstream factors
 * ({@code w * m / divisor}), checked by hand and against central finite differences of
 * {@link Loss#compute}.
 *
 * <p>For the squared error {@code l = (t - p)^2}, {@code dl/dp = 2 (p - t)}; with the rank-1
 * inputs of {@link AbstractLossReductionTest} that is {@code [-1, 0.5, -0.5, 1]}.
 */
class AbstractLossGradientTest {
  /** Hand-computed gradients are exact up to one division. */
  private static final double TOLERANCE = 1e-12;
  /** Central differences in float64 with step {@link #STEP} are good to about 1e-9 here. */
  private static final double FINITE_DIFFERENCE_TOLERANCE = 1e-7;
  private static final double STEP = 1e-5;

  private static final Tensor Y_TRUE_1 = AbstractLossReductionTest.Y_TRUE_1;
  private static final Tensor Y_PRED_1 = AbstractLossReductionTest.Y_PRED_1;
  private static final Tensor Y_TRUE_2 = AbstractLossReductionTest.Y_TRUE_2;
  private static final Tensor Y_PRED_2 = AbstractLossReductionTest.Y_PRED_2;
  private static final Tensor WEIGHT_B = Tensor.of(new double[] {2, 1, 1, 0.5});
  private static final Tensor MASK_B = Tensor.of(new double[] {1, 0, 1, 1});

  @Test
  void sumGradientIsTheElementDerivative() {
    Tensor gradient = ExampleLoss.float64(Reduction.SUM).gradient(Y_TRUE_1, Y_PRED_1);

    assertArrayEquals(new double[] {-1, 0.5, -0.5, 1}, gradient.toDoubleArray(), TOLERANCE);
  }

  @Test
  void sumOverBatchSizeGradientIsDividedByTheCount() {
    // [-1, 0.5, -0.5, 1] / 4
    Tensor gradient =
        ExampleLoss.float64(Reduction.SUM_OVER_BATCH_SIZE).gradient(Y_TRUE_1, Y_PRED_1);

    assertArrayEquals(new double[] {-0.25, 0.125, -0.125, 0.25}, gradient.toDoubleArray(),
        TOLERANCE);
  }

  @Test
  void weightedMeanGradientIsScaledByWeightOverWeightSum() {
    // w / sum(w) * dl = [2, 1, 1, 0.5] / 4.5 * [-1, 0.5, -0.5, 1]
    Tensor gradient = ExampleLoss.float64(Reduction.MEAN_WITH_SAMPLE_WEIGHT)
        .gradient(Y_TRUE_1, Y_PRED_1, WEIGHT_B);

    assertArrayEquals(new double[] {-2 / 4.5, 0.5 / 4.5, -0.5 / 4.5, 0.5 / 4.5},
        gradient.toDoubleArray(), TOLERANCE);
  }

  @Test
  void maskedElementsGetZeroGradient() {
    // m / count(m) * dl = [1, 0, 1, 1] / 3 * [-1, 0.5, -0.5, 1]
    Tensor gradient = ExampleLoss.float64(Reduction.MEAN)
        .gradient(Y_TRUE_1, Y_PRED_1, null, MASK_B, null);

    assertArrayEquals(new double[] {-1.0 / 3, 0, -0.5 / 3, 1.0 / 3}, gradient.toDoubleArray(),
        TOLERANCE);
  }

  @Test
  void scalarUpstreamScalesTheGradient() {
    // 3 * [-1, 0.5, -0.5, 1]
    Tensor gradient = ExampleLoss.float64(Reduction.SUM)
        .gradient(Y_TRUE_1, Y_PRED_1, null, null, Tensor.scalar(3.0));

    assertArrayEquals(new double[] {-3, 1.5, -1.5, 3}, gradient.toDoubleArray(), TOLERANCE);
  }

  @Test
  void noneGradientIsTheVectorJacobianProductWithUpstream() {
    // u * w * dl = [1*2*-1, 2*1*0.5, 3*1*-0.5, 4*0.5*1]
    Tensor upstream = Tensor.of(new double[] {1, 2, 3, 4});

    Tensor gradient = ExampleLoss.float64(Reduction.NONE)
        .gradient(Y_TRUE_1, Y_PRED_1, WEIGHT_B, null, upstream);

    assertArrayEquals(new double[] {-2, 1, -1.5, 2}, gradient.toDoubleArray(), TOLERANCE);
  }

  @Test
  void noneGradientWithoutUpstreamIsTheGradientOfTheSum() {
    Tensor none = ExampleLoss.float64(Reduction.NONE).gradient(Y_TRUE_1, Y_PRED_1, WEIGHT_B);
    Tensor sum = ExampleLoss.float64(Reduction.SUM).gradient(Y_TRUE_1, Y_PRED_1, WEIGHT_B);

    assertEquals(sum, none);
  }

  @Test
  void gradientHasTheShapeOfTheGivenPrediction() {
    // y_true [4, 1] against y_pred [4]: both are aligned to [4, 1] for the kernel, but the
    // gradient comes back in y_pred's own shape
    Tensor yTrue = Y_TRUE_1.reshape(4, 1);

    Tensor gradient = ExampleLoss.float64(Reduction.SUM).gradient(yTrue, Y_PRED_1);

    assertArrayEquals(new int[] {4}, gradient.shape());
    assertArrayEquals(new double[] {-1, 0.5, -0.5, 1}, gradient.toDoubleArray(), TOLERANCE);
  }

  @Test
  void valueAndGradientAgreeWithTheSeparateCalls() {
    Loss loss = ExampleLoss.float64(Reduction.MEAN_WITH_SAMPLE_WEIGHT);

    LossAndGradient both = loss.valueAndGradient(Y_TRUE_1, Y_PRED_1, WEIGHT_B, MASK_B);

    assertEquals(loss.compute(Y_TRUE_1, Y_PRED_1, WEIGHT_B, MASK_B), both.value());
    assertEquals(loss.gradient(Y_TRUE_1, Y_PRED_1, WEIGHT_B, MASK_B, null), both.gradient());
  }

  @Test
  void float32GradientIsFloat32() {
    Tensor gradient = ExampleLoss.float32(Reduction.SUM).gradient(Y_TRUE_1, Y_PRED_1);

    assertEquals(DType.FLOAT32, gradient.dtype());
  }

  @ParameterizedTest
  @EnumSource(Reduction.class)
  void gradientMatchesFiniteDifferencesWithWeightsAndMask(Reduction reduction) {
    // [B, T] loss with [B] weights and a [B, T] mask: every upstream factor is exercised
    Tensor weight = Tensor.of(new double[] {2, 0.5});
    Tensor mask = Tensor.of(new double[][] {{1, 0, 1}, {1, 1, 0}});
    Tensor upstream = reduction == Reduction.NONE
        ? Tensor.of(new double[][] {{1, -2, 0.5}, {3, 1, 4}}) : Tensor.scalar(-1.5);
    Loss loss = ExampleLoss.float64(reduction);

    Tensor analytic = loss.gradient(Y_TRUE_2, Y_PRED_2, weight, mask, upstream);
    double[] numeric = finiteDifferences(Y_PRED_2,
        yPred -> dot(upstream, loss.compute(Y_TRUE_2, yPred, weight, mask)));

    assertArrayEquals(numeric, analytic.toDoubleArray(), FINITE_DIFFERENCE_TOLERANCE);
  }

  @ParameterizedTest
  @EnumSource(Reduction.class)
  void gradientMatchesFiniteDifferencesWithScalarAndColumnWeights(Reduction reduction) {
    Tensor column = Tensor.of(new double[][] {{0.5}, {3}});
    Loss loss = ExampleLoss.float64(reduction);

    Tensor analytic = loss.gradient(Y_TRUE_2, Y_PRED_2, column);
    double[] numeric = finiteDifferences(Y_PRED_2,
        yPred -> sum(loss.compute(Y_TRUE_2, yPred, column)));

    assertArrayEquals(numeric, analytic.toDoubleArray(), FINITE_DIFFERENCE_TOLERANCE);
  }

  @Test
  void allMaskedGradientIsZero() {
    Tensor nothing = Tensor.of(new double[4]);

    Tensor gradient = ExampleLoss.float64(Reduction.SUM_OVER_BATCH_SIZE)
        .gradient(Y_TRUE_1, Y_PRED_1, null, nothing, null);

    // a delta of 0 lets -0.0 (0 * a negative derivative) equal 0.0
    assertArrayEquals(new double[4], gradient.toDoubleArray(), 0.0);
  }

  /** Returns {@code d objective / d yPred[j]} by central differences, for every j. */
  private static double[] finiteDifferences(Tensor yPred, Function<Tensor, Double> objective) {
    double[] values = yPred.toDoubleArray();
    double[] result = new double[values.length];
    for (int j = 0; j < values.length; j++) {
      double[] plus = values.clone();
      double[] minus = values.clone();
      plus[j] += STEP;
      minus[j] -= STEP;
      double up = objective.apply(Tensor.of(plus, yPred.shape()));
      double down = objective.apply(Tensor.of(minus, yPred.shape()));
      result[j] = (up - down) / (2 * STEP);
    }
    return result;
  }

  private static double dot(Tensor upstream, Tensor value) {
    double total = 0;
    for (int i = 0; i < value.size(); i++) {
      total += upstream.getDouble(upstream.size() == 1 ? 0 : i) * value.getDouble(i);
    }
    return total;
  }

  private static double sum(Tensor value) {
    double total = 0;
    for (int i = 0; i < value.size(); i++) {
      total += value.getDouble(i);
    }
    return total;
  }
}
