package org.loss4j.ctc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.loss4j.api.DType;
import org.loss4j.api.Reduction;
import org.loss4j.api.Tensor;

/** Whole batches: samples of different lengths, upstream scaling, and long sequences. */
class CTCBatchTest {
  private static final double EXACT = 1e-10;
  /** Sums of about a thousand terms of size ~4 in double: a few ulps of ~4000. */
  private static final double LONG_SUM = 1e-9;

  @Test
  void gradientOfABatchWithDifferentLengthsMatchesEachSampleEnumerated() {
    double[][] first = CtcTestData.randomLogits(40, 5, 3);
    double[][] second = CtcTestData.randomLogits(41, 5, 3);
    Tensor labels = Tensor.of(new int[][] {{2, 1, 2}, {1, 1, 0}});
    CTC ctc = CTC.builder().blankIndex(0).dtype(DType.FLOAT64).reduction(Reduction.NONE).build()
        .withLengths(new int[] {3, 2}, new int[] {5, 3});
    Tensor upstream = Tensor.of(new double[] {2.0, -0.5});

    Tensor gradient = ctc.gradient(labels, Tensor.of(new double[][][] {first, second}), null,
        null, upstream);

    double[][] expectedFirst = BruteForce.gradient(first, new int[] {2, 1, 2}, 0);
    double[][] usedSecond = {second[0], second[1], second[2]};
    double[][] expectedSecond = BruteForce.gradient(usedSecond, new int[] {1, 1}, 0);
    for (int t = 0; t < 5; t++) {
      for (int k = 0; k < 3; k++) {
        assertEquals(2.0 * expectedFirst[t][k], gradient.getDouble(0, t, k), EXACT);
        double secondExpected = t < 3 ? -0.5 * expectedSecond[t][k] : 0.0;
        assertEquals(secondExpected, gradient.getDouble(1, t, k), EXACT);
      }
    }
  }

  @Test
  void longUniqueAlignmentStaysFiniteFarBelowDoubleUnderflow() {
    int frames = 400;
    int classes = 32;
    Random random = new Random(43);
    double[][] logits = CtcTestData.randomLogits(44, frames, classes);
    int[] label = new int[frames];
    for (int t = 0; t < frames; t++) {
      do {
        label[t] = 1 + random.nextInt(classes - 1);
      } while (t > 0 && label[t] == label[t - 1]);
    }

    double loss = CtcTestData.float64()
        .perSample(CtcTestData.labelsOf(label), CtcTestData.batchOf(logits)).getDouble(0);

    // A label as long as the frames, without equal neighbours, has one alignment: the label
    // itself. So loss = -sum_t log softmax_t(label_t), with P far below Double.MIN_VALUE.
    double expected = 0;
    double[][] probs = BruteForce.softmax(logits);
    for (int t = 0; t < frames; t++) {
      expected -= Math.log(probs[t][label[t]]);
    }
    assertTrue(expected > 745, "P = exp(-" + expected + ") underflows a double");
    assertEquals(expected, loss, LONG_SUM);
  }
}
