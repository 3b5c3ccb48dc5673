package org.loss4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Reduction;
import org.loss4j.api.Tensor;

/**
 * BinaryCrossentropy: the examples of the Keras documentation page
 * ({@code reference/keras-probabilistic-losses.md}, "BinaryCrossentropy class"), the edge cases
 * of the issue, and the arguments.
 */
class BinaryCrossentropyTest {
  /** The page prints values rounded to 3 or 4 decimals. */
  private static final double DOC_ATOL = 1e-3;
  /** Float32 results carry about 7 significant digits. */
  private static final double FLOAT32_ATOL = 1e-5;
  private static final double FLOAT64_ATOL = 1e-12;

  private static final Tensor DOC_TRUE = Tensor.of(new float[][] {{0, 1}, {0, 0}});
  private static final Tensor DOC_LOGITS =
      Tensor.of(new float[][] {{-18.6f, 0.51f}, {2.94f, -12.8f}});

  private static BinaryCrossentropy.Builder logits() {
    return BinaryCrossentropy.builder().fromLogits(true);
  }

  @Test
  void matchesDocExampleOneWhereRankOneInputsAreOneSample() {
    Loss bce = logits().build();

    Tensor loss = bce.compute(Tensor.of(new float[] {0, 1, 0, 0}),
        Tensor.of(new float[] {-18.6f, 0.51f, 2.94f, -12.8f}));

    // Page, example 1: 0.8654; semantics §2: rank-1 inputs give a scalar per-sample loss.
    assertEquals(0, loss.rank());
    assertEquals(0.8654, loss.doubleValue(), DOC_ATOL);
  }

  @Test
  void matchesDocExampleTwoWithTheDefaultReduction() {
    Loss bce = logits().build();

    Tensor loss = bce.compute(DOC_TRUE, DOC_LOGITS);

    // Page, example 2: 0.8654.
    assertEquals(0.8654, loss.doubleValue(), DOC_ATOL);
  }

  @Test
  void matchesDocExampleTwoWithSampleWeight() {
    Loss bce = logits().build();

    Tensor loss = bce.compute(DOC_TRUE, DOC_LOGITS, Tensor.of(new float[] {0.8f, 0.2f}));

    // Page, example 2 with sample_weight=[0.8, 0.2]: 0.243.
    assertEquals(0.243, loss.doubleValue(), DOC_ATOL);
  }

  @Test
  void matchesDocExampleTwoWithSumReduction() {
    Loss bce = logits().reduction(Reduction.SUM).build();

    Tensor loss = bce.compute(DOC_TRUE, DOC_LOGITS);

    // Page, example 2 with reduction="sum": 1.730.
    assertEquals(1.730, loss.doubleValue(), DOC_ATOL);
  }

  @Test
  void matchesDocExampleTwoWithoutReduction() {
    Loss bce = logits().reduction((String) null).build();

    Tensor loss = bce.compute(DOC_TRUE, DOC_LOGITS);

    // Page, example 2 with reduction=None: [0.235, 1.496].
    assertArrayEquals(new double[] {0.235, 1.496}, loss.toDoubleArray(), DOC_ATOL);
  }

  @Test
  void givesFiniteLossesForProbabilitiesExactlyZeroAndOneInFloat32() {
    Loss bce = BinaryCrossentropy.builder().build();

    Tensor loss = bce.perSample(Tensor.of(new float[][] {{1}, {0}, {1}, {0}}),
        Tensor.of(new float[][] {{0}, {1}, {1}, {0}}));

    // Semantics §0 / P3: float32 bounds give 16.118095 at p = 0 and 15.942385 at p = 1;
    // a correct saturated prediction costs -log(0.99999988) = 1.1920929e-07.
    assertArrayEquals(new double[] {16.118095, 15.942385, 1.1920929e-7, 1.1920929e-7},
        loss.toDoubleArray(), FLOAT32_ATOL);
  }

  @Test
  void givesSixteenPointOneOneEightAtBothBoundsInFloat64() {
    Loss bce = BinaryCrossentropy.builder().dtype(DType.FLOAT64).build();

    Tensor loss = bce.perSample(Tensor.of(new double[][] {{1}, {0}}),
        Tensor.of(new double[][] {{0}, {1}}));

    // Semantics §0: with float64 the bounds are 1e-7 and 0.9999999, so both ends cost
    // -log(1e-7) and -log(1 - 0.9999999) (both 16.1180957 to 8 digits).
    assertArrayEquals(new double[] {-Math.log(1e-7), -Math.log(1 - 0.9999999)},
        loss.toDoubleArray(), FLOAT64_ATOL);
  }

  @Test
  void chargesTheFullLogitForAConfidentWrongPrediction() {
    Loss bce = logits().reduction(Reduction.NONE).build();

    Tensor loss = bce.compute(Tensor.of(new float[][] {{0}, {1}, {1}}),
        Tensor.of(new float[][] {{100}, {-100}, {100}}));

    // P1: max(x, 0) - x t + log1p(exp(-|x|)) = 100 + log1p(e^-100) for the two wrong ones (the
    // numpy backend of Keras would give 15.942385 and 16.118095), log1p(e^-100) for the right one.
    double tail = Math.log1p(Math.exp(-100));
    assertArrayEquals(new double[] {100 + tail, 100 + tail, tail}, loss.toDoubleArray(),
        FLOAT32_ATOL);
  }

  @Test
  void givesZeroOrInfinityNeverNanForInfiniteLogits() {
    Loss bce = logits().reduction(Reduction.NONE).build();
    Tensor yTrue = Tensor.of(new float[][] {{1}, {0}, {1}, {0}});
    Tensor yPred = Tensor.of(new float[][] {{Float.POSITIVE_INFINITY},
        {Float.NEGATIVE_INFINITY}, {Float.NEGATIVE_INFINITY}, {Float.POSITIVE_INFINITY}});

    Tensor loss = bce.compute(yTrue, yPred);
    Tensor gradient = bce.gradient(yTrue, yPred);

    // Right at infinity costs 0, wrong costs +inf (limit of the exact formula); the gradient is
    // sigmoid(x) - t = [1 - 1, 0 - 0, 0 - 1, 1 - 0].
    assertArrayEquals(new double[] {0, 0, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY},
        loss.toDoubleArray());
    assertArrayEquals(new double[] {0, 0, -1, 1}, gradient.toDoubleArray());
  }

  @Test
  void smoothsLabelsTowardsOneHalf() {
    Loss bce = BinaryCrossentropy.builder().labelSmoothing(0.1).dtype(DType.FLOAT64).build();

    Tensor loss = bce.perSample(Tensor.of(new double[][] {{1, 0}}),
        Tensor.of(new double[][] {{0.8, 0.3}}));

    // Label 1 becomes 0.95 and label 0 becomes 0.05 (semantics §2 step 2); the mean of
    // -(t log p + (1 - t) log(1 - p)) over the two entries:
    double first = -(0.95 * Math.log(0.8) + 0.05 * Math.log(0.2));
    double second = -(0.05 * Math.log(0.3) + 0.95 * Math.log(0.7));
    assertArrayEquals(new double[] {(first + second) / 2}, loss.toDoubleArray(), FLOAT64_ATOL);
  }

  @Test
  void smoothsLabelsFromLogitsToo() {
    Loss bce = logits().labelSmoothing(0.1).dtype(DType.FLOAT64).build();

    Tensor loss = bce.perSample(Tensor.of(new double[] {1}), Tensor.of(new double[] {0}));

    // A logit of 0 is p = 0.5, so any smoothed label costs log 2.
    assertEquals(Math.log(2), loss.doubleValue(), FLOAT64_ATOL);
  }

  @Test
  void alignsRankOneLabelsWithAColumnOfPredictionsInsteadOfBroadcasting() {
    Loss bce = BinaryCrossentropy.builder().dtype(DType.FLOAT64).build();

    Tensor loss = bce.perSample(Tensor.of(new double[] {1, 0, 1}),
        Tensor.of(new double[][] {{0.9}, {0.2}, {0.6}}));

    // Semantics §8.1: [N] against [N, 1] becomes [N, 1] against [N, 1], one loss per sample.
    assertArrayEquals(new int[] {3}, loss.shape());
    assertArrayEquals(new double[] {-Math.log(0.9), -Math.log(0.8), -Math.log(0.6)},
        loss.toDoubleArray(), FLOAT64_ATOL);
  }

  @Test
  void averagesOverAnAxisOtherThanTheLast() {
    Loss bce = BinaryCrossentropy.builder().axis(0).dtype(DType.FLOAT64).build();

    Tensor loss = bce.perSample(Tensor.of(new double[][] {{1, 0}, {1, 1}}),
        Tensor.of(new double[][] {{0.5, 0.5}, {0.25, 0.75}}));

    // Column means: [-(log 0.5 + log 0.25) / 2, -(log 0.5 + log 0.75) / 2].
    assertArrayEquals(new double[] {-(Math.log(0.5) + Math.log(0.25)) / 2,
        -(Math.log(0.5) + Math.log(0.75)) / 2}, loss.toDoubleArray(), FLOAT64_ATOL);
  }

  @Test
  void weightsEveryTimestepOfASampleWithWeightsOfShapeBatch() {
    Loss bce = BinaryCrossentropy.builder().reduction(Reduction.SUM).dtype(DType.FLOAT64)
        .build();
    Tensor yTrue = Tensor.of(new double[][][] {{{1}, {0}}, {{1}, {1}}});
    Tensor yPred = Tensor.of(new double[][][] {{{0.5}, {0.5}}, {{0.25}, {0.75}}});

    Tensor batch = bce.compute(yTrue, yPred, Tensor.of(new double[] {2, 3}));
    Tensor batchColumn = bce.compute(yTrue, yPred, Tensor.of(new double[][] {{2}, {3}}));
    Tensor perTimestep = bce.compute(yTrue, yPred, Tensor.of(new double[][] {{2, 2}, {3, 3}}));

    // Per-sample losses [[log 2, log 2], [-log 0.25, -log 0.75]]; P10: weights [2, 3] apply to
    // every timestep of their sample, the same as [[2], [3]] or [[2, 2], [3, 3]].
    double expected = 2 * 2 * Math.log(2) - 3 * (Math.log(0.25) + Math.log(0.75));
    assertEquals(expected, batch.doubleValue(), FLOAT64_ATOL);
    assertEquals(expected, batchColumn.doubleValue(), FLOAT64_ATOL);
    assertEquals(expected, perTimestep.doubleValue(), FLOAT64_ATOL);
  }

  @Test
  void givesTheSameValueInFloat32AndFloat64AwayFromTheClipBounds() {
    Tensor yTrue = Tensor.of(new double[][] {{1, 0}, {0, 1}});
    Tensor yPred = Tensor.of(new double[][] {{0.7, 0.2}, {0.4, 0.9}});

    Tensor single = BinaryCrossentropy.builder().build().compute(yTrue, yPred);
    Tensor twice = BinaryCrossentropy.builder().dtype(DType.FLOAT64).build()
        .compute(yTrue, yPred);

    // Mean of -log 0.7, -log 0.8, -log 0.6, -log 0.9 over 2 samples of 2 entries.
    double expected = -(Math.log(0.7) + Math.log(0.8) + Math.log(0.6) + Math.log(0.9)) / 4;
    assertEquals(DType.FLOAT32, single.dtype());
    assertEquals(DType.FLOAT64, twice.dtype());
    assertEquals(expected, single.doubleValue(), FLOAT32_ATOL);
    assertEquals(expected, twice.doubleValue(), FLOAT64_ATOL);
  }

  @Test
  void differsBetweenFloat32AndFloat64AtTheUpperClipBound() {
    Tensor yTrue = Tensor.of(new double[][] {{0}});
    Tensor yPred = Tensor.of(new double[][] {{1}});

    Tensor single = BinaryCrossentropy.builder().build().compute(yTrue, yPred);
    Tensor twice = BinaryCrossentropy.builder().dtype(DType.FLOAT64).build()
        .compute(yTrue, yPred);

    // Semantics §0: 15.942385 in float32, -log(1 - 0.9999999) = 16.1180957 in float64.
    assertEquals(15.942385, single.doubleValue(), FLOAT32_ATOL);
    assertEquals(-Math.log(1 - 0.9999999), twice.doubleValue(), FLOAT64_ATOL);
  }

  @Test
  void hasAZeroGradientWhereTheClipIsActive() {
    Loss bce = BinaryCrossentropy.builder().reduction(Reduction.SUM).dtype(DType.FLOAT64)
        .build();

    Tensor gradient = bce.gradient(Tensor.of(new double[][] {{1, 0, 1}}),
        Tensor.of(new double[][] {{1, 0, 0.5}}));

    // p = 1 and p = 0 lie outside [1e-7, 1 - 1e-7]: the clip's derivative is 0 there. Inside,
    // d/dp of -log(p) / 3 (the mean over the sample's 3 entries) is -1 / (3 * 0.5).
    assertArrayEquals(new double[] {0, 0, -2.0 / 3}, gradient.toDoubleArray(), FLOAT64_ATOL);
  }

  @Test
  void propagatesNan() {
    Loss bce = BinaryCrossentropy.builder().build();

    Tensor loss = bce.perSample(Tensor.of(new float[][] {{1, 0}, {1, 0}}),
        Tensor.of(new float[][] {{Float.NaN, 0.5f}, {0.5f, 0.5f}}));

    assertTrue(Double.isNaN(loss.getDouble(0)));
    assertEquals(Math.log(2), loss.getDouble(1), FLOAT32_ATOL);
  }

  @Test
  void rejectsLabelSmoothingAboveOne() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> BinaryCrossentropy.builder().labelSmoothing(1.5).build());

    assertEquals("BinaryCrossentropy: label_smoothing must be in [0, 1], got 1.5",
        error.getMessage());
  }

  @Test
  void rejectsNegativeOrNanLabelSmoothing() {
    assertThrows(IllegalArgumentException.class,
        () -> BinaryCrossentropy.builder().labelSmoothing(-0.1).build());
    assertThrows(IllegalArgumentException.class,
        () -> BinaryCrossentropy.builder().labelSmoothing(Double.NaN).build());
  }

  @Test
  void rejectsAnUnknownDtype() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> BinaryCrossentropy.builder().dtype("float16").build());

    assertEquals("BinaryCrossentropy: dtype must be one of [float32, float64], got float16",
        error.getMessage());
  }

  @Test
  void rejectsAnUnknownReduction() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> BinaryCrossentropy.builder().reduction("auto").build());

    assertTrue(error.getMessage().startsWith("BinaryCrossentropy: reduction must be one of"),
        error.getMessage());
    assertTrue(error.getMessage().endsWith("got auto"), error.getMessage());
  }

  @Test
  void rejectsShapesThatCannotBeAligned() {
    Loss bce = BinaryCrossentropy.builder().build();

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> bce.compute(Tensor.of(new float[2 * 3], 2, 3), Tensor.of(new float[2 * 4], 2, 4)));

    assertTrue(error.getMessage().startsWith(
        "BinaryCrossentropy: y_true shape [2, 3] does not match y_pred shape [2, 4]"),
        error.getMessage());
  }

  @Test
  void rejectsAColumnOfLabelsAgainstARowOfPredictions() {
    Loss bce = BinaryCrossentropy.builder().build();

    // [N, 1] against [N, C] would broadcast in NumPy; only [N] against [N, 1] is aligned.
    assertThrows(IllegalArgumentException.class,
        () -> bce.compute(Tensor.of(new float[3], 3, 1), Tensor.of(new float[6], 3, 2)));
  }

  @Test
  void rejectsAnAxisOutOfRange() {
    Loss bce = BinaryCrossentropy.builder().axis(2).build();

    assertThrows(IllegalArgumentException.class,
        () -> bce.compute(Tensor.of(new float[4], 2, 2), Tensor.of(new float[4], 2, 2)));
  }

  @Test
  void startsFromKerasDefaults() {
    BinaryCrossentropy bce = BinaryCrossentropy.builder().build();

    // Page: from_logits=False, label_smoothing=0.0, axis=-1, reduction="sum_over_batch_size",
    // name="binary_crossentropy"; dtype None means float32.
    assertEquals(LossConfig.builder("binary_crossentropy").put("from_logits", false)
        .put("label_smoothing", 0.0).put("axis", -1).put("reduction", "sum_over_batch_size")
        .put("name", "binary_crossentropy").put("dtype", "float32").build(), bce.config());
    assertEquals(Reduction.SUM_OVER_BATCH_SIZE, bce.reduction());
    assertEquals(DType.FLOAT32, bce.dtype());
  }

  @Test
  void keepsEveryArgumentInItsConfigInKerasOrder() {
    BinaryCrossentropy bce = logits().labelSmoothing(0.1).axis(0).reduction(Reduction.SUM)
        .name("x").dtype(DType.FLOAT64).build();

    LossConfig config = bce.config();

    assertEquals(Arrays.asList("from_logits", "label_smoothing", "axis", "reduction", "name",
        "dtype"), Arrays.asList(config.values().keySet().toArray()));
    assertEquals(Map.of("from_logits", true, "label_smoothing", 0.1, "axis", 0, "reduction",
        "sum", "name", "x", "dtype", "float64"), config.values());
    assertTrue(bce.fromLogits());
    assertEquals(0.1, bce.labelSmoothing());
    assertEquals(0, bce.axis());
    assertEquals("x", bce.name());
  }

  @Test
  void keepsAMissingReductionAsNull() {
    BinaryCrossentropy bce = BinaryCrossentropy.builder().reduction((Reduction) null).build();

    assertEquals(null, bce.config().get("reduction"));
    assertEquals(Reduction.NONE, bce.reduction());
  }

  @Test
  void usesTheDefaultNameForAnEmptyName() {
    BinaryCrossentropy bce = BinaryCrossentropy.builder().name("").build();

    assertEquals("binary_crossentropy", bce.name());
  }

  @Test
  void isEqualToALossWithTheSameConfiguration() {
    Loss first = logits().labelSmoothing(0.1).build();
    Loss second = logits().labelSmoothing(0.1).build();
    Loss other = logits().labelSmoothing(0.2).build();

    assertEquals(first, second);
    assertEquals(first.hashCode(), second.hashCode());
    assertNotEquals(first, other);
  }
}
