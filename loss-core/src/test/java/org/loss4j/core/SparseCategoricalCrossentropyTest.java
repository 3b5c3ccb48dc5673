package org.loss4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Reduction;
import org.loss4j.api.Tensor;

/**
 * SparseCategoricalCrossentropy: the examples of the Keras documentation page
 * ({@code reference/keras-probabilistic-losses.md}, "SparseCategoricalCrossentropy class"),
 * {@code ignore_class}, label shapes and label checks, and the arguments.
 */
class SparseCategoricalCrossentropyTest {
  /** The page prints values rounded to 3 or 4 decimals. */
  private static final double DOC_ATOL = 1e-3;
  /** Float32 results carry about 7 significant digits. */
  private static final double FLOAT32_ATOL = 1e-5;
  private static final double FLOAT64_ATOL = 1e-12;

  private static final Tensor DOC_TRUE = Tensor.of(new int[] {1, 2});
  private static final Tensor DOC_PRED =
      Tensor.of(new float[][] {{0.05f, 0.95f, 0}, {0.1f, 0.8f, 0.1f}});

  /** Inputs of Keras's test_ignore_class#1 (semantics §6 step 5): logits, label -1 ignored. */
  private static final Tensor IGNORE_TRUE = Tensor.of(new int[][] {{-1, 2}});
  private static final Tensor IGNORE_LOGITS = Tensor.of(
      new float[][][] {{{0.854f, 0.698f, 0.598f}, {0.088f, 0.86f, 0.018f}}});

  private static SparseCategoricalCrossentropy.Builder float64() {
    return SparseCategoricalCrossentropy.builder().dtype(DType.FLOAT64);
  }

  private static SparseCategoricalCrossentropy.Builder ignoringMinusOne() {
    return SparseCategoricalCrossentropy.builder().fromLogits(true).ignoreClass(-1);
  }

  @Test
  void matchesDocExampleWithTheDefaultReduction() {
    Loss scce = SparseCategoricalCrossentropy.builder().build();

    Tensor loss = scce.compute(DOC_TRUE, DOC_PRED);

    // Page: 1.177.
    assertEquals(1.177, loss.doubleValue(), DOC_ATOL);
  }

  @Test
  void matchesDocExampleWithSampleWeight() {
    Loss scce = SparseCategoricalCrossentropy.builder().build();

    Tensor loss = scce.compute(DOC_TRUE, DOC_PRED, Tensor.of(new float[] {0.3f, 0.7f}));

    // Page, sample_weight=[0.3, 0.7]: 0.814.
    assertEquals(0.814, loss.doubleValue(), DOC_ATOL);
  }

  @Test
  void matchesDocExampleWithSumReduction() {
    Loss scce = SparseCategoricalCrossentropy.builder().reduction(Reduction.SUM).build();

    Tensor loss = scce.compute(DOC_TRUE, DOC_PRED);

    // Page, reduction="sum": 2.354.
    assertEquals(2.354, loss.doubleValue(), DOC_ATOL);
  }

  @Test
  void matchesDocExampleWithoutReduction() {
    Loss scce = SparseCategoricalCrossentropy.builder().reduction((String) null).build();

    Tensor loss = scce.compute(DOC_TRUE, DOC_PRED);

    // Page, reduction=None: [0.0513, 2.303].
    assertArrayEquals(new double[] {0.0513, 2.303}, loss.toDoubleArray(), DOC_ATOL);
  }

  @Test
  void leavesIgnoredEntriesOutOfTheBatchMean() {
    Loss scce = ignoringMinusOne().build();

    Tensor loss = scce.compute(IGNORE_TRUE, IGNORE_LOGITS);

    // Semantics §6 step 5: sum_over_batch_size gives 1.480129 (one valid entry), not 0.74.
    assertEquals(1.480129, loss.doubleValue(), FLOAT32_ATOL);
  }

  @Test
  void givesZeroForIgnoredEntriesWithoutReduction() {
    Loss scce = ignoringMinusOne().reduction(Reduction.NONE).build();

    Tensor loss = scce.compute(IGNORE_TRUE, IGNORE_LOGITS);

    // Keras's test_ignore_class#1: [[0, 1.480129]].
    assertArrayEquals(new int[] {1, 2}, loss.shape());
    assertArrayEquals(new double[] {0, 1.480129}, loss.toDoubleArray(), FLOAT32_ATOL);
  }

  @Test
  void weightsOnlyTheValidEntriesWhenIgnoring() {
    Loss scce = ignoringMinusOne().build();

    Tensor loss = scce.compute(IGNORE_TRUE, IGNORE_LOGITS, Tensor.of(new float[][] {{2, 3}}));

    // Semantics §6 step 5: sample_weight [[2, 3]] gives 3 * 1.480129 / 1 valid = 4.440387.
    assertEquals(4.440387, loss.doubleValue(), FLOAT32_ATOL);
  }

  @Test
  void givesZeroNotNanWhenEveryLabelIsIgnored() {
    Loss scce = SparseCategoricalCrossentropy.builder().ignoreClass(-1).build();
    Tensor yTrue = Tensor.of(new int[] {-1, -1});
    Tensor yPred = Tensor.of(new float[][] {{0, 0, 0}, {0.2f, 0.3f, 0.5f}});

    Tensor loss = scce.compute(yTrue, yPred);
    Tensor gradient = scce.gradient(yTrue, yPred);

    // Semantics §8.3: everything masked gives 0; an ignored all-zero row is not refused.
    assertEquals(0.0, loss.doubleValue());
    assertArrayEquals(new double[6], gradient.toDoubleArray());
  }

  @Test
  void ignoresAClassInsideTheClassRange() {
    Loss scce = float64().ignoreClass(0).reduction(Reduction.NONE).build();

    Tensor loss = scce.compute(Tensor.of(new int[] {0, 1}),
        Tensor.of(new double[][] {{0.5, 0.5}, {0.25, 0.75}}));

    assertArrayEquals(new double[] {0, -Math.log(0.75)}, loss.toDoubleArray(), FLOAT64_ATOL);
  }

  @Test
  void acceptsLabelsOfShapeBatchByOne() {
    Loss scce = float64().build();
    Tensor yPred = Tensor.of(new double[][] {{0.5, 0.5}, {0.25, 0.75}});

    Tensor column = scce.perSample(Tensor.ofInts(new int[] {0, 1}, 2, 1), yPred);
    Tensor flat = scce.perSample(Tensor.of(new int[] {0, 1}), yPred);

    // Semantics §6 rank table: [N, 1] is squeezed to [N].
    assertArrayEquals(new int[] {2}, column.shape());
    assertArrayEquals(new double[] {Math.log(2), -Math.log(0.75)}, column.toDoubleArray(),
        FLOAT64_ATOL);
    assertArrayEquals(flat.toDoubleArray(), column.toDoubleArray());
  }

  @Test
  void acceptsWholeFloatingPointLabels() {
    Loss scce = float64().build();
    Tensor yPred = Tensor.of(new double[][] {{0.5, 0.5}, {0.25, 0.75}});

    Tensor floats = scce.perSample(Tensor.of(new double[] {0, 1}), yPred);
    Tensor ints = scce.perSample(Tensor.of(new int[] {0, 1}), yPred);

    assertArrayEquals(ints.toDoubleArray(), floats.toDoubleArray());
  }

  @Test
  void scoresSequencesWithLabelsOfShapeBatchByTime() {
    Loss scce = float64().reduction(Reduction.NONE).build();
    Tensor yTrue = Tensor.of(new int[][] {{0, 1}, {1, 1}});
    Tensor yPred = Tensor.of(new double[][][] {
        {{0.5, 0.5}, {0.25, 0.75}}, {{0.2, 0.8}, {0.9, 0.1}}});

    Tensor loss = scce.compute(yTrue, yPred);

    assertArrayEquals(new int[] {2, 2}, loss.shape());
    assertArrayEquals(new double[] {Math.log(2), -Math.log(0.75), -Math.log(0.8),
        -Math.log(0.1)}, loss.toDoubleArray(), FLOAT64_ATOL);
  }

  @Test
  void weightsTimestepsOneByOneOrWholeSamples() {
    Loss scce = float64().reduction(Reduction.SUM).build();
    Tensor yTrue = Tensor.of(new int[][] {{0, 1}, {1, 1}});
    Tensor yPred = Tensor.of(new double[][][] {
        {{0.5, 0.5}, {0.25, 0.75}}, {{0.2, 0.8}, {0.9, 0.1}}});

    Tensor perTimestep = scce.compute(yTrue, yPred, Tensor.of(new double[][] {{1, 0}, {2, 3}}));
    Tensor perSample = scce.compute(yTrue, yPred, Tensor.of(new double[] {0, 2}));
    Tensor perSampleColumn = scce.compute(yTrue, yPred, Tensor.of(new double[][] {{0}, {2}}));

    // Per-sample losses [[log 2, -log 0.75], [-log 0.8, -log 0.1]] weighted element-wise, and
    // (P10) with [0, 2] or [[0], [2]] applying to both timesteps of each sample.
    assertEquals(Math.log(2) - 2 * Math.log(0.8) - 3 * Math.log(0.1),
        perTimestep.doubleValue(), FLOAT64_ATOL);
    assertEquals(-2 * (Math.log(0.8) + Math.log(0.1)), perSample.doubleValue(), FLOAT64_ATOL);
    assertEquals(perSample.doubleValue(), perSampleColumn.doubleValue(), FLOAT64_ATOL);
  }

  @Test
  void acceptsAClassAxisOtherThanTheLast() {
    Loss scce = float64().axis(1).build();
    // y_pred [1, 2, 3]: 2 classes on axis 1, 3 positions.
    Tensor yPred = Tensor.of(new double[][][] {{{0.5, 0.25, 0.9}, {0.5, 0.75, 0.1}}});

    Tensor loss = scce.perSample(Tensor.of(new int[][] {{0, 1, 1}}), yPred);

    // P5.
    assertArrayEquals(new double[] {Math.log(2), -Math.log(0.75), -Math.log(0.1)},
        loss.toDoubleArray(), FLOAT64_ATOL);
  }

  @Test
  void givesFiniteLossesForProbabilitiesExactlyZeroAndOne() {
    Loss scce = SparseCategoricalCrossentropy.builder().build();

    Tensor loss = scce.perSample(Tensor.of(new int[] {0, 1}),
        Tensor.of(new float[][] {{1, 0, 0}, {1, 0, 0}}));

    // Semantics §6 step 3: row [1, 0, 0] with label 0 gives 1.19e-7 (renormalise, then clip);
    // label 1 is clipped up to 1e-7 and costs 16.118095 (semantics §0).
    assertArrayEquals(new double[] {1.1920929e-7, 16.118095}, loss.toDoubleArray(),
        FLOAT32_ATOL);
  }

  @Test
  void givesZeroOrInfinityNeverNanForInfiniteLogits() {
    Loss scce = SparseCategoricalCrossentropy.builder().fromLogits(true).build();
    float inf = Float.POSITIVE_INFINITY;

    Tensor loss = scce.perSample(Tensor.of(new int[] {0, 1, 1}),
        Tensor.of(new float[][] {{inf, 0, -inf}, {inf, 0, -inf}, {-inf, 100, -100}}));

    // log-softmax: 0 at the single +inf, -inf beside it; [-inf, 100, -100] gives the middle
    // class -log1p(e^-200) = 0.
    assertArrayEquals(new double[] {0, Double.POSITIVE_INFINITY, 0}, loss.toDoubleArray(),
        FLOAT32_ATOL);
  }

  @Test
  void hasAZeroGradientWhereTheClipIsActive() {
    Loss scce = float64().reduction(Reduction.SUM).build();

    Tensor gradient = scce.gradient(Tensor.of(new int[] {0}),
        Tensor.of(new double[][] {{1, 0, 0}}));

    // The picked probability 1 lies above 1 - 1e-7: the clip passes no gradient.
    assertArrayEquals(new double[] {0, 0, 0}, gradient.toDoubleArray());
  }

  @Test
  void hasSoftmaxMinusOneHotAsTheLogitGradient() {
    Loss scce = float64().fromLogits(true).reduction(Reduction.SUM).build();

    Tensor gradient = scce.gradient(Tensor.of(new int[] {1}),
        Tensor.of(new double[][] {{0, 0}}));

    // softmax([0, 0]) - onehot(1) = [0.5, -0.5].
    assertArrayEquals(new double[] {0.5, -0.5}, gradient.toDoubleArray(), FLOAT64_ATOL);
  }

  @Test
  void givesTheSameValueInFloat32AndFloat64() {
    Tensor yTrue = Tensor.of(new int[] {2});
    Tensor yPred = Tensor.of(new double[][] {{0.2, 0.1, 0.7}});

    Tensor single = SparseCategoricalCrossentropy.builder().build().compute(yTrue, yPred);
    Tensor twice = float64().build().compute(yTrue, yPred);

    assertEquals(-Math.log(0.7), single.doubleValue(), FLOAT32_ATOL);
    assertEquals(-Math.log(0.7), twice.doubleValue(), FLOAT64_ATOL);
  }

  @Test
  void propagatesANanLabel() {
    Loss scce = float64().build();

    Tensor loss = scce.perSample(Tensor.of(new double[] {Double.NaN, 1}),
        Tensor.of(new double[][] {{0.5, 0.5}, {0.5, 0.5}}));

    assertTrue(Double.isNaN(loss.getDouble(0)));
    assertEquals(Math.log(2), loss.getDouble(1), FLOAT64_ATOL);
  }

  @Test
  void rejectsALabelNotBelowTheClassCount() {
    Loss scce = SparseCategoricalCrossentropy.builder().build();

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> scce.compute(Tensor.of(new int[] {0, 3}), Tensor.of(new float[6], 2, 3)));

    // P8, in the style of STYLE.md.
    assertEquals("SparseCategoricalCrossentropy: y_true[1] = 3, expected a class in 0..2",
        error.getMessage());
  }

  @Test
  void rejectsANegativeLabelThatIsNotIgnored() {
    Loss scce = SparseCategoricalCrossentropy.builder().ignoreClass(255).build();

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> scce.compute(Tensor.of(new int[][] {{0, -1}}), Tensor.of(new float[6], 1, 2, 3)));

    assertEquals("SparseCategoricalCrossentropy: y_true[0, 1] = -1, expected a class in 0..2"
        + " or ignore_class 255", error.getMessage());
  }

  @Test
  void rejectsAFractionalLabel() {
    Loss scce = SparseCategoricalCrossentropy.builder().build();

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> scce.compute(Tensor.of(new double[] {1.5}), Tensor.of(new float[3], 1, 3)));

    assertEquals(
        "SparseCategoricalCrossentropy: y_true[0] = 1.5, expected an integer class in 0..2",
        error.getMessage());
  }

  @Test
  void rejectsASingleClass() {
    Loss scce = SparseCategoricalCrossentropy.builder().build();

    // [N] labels against [N, 1] predictions: aligned, then refused (P14).
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> scce.compute(Tensor.of(new int[] {0, 0}), Tensor.of(new float[] {1, 1}, 2, 1)));

    assertTrue(error.getMessage().contains("has 1 class along axis -1"), error.getMessage());
  }

  @Test
  void rejectsLabelsThatDoNotFitThePredictions() {
    Loss scce = SparseCategoricalCrossentropy.builder().build();

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> scce.compute(Tensor.of(new int[] {0, 1, 2}), Tensor.of(new float[6], 2, 3)));

    assertTrue(error.getMessage().startsWith(
        "SparseCategoricalCrossentropy: y_true shape [3] does not fit y_pred shape [2, 3]"),
        error.getMessage());
  }

  @Test
  void rejectsARowOfProbabilitiesSummingToZero() {
    Loss scce = SparseCategoricalCrossentropy.builder().build();

    // P13.
    assertThrows(IllegalArgumentException.class,
        () -> scce.compute(Tensor.of(new int[] {0}), Tensor.of(new float[] {0, 0}, 1, 2)));
  }

  @Test
  void keepsAxisAndIgnoreClassInItsConfig() {
    SparseCategoricalCrossentropy scce = SparseCategoricalCrossentropy.builder()
        .fromLogits(true).ignoreClass(-1).axis(1).reduction(Reduction.SUM).build();

    // P18: axis survives the round trip, unlike Keras 3.13.
    assertEquals(LossConfig.builder("sparse_categorical_crossentropy").put("from_logits", true)
        .put("ignore_class", -1).put("axis", 1).put("reduction", "sum")
        .put("name", "sparse_categorical_crossentropy").put("dtype", "float32").build(),
        scce.config());
    assertEquals(OptionalInt.of(-1), scce.ignoreClass());
    assertEquals(1, scce.axis());
  }

  @Test
  void ignoresNothingByDefault() {
    SparseCategoricalCrossentropy scce = SparseCategoricalCrossentropy.builder().build();

    assertEquals(OptionalInt.empty(), scce.ignoreClass());
    assertEquals(null, scce.config().get("ignore_class"));
  }
}
