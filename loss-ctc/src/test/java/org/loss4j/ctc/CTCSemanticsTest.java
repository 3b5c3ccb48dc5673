package org.loss4j.ctc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.LossAndGradient;
import org.loss4j.api.Reduction;
import org.loss4j.api.Tensor;

/** One test per rule of the CTC semantics: feasibility, empty labels, signs, lengths, blanks. */
class CTCSemanticsTest {
  private static final double EXACT = 1e-10;
  /** float32 results are rounded once from double: half an ulp, well inside 1e-6 relative. */
  private static final double FLOAT32_RELATIVE = 1e-6;
  private static final double LN3 = Math.log(3);

  private static final CTC NONE = CtcTestData.float64();

  @Test
  void repeatedLabelWithoutRoomForABlankIsInfinite() {
    Tensor zeros = Tensor.of(new double[1 * 2 * 3], 1, 2, 3);

    double loss = NONE.perSample(CtcTestData.labelsOf(1, 1), zeros).getDouble(0);

    assertEquals(Double.POSITIVE_INFINITY, loss);
  }

  @Test
  void repeatedLabelWithThreeFramesHasTheSingleAlignmentOneBlankOne() {
    Tensor zeros = Tensor.of(new double[1 * 3 * 3], 1, 3, 3);

    double loss = NONE.perSample(CtcTestData.labelsOf(1, 1), zeros).getDouble(0);

    // Only the path (1, 0, 1) collapses to [1, 1]; each frame has probability 1/3: 3 ln 3.
    assertEquals(3 * LN3, loss, EXACT);
  }

  @Test
  void emptyLabelCostsMinusSumOfBlankLogProbabilities() {
    double[][] logits = CtcTestData.randomLogits(3, 4, 3);

    double loss = NONE.withLengths(new int[] {0}, null)
        .perSample(CtcTestData.labelsOf(2, 1), CtcTestData.batchOf(logits)).getDouble(0);

    double expected = 0;
    for (double[] frame : logits) {
      expected -= Math.log(BruteForce.softmax(new double[][] {frame})[0][0]);
    }
    assertEquals(expected, loss, EXACT);
  }

  @Test
  void allPaddingRowWithZeroLogitsMatchesSemanticsFileValue() {
    Tensor zeros = Tensor.of(new double[1 * 3 * 3], 1, 3, 3);

    double loss = NONE.perSample(CtcTestData.labelsOf(0, 0), zeros).getDouble(0);

    // keras-semantics.md section 7 CTC item 8: T=3, C=3, zero logits -> 3 ln 3 = 3.295837.
    assertEquals(3.295837, loss, 1e-6);
  }

  @Test
  void labelLongerThanFramesIsInfiniteNotNaNNorLargeFinite() {
    Tensor zeros = Tensor.of(new double[1 * 1 * 3], 1, 1, 3);

    double loss = NONE.perSample(CtcTestData.labelsOf(1, 2), zeros).getDouble(0);

    // keras-semantics.md P6: numpy gives 99999.49 here; loss4j gives +inf.
    assertEquals(Double.POSITIVE_INFINITY, loss);
  }

  @Test
  void zeroInfinityMakesAnInfeasibleSampleCostZeroWithZeroGradient() {
    Loss ctc = CTC.builder().zeroInfinity(true).dtype(DType.FLOAT64).build();
    Tensor logits = CtcTestData.batchOf(CtcTestData.randomLogits(1, 1, 3));

    LossAndGradient result = ctc.valueAndGradient(CtcTestData.labelsOf(1, 2), logits, null, null);

    assertEquals(0.0, result.value().doubleValue());
    for (double g : result.gradient().toDoubleArray()) {
      assertEquals(0.0, g);
    }
  }

  @Test
  void infeasibleSampleGetsNaNGradientWhileItsNeighbourKeepsItsOwn() {
    double[][] feasible = CtcTestData.randomLogits(2, 2, 3);
    double[][] infeasible = CtcTestData.randomLogits(4, 2, 3);
    Tensor logits = Tensor.of(new double[][][] {feasible, infeasible});
    Tensor labels = Tensor.of(new int[][] {{1, 0, 0}, {1, 1, 2}});

    Tensor gradient = NONE.gradient(labels, logits, null, null, null);

    double[][] expected = BruteForce.gradient(feasible, new int[] {1}, 0);
    for (int t = 0; t < 2; t++) {
      for (int k = 0; k < 3; k++) {
        assertEquals(expected[t][k], gradient.getDouble(0, t, k), EXACT);
        assertTrue(Double.isNaN(gradient.getDouble(1, t, k)));
      }
    }
  }

  @Test
  void zeroWeightSilencesAnInfeasibleSample() {
    Loss sum = CTC.builder().dtype(DType.FLOAT64).reduction(Reduction.SUM).build();
    double[][] feasible = CtcTestData.randomLogits(2, 2, 3);
    Tensor logits = Tensor.of(new double[][][] {feasible, feasible});
    Tensor labels = Tensor.of(new int[][] {{2, 0, 0}, {1, 1, 2}});
    Tensor weights = Tensor.of(new double[] {1, 0});

    LossAndGradient result = sum.valueAndGradient(labels, logits, weights, null);

    assertEquals(BruteForce.loss(feasible, new int[] {2}, 0), result.value().doubleValue(),
        EXACT);
    for (int t = 0; t < 2; t++) {
      for (int k = 0; k < 3; k++) {
        assertEquals(0.0, result.gradient().getDouble(1, t, k));
      }
    }
  }

  @Test
  void lossIsNeverNegativeEvenWhenOnePathHasAlmostAllTheProbability() {
    Tensor certain = Tensor.of(new double[] {-50, 50, -50}, 1, 1, 3);

    double loss = NONE.perSample(CtcTestData.labelsOf(1), certain).getDouble(0);

    // -log softmax = log(1 + 2 e^-100) ~ 1.5e-43, which double cannot resolve beside the logit
    // 50: the loss rounds to 0, and must be +0.0, never -0.0 or below.
    assertTrue(Double.compare(loss, 0.0) >= 0, "loss " + loss);
    assertEquals(0.0, loss, EXACT);
  }

  @Test
  void lossIsNonNegativeOnRandomBatches() {
    double[][][] logits = new double[8][][];
    int[][] labels = new int[8][];
    for (int b = 0; b < 8; b++) {
      logits[b] = CtcTestData.randomLogits(100 + b, 12, 5);
      labels[b] = new int[] {1 + b % 4, 1 + (b + 1) % 4, 1 + (b + 3) % 4, b % 2 == 0 ? 1 : 0};
    }

    double[] losses = NONE.perSample(Tensor.of(labels), Tensor.of(logits)).toDoubleArray();

    for (double loss : losses) {
      assertTrue(loss >= 0 && Double.isFinite(loss), "loss " + loss);
    }
  }

  @Test
  void gradientOfEveryFrameSumsToZeroOverClasses() {
    double[][][] logits = {CtcTestData.randomLogits(9, 20, 6), CtcTestData.randomLogits(10, 20, 6)};
    Tensor labels = Tensor.of(new int[][] {{1, 2, 2, 5, 3}, {4, 4, 4, 0, 0}});

    double[] gradient = NONE.gradient(labels, Tensor.of(logits), null, null, null)
        .toDoubleArray();

    for (int frame = 0; frame < 40; frame++) {
      double sum = 0;
      double magnitude = 0;
      for (int k = 0; k < 6; k++) {
        sum += gradient[frame * 6 + k];
        magnitude += Math.abs(gradient[frame * 6 + k]);
      }
      assertEquals(0.0, sum, EXACT, "frame " + frame);
      assertTrue(magnitude > 0, "frame " + frame + " has a gradient");
    }
  }

  @Test
  void logitLengthsIgnoreTrailingFramesAndGiveThemZeroGradient() {
    double[][] used = CtcTestData.randomLogits(11, 3, 3);
    double[][] padded = new double[5][];
    System.arraycopy(used, 0, padded, 0, 3);
    padded[3] = new double[] {Double.NaN, 1, 2};
    padded[4] = new double[] {7, Double.NaN, -3};
    CTC ctc = CtcTestData.float64().withLengths(null, new int[] {3});

    LossAndGradient result = ctc.valueAndGradient(
        CtcTestData.labelsOf(1, 2), CtcTestData.batchOf(padded), null, null);

    assertEquals(BruteForce.loss(used, new int[] {1, 2}, 0), result.value().getDouble(0), EXACT);
    for (int t = 3; t < 5; t++) {
      for (int k = 0; k < 3; k++) {
        assertEquals(0.0, result.gradient().getDouble(0, t, k));
      }
    }
  }

  @Test
  void labelLengthsIgnoreEntriesAfterTheLength() {
    double[][] logits = CtcTestData.randomLogits(12, 4, 3);
    CTC ctc = CtcTestData.float64().withLengths(new int[] {2}, null);

    double loss = ctc.perSample(CtcTestData.labelsOf(1, 2, 2), CtcTestData.batchOf(logits))
        .getDouble(0);

    assertEquals(BruteForce.loss(logits, new int[] {1, 2}, 0), loss, EXACT);
  }

  @Test
  void withImpliedLengthsAndABlankOtherThanZeroZeroIsStillPadding() {
    double[][] logits = CtcTestData.randomLogits(13, 4, 3);
    Loss ctc = CTC.builder().blankIndex(2).dtype(DType.FLOAT64).reduction(Reduction.NONE)
        .build();

    double loss = ctc.perSample(CtcTestData.labelsOf(1, 0, 0), CtcTestData.batchOf(logits))
        .getDouble(0);

    assertEquals(BruteForce.loss(logits, new int[] {1}, 2), loss, EXACT);
  }

  @Test
  void explicitLengthsLetZeroBeALabelWhenTheBlankIsElsewhere() {
    double[][] logits = CtcTestData.randomLogits(14, 4, 3);
    CTC ctc = CTC.builder().blankIndex(2).dtype(DType.FLOAT64).reduction(Reduction.NONE).build()
        .withLengths(new int[] {3}, null);

    double loss = ctc.perSample(CtcTestData.labelsOf(0, 1, 0), CtcTestData.batchOf(logits))
        .getDouble(0);

    assertEquals(BruteForce.loss(logits, new int[] {0, 1, 0}, 2), loss, EXACT);
  }

  @Test
  void nanInAUsedFrameGivesNaNForThatSampleOnly() {
    double[][] clean = CtcTestData.randomLogits(15, 3, 3);
    double[][] dirty = CtcTestData.randomLogits(16, 3, 3);
    dirty[1][2] = Double.NaN;
    Tensor labels = Tensor.of(new int[][] {{1, 2}, {1, 2}});

    double[] losses = NONE.perSample(labels, Tensor.of(new double[][][] {clean, dirty}))
        .toDoubleArray();

    assertFalse(Double.isNaN(losses[0]));
    assertTrue(Double.isNaN(losses[1]));
  }

  @Test
  void float32ResultIsTheRoundedFloat64Result() {
    float[][][] logits = new float[1][4][3];
    double[][] widened = new double[4][3];
    double[][] random = CtcTestData.randomLogits(18, 4, 3);
    for (int t = 0; t < 4; t++) {
      for (int k = 0; k < 3; k++) {
        logits[0][t][k] = (float) random[t][k];
        widened[t][k] = logits[0][t][k];
      }
    }

    Tensor loss = CTC.builder().build().compute(CtcTestData.labelsOf(2, 1), Tensor.of(logits));

    assertEquals(DType.FLOAT32, loss.dtype());
    double expected = BruteForce.loss(widened, new int[] {2, 1}, 0);
    assertEquals(expected, loss.doubleValue(), expected * FLOAT32_RELATIVE);
  }

  @Test
  void defaultReductionIsTheMeanOverTheBatch() {
    double[][][] logits = {CtcTestData.randomLogits(19, 4, 3), CtcTestData.randomLogits(20, 4, 3)};
    Tensor labels = Tensor.of(new int[][] {{1, 2}, {2, 0}});

    double mean = CTC.builder().dtype(DType.FLOAT64).build()
        .compute(labels, Tensor.of(logits)).doubleValue();

    double expected = (BruteForce.loss(logits[0], new int[] {1, 2}, 0)
        + BruteForce.loss(logits[1], new int[] {2}, 0)) / 2;
    assertEquals(expected, mean, EXACT);
  }
}
