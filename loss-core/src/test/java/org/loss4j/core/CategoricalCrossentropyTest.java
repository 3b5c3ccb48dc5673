package org.loss4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Reduction;
import org.loss4j.api.Tensor;

/**
 * CategoricalCrossentropy: the examples of the Keras documentation page
 * ({@code reference/keras-probabilistic-losses.md}, "CategoricalCrossentropy class"), the edge
 * cases of the issue, and the arguments.
 */
class CategoricalCrossentropyTest {
  /** The page prints values rounded to 3 or 4 decimals. */
  private static final double DOC_ATOL = 1e-3;
  /** Float32 results carry about 7 significant digits. */
  private static final double FLOAT32_ATOL = 1e-5;
  private static final double FLOAT64_ATOL = 1e-12;

  private static final Tensor DOC_TRUE = Tensor.of(new float[][] {{0, 1, 0}, {0, 0, 1}});
  private static final Tensor DOC_PRED =
      Tensor.of(new float[][] {{0.05f, 0.95f, 0}, {0.1f, 0.8f, 0.1f}});

  private static CategoricalCrossentropy.Builder float64() {
    return CategoricalCrossentropy.builder().dtype(DType.FLOAT64);
  }

  @Test
  void matchesDocExampleWithTheDefaultReduction() {
    Loss cce = CategoricalCrossentropy.builder().build();

    Tensor loss = cce.compute(DOC_TRUE, DOC_PRED);

    // Page: 1.177.
    assertEquals(1.177, loss.doubleValue(), DOC_ATOL);
  }

  @Test
  void matchesDocExampleWithSampleWeight() {
    Loss cce = CategoricalCrossentropy.builder().build();

    Tensor loss = cce.compute(DOC_TRUE, DOC_PRED, Tensor.of(new float[] {0.3f, 0.7f}));

    // Page, sample_weight=[0.3, 0.7]: 0.814.
    assertEquals(0.814, loss.doubleValue(), DOC_ATOL);
  }

  @Test
  void matchesDocExampleWithSumReduction() {
    Loss cce = CategoricalCrossentropy.builder().reduction(Reduction.SUM).build();

    Tensor loss = cce.compute(DOC_TRUE, DOC_PRED);

    // Page, reduction="sum": 2.354.
    assertEquals(2.354, loss.doubleValue(), DOC_ATOL);
  }

  @Test
  void matchesDocExampleWithoutReduction() {
    Loss cce = CategoricalCrossentropy.builder().reduction((String) null).build();

    Tensor loss = cce.compute(DOC_TRUE, DOC_PRED);

    // Page, reduction=None: [0.0513, 2.303].
    assertArrayEquals(new double[] {0.0513, 2.303}, loss.toDoubleArray(), DOC_ATOL);
  }

  @Test
  void renormalisesProbabilitiesThatDoNotSumToOne() {
    Loss cce = float64().build();

    Tensor loss = cce.perSample(Tensor.of(new double[][] {{0, 1, 0}}),
        Tensor.of(new double[][] {{0.5, 0.89, 0.6}}));

    // Semantics §4: the row [0.5, 0.89, 0.6] is divided by 1.99 first.
    assertEquals(-Math.log(0.89 / 1.99), loss.doubleValue(), FLOAT64_ATOL);
  }

  @Test
  void givesFiniteLossesForProbabilitiesExactlyZeroAndOne() {
    Loss cce = CategoricalCrossentropy.builder().build();

    Tensor loss = cce.perSample(Tensor.of(new float[][] {{1, 0, 0}, {0, 1, 0}}),
        Tensor.of(new float[][] {{1, 0, 0}, {1, 0, 0}}));

    // Semantics §0: a certain right class costs -log(0.99999988) = 1.1920929e-07; a class with
    // probability 0 is clipped to 1e-7 and costs 16.118095.
    assertArrayEquals(new double[] {1.1920929e-7, 16.118095}, loss.toDoubleArray(),
        FLOAT32_ATOL);
  }

  @Test
  void smoothsLabelsTowardsOneOverTheClassCount() {
    Loss cce = float64().labelSmoothing(0.1).build();

    Tensor loss = cce.perSample(Tensor.of(new double[][] {{1, 0, 0}}),
        Tensor.of(new double[][] {{0.5, 0.25, 0.25}}));

    // Page, label_smoothing: 0.1 / 3 for the others and 0.9 + 0.1 / 3 for the target.
    double other = 0.1 / 3;
    double expected = -((0.9 + other) * Math.log(0.5) + 2 * other * Math.log(0.25));
    assertEquals(expected, loss.doubleValue(), FLOAT64_ATOL);
  }

  @Test
  void countsClassesAlongTheClassAxisWhenSmoothing() {
    Loss cce = float64().labelSmoothing(0.1).axis(1).build();
    // Shape [1, 2, 3]: 2 classes on axis 1, 3 positions on the last axis.
    Tensor yTrue = Tensor.of(new double[][][] {{{1, 0, 1}, {0, 1, 0}}});
    Tensor yPred = Tensor.of(new double[][][] {{{0.5, 0.25, 0.75}, {0.5, 0.75, 0.25}}});

    Tensor loss = cce.perSample(yTrue, yPred);

    // P5: labels become 0.95 and 0.05 (C = 2 along axis 1), not 0.9 + 0.1 / 3 and 0.1 / 3.
    double hi = 0.95;
    double lo = 0.05;
    assertArrayEquals(new int[] {1, 3}, loss.shape());
    assertArrayEquals(new double[] {
        -(hi * Math.log(0.5) + lo * Math.log(0.5)),
        -(lo * Math.log(0.25) + hi * Math.log(0.75)),
        -(hi * Math.log(0.75) + lo * Math.log(0.25))}, loss.toDoubleArray(), FLOAT64_ATOL);
  }

  @Test
  void givesTheSameLossOnAnyClassAxis() {
    Tensor yTrue = Tensor.of(new double[][][] {{{1, 0}, {0, 1}, {0, 0}}});
    Tensor yPred = Tensor.of(new double[][][] {{{0.2, 0.3}, {0.5, 0.6}, {0.3, 0.1}}});
    Tensor yTrueLast = Tensor.of(new double[][][] {{{1, 0, 0}, {0, 1, 0}}});
    Tensor yPredLast = Tensor.of(new double[][][] {{{0.2, 0.5, 0.3}, {0.3, 0.6, 0.1}}});

    Tensor onAxisOne = float64().axis(1).build().perSample(yTrue, yPred);
    Tensor onLastAxis = float64().build().perSample(yTrueLast, yPredLast);

    // The second pair is the first with axes 1 and 2 swapped: -log 0.2 and -log 0.6 both ways.
    assertArrayEquals(new double[] {-Math.log(0.2), -Math.log(0.6)}, onAxisOne.toDoubleArray(),
        FLOAT64_ATOL);
    assertArrayEquals(onAxisOne.toDoubleArray(), onLastAxis.toDoubleArray(), FLOAT64_ATOL);
  }

  @Test
  void rejectsAClassAxisOfSizeOneOnARankThreeInput() {
    Loss cce = CategoricalCrossentropy.builder().axis(1).build();

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> cce.compute(Tensor.of(new float[6], 2, 1, 3), Tensor.of(new float[6], 2, 1, 3)));

    // P14.
    assertTrue(error.getMessage().startsWith(
        "CategoricalCrossentropy: y_pred shape [2, 1, 3] has 1 class along axis 1"),
        error.getMessage());
    assertTrue(error.getMessage().contains("BinaryCrossentropy"), error.getMessage());
  }

  @Test
  void rejectsAnEmptyClassAxis() {
    Loss cce = CategoricalCrossentropy.builder().build();

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> cce.compute(Tensor.of(new float[0], 2, 0), Tensor.of(new float[0], 2, 0)));

    assertTrue(error.getMessage().contains("has 0 classes along axis -1"), error.getMessage());
  }

  @Test
  void reducesAnEmptyBatchToZero() {
    Loss cce = CategoricalCrossentropy.builder().build();
    Tensor empty = Tensor.of(new float[0], 0, 3);

    Tensor loss = cce.compute(empty, empty);
    Tensor gradient = cce.gradient(empty, empty);

    // P9: 0, not an empty tensor; the gradient keeps y_pred's shape.
    assertEquals(0.0, loss.doubleValue());
    assertArrayEquals(new int[] {0, 3}, gradient.shape());
  }

  @Test
  void rejectsARowOfProbabilitiesSummingToZero() {
    Loss cce = CategoricalCrossentropy.builder().build();

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> cce.compute(Tensor.of(new float[][] {{1, 0}, {0, 1}}),
            Tensor.of(new float[][] {{0.5f, 0.5f}, {0, 0}})));

    // P13.
    assertTrue(error.getMessage().startsWith(
        "CategoricalCrossentropy: y_pred[1, :] sums to 0 along axis 1"), error.getMessage());
  }

  @Test
  void acceptsLogitsSummingToZero() {
    Loss cce = float64().fromLogits(true).build();

    Tensor loss = cce.perSample(Tensor.of(new double[][] {{1, 0}}),
        Tensor.of(new double[][] {{0, 0}}));

    // Equal logits are a uniform distribution: log 2.
    assertEquals(Math.log(2), loss.doubleValue(), FLOAT64_ATOL);
  }

  @Test
  void chargesTheFullMarginForConfidentWrongLogits() {
    Loss cce = CategoricalCrossentropy.builder().fromLogits(true).build();

    Tensor loss = cce.perSample(Tensor.of(new float[][] {{0, 1}, {1, 0}}),
        Tensor.of(new float[][] {{100, -100}, {100, -100}}));

    // log-softmax of [100, -100]: [-log1p(e^-200), -200 - log1p(e^-200)] = [0, -200].
    assertArrayEquals(new double[] {200, 0}, loss.toDoubleArray(), FLOAT32_ATOL);
  }

  @Test
  void givesZeroOrInfinityNeverNanForInfiniteLogits() {
    Loss cce = CategoricalCrossentropy.builder().fromLogits(true).build();
    float inf = Float.POSITIVE_INFINITY;

    Tensor loss = cce.perSample(
        Tensor.of(new float[][] {{1, 0, 0}, {0, 1, 0}, {1, 0, 0}}),
        Tensor.of(new float[][] {{inf, 0, -inf}, {inf, 0, -inf}, {0, 0, -inf}}));

    // Right at +inf costs 0; a finite logit beside +inf costs +inf; a class at -inf with label 0
    // adds nothing, leaving log 2 for two equal logits.
    assertArrayEquals(new double[] {0, Double.POSITIVE_INFINITY, Math.log(2)},
        loss.toDoubleArray(), FLOAT32_ATOL);
  }

  @Test
  void hasAFiniteGradientForInfiniteLogits() {
    Loss cce = CategoricalCrossentropy.builder().fromLogits(true).reduction(Reduction.SUM)
        .build();
    float inf = Float.POSITIVE_INFINITY;

    Tensor gradient = cce.gradient(Tensor.of(new float[][] {{0, 1, 0}}),
        Tensor.of(new float[][] {{inf, 0, -inf}}));

    // softmax - t = [1, 0, 0] - [0, 1, 0].
    assertArrayEquals(new double[] {1, -1, 0}, gradient.toDoubleArray(), FLOAT32_ATOL);
  }

  @Test
  void hasAZeroGradientWhereTheClipIsActive() {
    Loss cce = float64().reduction(Reduction.SUM).build();

    Tensor gradient = cce.gradient(Tensor.of(new double[][] {{1, 0, 0}}),
        Tensor.of(new double[][] {{1, 0, 0}}));

    // The target's renormalised probability 1 lies above 1 - 1e-7, so the clip passes no
    // gradient, and the other classes carry no label mass.
    assertArrayEquals(new double[] {0, 0, 0}, gradient.toDoubleArray());
  }

  @Test
  void backPropagatesThroughTheRenormalisation() {
    Loss cce = float64().reduction(Reduction.SUM).build();

    Tensor gradient = cce.gradient(Tensor.of(new double[][] {{1, 0}}),
        Tensor.of(new double[][] {{1, 1}}));

    // loss = -log(p0 / (p0 + p1)): d/dp0 = -1/p0 + 1/S = -0.5, d/dp1 = 1/S = 0.5.
    assertArrayEquals(new double[] {-0.5, 0.5}, gradient.toDoubleArray(), FLOAT64_ATOL);
  }

  @Test
  void givesTheSameValueInFloat32AndFloat64() {
    Tensor yTrue = Tensor.of(new double[][] {{0, 1, 0}});
    Tensor yPred = Tensor.of(new double[][] {{0.2, 0.7, 0.1}});

    Tensor single = CategoricalCrossentropy.builder().build().compute(yTrue, yPred);
    Tensor twice = float64().build().compute(yTrue, yPred);

    assertEquals(DType.FLOAT32, single.dtype());
    assertEquals(-Math.log(0.7), single.doubleValue(), FLOAT32_ATOL);
    assertEquals(-Math.log(0.7), twice.doubleValue(), FLOAT64_ATOL);
  }

  @Test
  void propagatesNan() {
    Loss cce = CategoricalCrossentropy.builder().build();

    Tensor loss = cce.perSample(Tensor.of(new float[][] {{0, 1}, {0, 1}}),
        Tensor.of(new float[][] {{Float.NaN, 0.5f}, {0.5f, 0.5f}}));

    assertTrue(Double.isNaN(loss.getDouble(0)));
    assertEquals(Math.log(2), loss.getDouble(1), FLOAT32_ATOL);
  }

  @Test
  void rejectsShapesThatDiffer() {
    Loss cce = CategoricalCrossentropy.builder().build();

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> cce.compute(Tensor.of(new float[6], 2, 3), Tensor.of(new float[8], 2, 4)));

    assertTrue(error.getMessage().startsWith(
        "CategoricalCrossentropy: y_true shape [2, 3] does not match y_pred shape [2, 4]"),
        error.getMessage());
  }

  @Test
  void rejectsLabelSmoothingOutsideZeroToOne() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> CategoricalCrossentropy.builder().labelSmoothing(-0.5).build());

    assertEquals("CategoricalCrossentropy: label_smoothing must be in [0, 1], got -0.5",
        error.getMessage());
  }

  @Test
  void keepsEveryArgumentInItsConfig() {
    CategoricalCrossentropy cce = CategoricalCrossentropy.builder().fromLogits(true)
        .labelSmoothing(0.2).axis(1).reduction("mean").name("c").dtype("float64").build();

    assertEquals(LossConfig.builder("categorical_crossentropy").put("from_logits", true)
        .put("label_smoothing", 0.2).put("axis", 1).put("reduction", "mean").put("name", "c")
        .put("dtype", "float64").build(), cce.config());
    assertEquals(Reduction.MEAN, cce.reduction());
    assertEquals(0.2, cce.labelSmoothing());
    assertEquals(1, cce.axis());
    assertTrue(cce.fromLogits());
  }
}
