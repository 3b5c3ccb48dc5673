package org.loss4j.ctc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.Reduction;
import org.loss4j.api.Tensor;

/**
 * Checks the loss and its gradient against {@link BruteForce}, which sums the probability of
 * every one of the {@code classes^frames} alignments, and the gradient against central finite
 * differences of the loss itself.
 */
class CTCBruteForceTest {
  /** Enumeration and recursion are both float64; they differ only by rounding. */
  private static final double EXACT = 1e-10;
  /** Central differences with step 1e-5 have truncation error near 1e-10 here. */
  private static final double FINITE_DIFFERENCE = 1e-6;
  private static final double STEP = 1e-5;

  static Stream<Arguments> tinyCases() {
    return Stream.of(
        Arguments.of(4, 3, new int[] {}),
        Arguments.of(4, 3, new int[] {1}),
        Arguments.of(4, 3, new int[] {2}),
        Arguments.of(4, 3, new int[] {1, 2}),
        Arguments.of(4, 3, new int[] {2, 1}),
        Arguments.of(4, 3, new int[] {1, 1}),
        Arguments.of(4, 3, new int[] {2, 2}),
        Arguments.of(4, 3, new int[] {1, 2, 1}),
        Arguments.of(4, 3, new int[] {1, 1, 2}),
        Arguments.of(5, 4, new int[] {3, 1, 3}),
        Arguments.of(5, 4, new int[] {2, 2, 2}),
        Arguments.of(3, 3, new int[] {1, 2, 1}));
  }

  @ParameterizedTest(name = "T={0}, C={1}, label={2}")
  @MethodSource("tinyCases")
  void lossEqualsMinusLogOfSummedAlignmentProbabilities(int frames, int classes, int[] label) {
    double[][] logits = CtcTestData.randomLogits(31L * frames + label.length, frames, classes);

    double loss = CtcTestData.float64()
        .perSample(CtcTestData.labelsOf(label), CtcTestData.batchOf(logits)).getDouble(0);

    assertEquals(BruteForce.loss(logits, label, 0), loss, EXACT);
  }

  @ParameterizedTest(name = "T={0}, C={1}, label={2}")
  @MethodSource("tinyCases")
  void gradientEqualsEnumeratedGradient(int frames, int classes, int[] label) {
    double[][] logits = CtcTestData.randomLogits(17L * frames + label.length, frames, classes);
    Loss sum = CTC.builder().dtype(DType.FLOAT64).reduction(Reduction.SUM).build();

    Tensor gradient = sum.gradient(CtcTestData.labelsOf(label), CtcTestData.batchOf(logits));

    double[][] expected = BruteForce.gradient(logits, label, 0);
    for (int t = 0; t < frames; t++) {
      for (int k = 0; k < classes; k++) {
        assertEquals(expected[t][k], gradient.getDouble(0, t, k), EXACT, "t=" + t + ", k=" + k);
      }
    }
  }

  @ParameterizedTest(name = "T={0}, C={1}, label={2}")
  @MethodSource("tinyCases")
  void gradientEqualsCentralFiniteDifferences(int frames, int classes, int[] label) {
    double[][] logits = CtcTestData.randomLogits(5L * frames + label.length, frames, classes);
    Loss sum = CTC.builder().dtype(DType.FLOAT64).reduction(Reduction.SUM).build();
    Tensor labels = CtcTestData.labelsOf(label);

    Tensor gradient = sum.gradient(labels, CtcTestData.batchOf(logits));

    for (int t = 0; t < frames; t++) {
      for (int k = 0; k < classes; k++) {
        double saved = logits[t][k];
        logits[t][k] = saved + STEP;
        double up = sum.compute(labels, CtcTestData.batchOf(logits)).doubleValue();
        logits[t][k] = saved - STEP;
        double down = sum.compute(labels, CtcTestData.batchOf(logits)).doubleValue();
        logits[t][k] = saved;
        double centralDifference = (up - down) / (2 * STEP);
        assertEquals(centralDifference, gradient.getDouble(0, t, k), FINITE_DIFFERENCE,
            "t=" + t + ", k=" + k);
      }
    }
  }

  @ParameterizedTest(name = "T={0}, C={1}, label={2}")
  @MethodSource("tinyCases")
  void nonDefaultBlankMatchesEnumerationWithThatBlank(int frames, int classes, int[] label) {
    double[][] logits = CtcTestData.randomLogits(7L * frames + label.length, frames, classes);
    int blank = classes - 1;
    int[] relabelled = new int[label.length];
    for (int i = 0; i < label.length; i++) {
      relabelled[i] = label[i] - 1;
    }
    CTC ctc = CTC.builder().blankIndex(blank).dtype(DType.FLOAT64).reduction(Reduction.NONE)
        .build().withLengths(new int[] {label.length}, null);

    double loss = ctc.perSample(CtcTestData.labelsOf(relabelled), CtcTestData.batchOf(logits))
        .getDouble(0);

    assertEquals(BruteForce.loss(logits, relabelled, blank), loss, EXACT);
  }
}
