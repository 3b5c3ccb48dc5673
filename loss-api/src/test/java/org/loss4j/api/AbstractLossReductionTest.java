package org.loss4j.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reduction, sample-weight and mask semantics of {@link AbstractLoss}, checked with the
 * test-only squared error {@link ExampleLoss} in float64 against numbers worked out by hand.
 *
 * <p>Inputs are multiples of 1/4 so that every per-sample value is exact in binary:
 *
 * <pre>
 * rank 1: y_true = [1, 0, 1, 0], y_pred = [0.5, 0.25, 0.75, 0.5]
 *         l = (t - p)^2 = [0.25, 0.0625, 0.0625, 0.25], sum(l) = 0.625, n = 4
 * rank 2: y_true = [[1, 0, 1], [0, 1, 0]], y_pred = [[0.5, 0.5, 0.75], [0.25, 1, 0]]
 *         l = [[0.25, 0.25, 0.0625], [0.0625, 0, 0]], row sums 0.5625 and 0.0625,
 *         sum(l) = 0.625, n = 6
 * </pre>
 *
 * The semantics are those of keras-semantics.md section 8 with loss4j's choices P9 (empty batch
 * gives 0), P10 ([B] weights apply to every timestep) and P11 (mean_with_sample_weight divides by
 * the weights broadcast to the loss shape).
 */
class AbstractLossReductionTest {
  /** The hand-computed values are exact dyadic fractions or one division away from them. */
  private static final double TOLERANCE = 1e-12;

  static final Tensor Y_TRUE_1 = Tensor.of(new double[] {1, 0, 1, 0});
  static final Tensor Y_PRED_1 = Tensor.of(new double[] {0.5, 0.25, 0.75, 0.5});
  static final Tensor Y_TRUE_2 = Tensor.of(new double[][] {{1, 0, 1}, {0, 1, 0}});
  static final Tensor Y_PRED_2 = Tensor.of(new double[][] {{0.5, 0.5, 0.75}, {0.25, 1, 0}});

  private static double reduce(Reduction reduction, Tensor yTrue, Tensor yPred, Tensor weight,
      Tensor mask) {
    return ExampleLoss.float64(reduction).compute(yTrue, yPred, weight, mask).doubleValue();
  }

  @Test
  void noneReturnsThePerSampleLosses() {
    Tensor result = ExampleLoss.float64(Reduction.NONE).compute(Y_TRUE_1, Y_PRED_1);

    assertEquals(Tensor.of(new double[] {0.25, 0.0625, 0.0625, 0.25}), result);
  }

  @Test
  void sumAddsThePerSampleLosses() {
    // 0.25 + 0.0625 + 0.0625 + 0.25 = 0.625
    assertEquals(0.625, reduce(Reduction.SUM, Y_TRUE_1, Y_PRED_1, null, null), TOLERANCE);
  }

  @Test
  void sumOverBatchSizeAndMeanDivideByTheElementCount() {
    // 0.625 / 4 = 0.15625
    assertEquals(0.15625,
        reduce(Reduction.SUM_OVER_BATCH_SIZE, Y_TRUE_1, Y_PRED_1, null, null), TOLERANCE);
    assertEquals(0.15625, reduce(Reduction.MEAN, Y_TRUE_1, Y_PRED_1, null, null), TOLERANCE);
  }

  @Test
  void meanWithSampleWeightWithoutWeightsIsTheMean() {
    // no weights: divisor = n = 4, 0.625 / 4
    assertEquals(0.15625,
        reduce(Reduction.MEAN_WITH_SAMPLE_WEIGHT, Y_TRUE_1, Y_PRED_1, null, null), TOLERANCE);
  }

  @Test
  void sumOverBatchSizeOfARank2LossDividesByBatchTimesTime() {
    // 0.625 / (2 * 3)
    assertEquals(0.625 / 6,
        reduce(Reduction.SUM_OVER_BATCH_SIZE, Y_TRUE_2, Y_PRED_2, null, null), TOLERANCE);
  }

  @Test
  void resultHasRankZeroAndTheLossDtype() {
    Tensor result = ExampleLoss.float64(Reduction.SUM).compute(Y_TRUE_1, Y_PRED_1);

    assertEquals(0, result.rank());
    assertEquals(DType.FLOAT64, result.dtype());
  }

  // ---- sample_weight of every accepted rank ----------------------------------------------

  /** w = [2, 1, 1, 0.5]: l * w = [0.5, 0.0625, 0.0625, 0.125], sum 0.75, sum(w) = 4.5. */
  private static final Tensor WEIGHT_B = Tensor.of(new double[] {2, 1, 1, 0.5});

  @Test
  void weightsOfShapeBatchScaleEachSample() {
    assertEquals(0.75, reduce(Reduction.SUM, Y_TRUE_1, Y_PRED_1, WEIGHT_B, null), TOLERANCE);
    // 0.75 / 4
    assertEquals(0.1875,
        reduce(Reduction.SUM_OVER_BATCH_SIZE, Y_TRUE_1, Y_PRED_1, WEIGHT_B, null), TOLERANCE);
    assertEquals(0.1875, reduce(Reduction.MEAN, Y_TRUE_1, Y_PRED_1, WEIGHT_B, null), TOLERANCE);
    // 0.75 / 4.5
    assertEquals(0.75 / 4.5,
        reduce(Reduction.MEAN_WITH_SAMPLE_WEIGHT, Y_TRUE_1, Y_PRED_1, WEIGHT_B, null),
        TOLERANCE);
  }

  @Test
  void noneMultipliesEachSampleByItsWeight() {
    Tensor result = ExampleLoss.float64(Reduction.NONE).compute(Y_TRUE_1, Y_PRED_1, WEIGHT_B);

    assertEquals(Tensor.of(new double[] {0.5, 0.0625, 0.0625, 0.125}), result);
  }

  @Test
  void weightsOfShapeBatchByOneEqualWeightsOfShapeBatch() {
    Tensor column = WEIGHT_B.reshape(4, 1);

    // the same 0.75 / 4 as the [B] weights
    assertEquals(0.1875,
        reduce(Reduction.SUM_OVER_BATCH_SIZE, Y_TRUE_1, Y_PRED_1, column, null), TOLERANCE);
  }

  @Test
  void scalarWeightScalesEverything() {
    Tensor two = Tensor.scalar(2.0);

    // 2 * 0.625
    assertEquals(1.25, reduce(Reduction.SUM, Y_TRUE_1, Y_PRED_1, two, null), TOLERANCE);
    // 1.25 / 4
    assertEquals(0.3125,
        reduce(Reduction.SUM_OVER_BATCH_SIZE, Y_TRUE_1, Y_PRED_1, two, null), TOLERANCE);
  }

  @Test
  void scalarWeightLeavesMeanWithSampleWeightATrueMean() {
    // P11: divisor = 2 broadcast over 4 elements = 8, so 1.25 / 8 = 0.15625, the unweighted mean
    // (Keras divides by the scalar 2 itself and gives 0.625, the sum)
    assertEquals(0.15625,
        reduce(Reduction.MEAN_WITH_SAMPLE_WEIGHT, Y_TRUE_1, Y_PRED_1, Tensor.scalar(2.0), null),
        TOLERANCE);
  }

  /** w = [2, 4], one per sample: 0.5625 * 2 + 0.0625 * 4 = 1.375; broadcast sum 2*3 + 4*3 = 18. */
  private static final Tensor WEIGHT_2 = Tensor.of(new double[] {2, 4});

  @Test
  void weightsOfShapeBatchApplyToEveryTimestep() {
    // P10
    assertEquals(1.375, reduce(Reduction.SUM, Y_TRUE_2, Y_PRED_2, WEIGHT_2, null), TOLERANCE);
    assertEquals(1.375 / 6,
        reduce(Reduction.SUM_OVER_BATCH_SIZE, Y_TRUE_2, Y_PRED_2, WEIGHT_2, null), TOLERANCE);
    assertEquals(1.375 / 18,
        reduce(Reduction.MEAN_WITH_SAMPLE_WEIGHT, Y_TRUE_2, Y_PRED_2, WEIGHT_2, null),
        TOLERANCE);
  }

  @Test
  void weightsOfShapeBatchByOneApplyToEveryTimestep() {
    Tensor column = WEIGHT_2.reshape(2, 1);

    assertEquals(1.375 / 6,
        reduce(Reduction.SUM_OVER_BATCH_SIZE, Y_TRUE_2, Y_PRED_2, column, null), TOLERANCE);
    // P11: divisor is the broadcast 18, not the given 2 + 4 = 6 that Keras would use
    assertEquals(1.375 / 18,
        reduce(Reduction.MEAN_WITH_SAMPLE_WEIGHT, Y_TRUE_2, Y_PRED_2, column, null), TOLERANCE);
  }

  @Test
  void weightsOfShapeBatchWhenBatchEqualsTimeStillWeightSamples() {
    // P10 with B == T == 2, where Keras would silently weight the time axis instead.
    // l = [[0.25, 0.25], [0.0625, 0.5625]], w = [1, 0]
    Tensor yTrue = Tensor.of(new double[][] {{1, 1}, {0, 0}});
    Tensor yPred = Tensor.of(new double[][] {{0.5, 0.5}, {0.25, 0.75}});
    Tensor weight = Tensor.of(new double[] {1, 0});

    // weighting samples keeps row 0: 0.25 + 0.25 = 0.5 (weighting time would keep column 0:
    // 0.25 + 0.0625 = 0.3125)
    assertEquals(0.5, reduce(Reduction.SUM, yTrue, yPred, weight, null), TOLERANCE);
  }

  /** w = [[1, 2, 0], [4, 0, 1]]: l * w = [0.25, 0.5, 0, 0.25, 0, 0], sum 1.0, sum(w) = 8. */
  private static final Tensor WEIGHT_BT = Tensor.of(new double[][] {{1, 2, 0}, {4, 0, 1}});

  @Test
  void weightsOfTheLossShapeApplyElementWise() {
    assertEquals(1.0, reduce(Reduction.SUM, Y_TRUE_2, Y_PRED_2, WEIGHT_BT, null), TOLERANCE);
    assertEquals(1.0 / 6,
        reduce(Reduction.SUM_OVER_BATCH_SIZE, Y_TRUE_2, Y_PRED_2, WEIGHT_BT, null), TOLERANCE);
    assertEquals(1.0 / 8,
        reduce(Reduction.MEAN_WITH_SAMPLE_WEIGHT, Y_TRUE_2, Y_PRED_2, WEIGHT_BT, null),
        TOLERANCE);
  }

  @Test
  void perTimestepWeightsWithATrailingOneApplyElementWise() {
    Tensor perTimestep = WEIGHT_BT.reshape(2, 3, 1);

    // the same as the [B, T] weights
    assertEquals(1.0, reduce(Reduction.SUM, Y_TRUE_2, Y_PRED_2, perTimestep, null), TOLERANCE);
  }

  @Test
  void weightsOfShapeOneByTimeBroadcastOverTheBatch() {
    // w = [[1, 2, 4]]: row 0: 0.25*1 + 0.25*2 + 0.0625*4 = 1.0; row 1: 0.0625*1 = 0.0625
    // broadcast sum of the weights: 2 * (1 + 2 + 4) = 14
    Tensor perTime = Tensor.of(new double[][] {{1, 2, 4}});

    assertEquals(1.0625, reduce(Reduction.SUM, Y_TRUE_2, Y_PRED_2, perTime, null), TOLERANCE);
    assertEquals(1.0625 / 14,
        reduce(Reduction.MEAN_WITH_SAMPLE_WEIGHT, Y_TRUE_2, Y_PRED_2, perTime, null),
        TOLERANCE);
  }

  @Test
  void scalarWeightOnARank2Loss() {
    // 0.5 * 0.625 = 0.3125; mean_with_sample_weight: 0.3125 / (0.5 * 6) = 0.625 / 6
    Tensor half = Tensor.scalar(0.5);

    assertEquals(0.3125, reduce(Reduction.SUM, Y_TRUE_2, Y_PRED_2, half, null), TOLERANCE);
    assertEquals(0.625 / 6,
        reduce(Reduction.MEAN_WITH_SAMPLE_WEIGHT, Y_TRUE_2, Y_PRED_2, half, null), TOLERANCE);
  }

  @Test
  void singleElementWeightOneAxisLongerThanTheLossIsAScalar() {
    // [1, 1] against the rank-1 loss: Keras expands the loss to [4, 1] and broadcasts; 2 * 0.625
    Tensor weight = Tensor.of(new double[][] {{2}});

    assertEquals(1.25, reduce(Reduction.SUM, Y_TRUE_1, Y_PRED_1, weight, null), TOLERANCE);
  }

  @Test
  void singleElementWeightOfAnyShortRankIsAScalar() {
    // [1] and [1, 1] behave as the scalar 2: 2 * 0.625
    assertEquals(1.25, reduce(Reduction.SUM, Y_TRUE_2, Y_PRED_2, Tensor.of(new double[] {2}),
        null), TOLERANCE);
    assertEquals(1.25, reduce(Reduction.SUM, Y_TRUE_2, Y_PRED_2,
        Tensor.of(new double[][] {{2}}), null), TOLERANCE);
  }

  // ---- zero weights --------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(value = Reduction.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
  void allZeroWeightsGiveZeroNotNan(Reduction reduction) {
    Tensor zeros = Tensor.of(new double[] {0, 0, 0, 0});

    // mean_with_sample_weight: 0 / 0 is defined as 0 (Keras's divide_no_nan)
    assertEquals(0.0, reduce(reduction, Y_TRUE_1, Y_PRED_1, zeros, null));
  }

  @Test
  void zeroWeightSilencesAnInfiniteLoss() {
    // sample 1 has y_pred = +inf, so l = inf; its weight 0 removes it: 0.25 + 0.0625 + 0.25
    Tensor yPred = Tensor.of(new double[] {0.5, Double.POSITIVE_INFINITY, 0.75, 0.5});
    Tensor weight = Tensor.of(new double[] {1, 0, 1, 1});

    assertEquals(0.5625, reduce(Reduction.SUM, Y_TRUE_1, yPred, weight, null), TOLERANCE);
  }

  // ---- masks -----------------------------------------------------------------------------

  /** m = [1, 0, 1, 1]: unmasked l = 0.25 + 0.0625 + 0.25 = 0.5625 over 3 elements. */
  private static final Tensor MASK_B =
      Tensor.fromNested(new boolean[] {true, false, true, true}, DType.FLOAT64);

  @Test
  void maskedElementsLeaveTheDivisorOfSumOverBatchSizeAndMean() {
    // 0.5625 / 3
    assertEquals(0.1875,
        reduce(Reduction.SUM_OVER_BATCH_SIZE, Y_TRUE_1, Y_PRED_1, null, MASK_B), TOLERANCE);
    assertEquals(0.1875, reduce(Reduction.MEAN, Y_TRUE_1, Y_PRED_1, null, MASK_B), TOLERANCE);
  }

  @Test
  void maskedElementsContributeNothingToSum() {
    assertEquals(0.5625, reduce(Reduction.SUM, Y_TRUE_1, Y_PRED_1, null, MASK_B), TOLERANCE);
  }

  @Test
  void maskAloneMakesMeanWithSampleWeightTheUnmaskedMean() {
    // the mask acts as 0/1 weights: 0.5625 / 3
    assertEquals(0.1875,
        reduce(Reduction.MEAN_WITH_SAMPLE_WEIGHT, Y_TRUE_1, Y_PRED_1, null, MASK_B), TOLERANCE);
  }

  @Test
  void noneZeroesMaskedElements() {
    Tensor result = ExampleLoss.float64(Reduction.NONE).compute(Y_TRUE_1, Y_PRED_1, null, MASK_B);

    assertEquals(Tensor.of(new double[] {0.25, 0, 0.0625, 0.25}), result);
  }

  @Test
  void maskAndWeightsCombine() {
    // w * m = [2, 0, 1, 0.5]: l * w * m = 0.5 + 0 + 0.0625 + 0.125 = 0.6875
    assertEquals(0.6875, reduce(Reduction.SUM, Y_TRUE_1, Y_PRED_1, WEIGHT_B, MASK_B), TOLERANCE);
    // divided by the 3 unmasked elements
    assertEquals(0.6875 / 3,
        reduce(Reduction.SUM_OVER_BATCH_SIZE, Y_TRUE_1, Y_PRED_1, WEIGHT_B, MASK_B), TOLERANCE);
    // divided by sum(w * m) = 3.5
    assertEquals(0.6875 / 3.5,
        reduce(Reduction.MEAN_WITH_SAMPLE_WEIGHT, Y_TRUE_1, Y_PRED_1, WEIGHT_B, MASK_B),
        TOLERANCE);
  }

  @Test
  void maskOfShapeBatchMasksWholeSamples() {
    // sample 1 masked: its 3 timesteps leave; 0.5625 / 3
    Tensor mask = Tensor.fromNested(new boolean[] {true, false}, DType.FLOAT64);

    assertEquals(0.1875,
        reduce(Reduction.SUM_OVER_BATCH_SIZE, Y_TRUE_2, Y_PRED_2, null, mask), TOLERANCE);
  }

  @Test
  void maskOfTheLossShapeMasksElements() {
    // m = [[1, 1, 0], [0, 1, 1]]: 0.25 + 0.25 + 0 + 0 = 0.5 over 4 elements
    Tensor mask = Tensor.of(new double[][] {{1, 1, 0}, {0, 1, 1}});

    assertEquals(0.125,
        reduce(Reduction.SUM_OVER_BATCH_SIZE, Y_TRUE_2, Y_PRED_2, null, mask), TOLERANCE);
  }

  @ParameterizedTest
  @EnumSource(value = Reduction.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
  void allMaskedGivesZeroNotNan(Reduction reduction) {
    Tensor nothing = Tensor.fromNested(new boolean[4], DType.FLOAT64);

    assertEquals(0.0, reduce(reduction, Y_TRUE_1, Y_PRED_1, WEIGHT_B, nothing));
    assertEquals(0.0, reduce(reduction, Y_TRUE_1, Y_PRED_1, null, nothing));
  }

  @Test
  void allMaskedWithNoneGivesZeros() {
    Tensor nothing = Tensor.fromNested(new boolean[4], DType.FLOAT64);

    Tensor result = ExampleLoss.float64(Reduction.NONE).compute(Y_TRUE_1, Y_PRED_1, null, nothing);

    assertArrayEquals(new double[4], result.toDoubleArray());
  }

  // ---- empty batch, NaN ------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(value = Reduction.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
  void emptyBatchReducesToZero(Reduction reduction) {
    // P9: Keras returns an empty tensor; loss4j returns 0
    Tensor empty = Tensor.of(new double[0]);

    assertEquals(0.0, reduce(reduction, empty, empty, null, null));
    assertEquals(0.0, reduce(reduction, empty, empty, Tensor.of(new double[0]), null));
    assertEquals(0.0, reduce(reduction, empty, empty, Tensor.scalar(3.0), null));
  }

  @Test
  void emptyBatchWithNoneIsEmpty() {
    Tensor empty = Tensor.of(new double[0], 0, 3);

    Tensor result = ExampleLoss.float64(Reduction.NONE).compute(empty, empty);

    assertArrayEquals(new int[] {0, 3}, result.shape());
  }

  @Test
  void emptyBatchHasAnEmptyGradient() {
    Tensor empty = Tensor.of(new double[0], 0, 3);

    Tensor gradient = ExampleLoss.float64(Reduction.SUM_OVER_BATCH_SIZE).gradient(empty, empty);

    assertArrayEquals(new int[] {0, 3}, gradient.shape());
  }

  @ParameterizedTest
  @EnumSource(Reduction.class)
  void nanInAPredictionPropagates(Reduction reduction) {
    Tensor yPred = Tensor.of(new double[] {Double.NaN, 0.25, 0.75, 0.5});

    Tensor result = ExampleLoss.float64(reduction).compute(Y_TRUE_1, yPred);

    assertTrue(Double.isNaN(result.getDouble(0)), result.toString());
    if (reduction == Reduction.NONE) {
      // only the NaN sample is NaN
      assertEquals(0.0625, result.getDouble(1), TOLERANCE);
    }
  }

  @Test
  void nanPropagatesEvenUnderAZeroWeight() {
    // as in Keras: NaN * 0 is NaN; only infinities are silenced by a zero weight
    Tensor yPred = Tensor.of(new double[] {Double.NaN, 0.25, 0.75, 0.5});
    Tensor weight = Tensor.of(new double[] {0, 1, 1, 1});

    assertTrue(Double.isNaN(reduce(Reduction.SUM, Y_TRUE_1, yPred, weight, null)));
  }
}
