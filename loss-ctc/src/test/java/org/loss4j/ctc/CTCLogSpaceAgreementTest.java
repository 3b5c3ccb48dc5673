package org.loss4j.ctc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loss4j.api.DType;
import org.loss4j.api.LossAndGradient;

/**
 * Checks the scaled linear-space recursion against the log-space one it replaced
 * ({@link LogSpaceOracle}) on random batches, on logits peaked far beyond the double range and on
 * sequences whose probability underflows a double.
 */
class CTCLogSpaceAgreementTest {
  /** Both recursions run in double; they differ by rounding, a few ulps per frame. */
  private static final double RELATIVE = 1e-10;
  /** Gradient entries lie in [-1, 1]; the same rounding argument as {@link #RELATIVE}. */
  private static final double GRADIENT = 1e-10;
  /** float32 values are each recursion's double rounded once: at most one float ulp apart. */
  private static final double FLOAT32_RELATIVE = 0x1p-23;
  /** One float ulp of a gradient entry in [-1, 1], plus the double paths' difference. */
  private static final double FLOAT32_GRADIENT = 0x1p-23;

  static Stream<Arguments> randomBatches() {
    return Stream.of(
        // seed, batch, time, classes, blank, max label length, logit range, dtype, zero_infinity
        Arguments.of(1L, 8, 12, 5, 0, 6, 5.0, DType.FLOAT64, false),
        Arguments.of(2L, 8, 30, 7, 3, 14, 5.0, DType.FLOAT64, false),
        Arguments.of(3L, 8, 30, 7, 6, 20, 5.0, DType.FLOAT64, true),
        Arguments.of(4L, 6, 60, 32, 0, 25, 3.0, DType.FLOAT64, false),
        Arguments.of(5L, 6, 1, 4, 2, 1, 5.0, DType.FLOAT64, false),
        Arguments.of(6L, 8, 40, 3, 1, 18, 5.0, DType.FLOAT32, false),
        Arguments.of(7L, 8, 25, 10, 0, 12, 5.0, DType.FLOAT32, true),
        Arguments.of(8L, 6, 50, 32, 31, 20, 3.0, DType.FLOAT32, false),
        // Logits of +-400: most softmax probabilities underflow, so most frames are flagged.
        Arguments.of(9L, 8, 20, 4, 0, 8, 400.0, DType.FLOAT64, false),
        Arguments.of(10L, 8, 20, 4, 1, 8, 400.0, DType.FLOAT32, false),
        // Logits of +-1e4: every alignment but the best is far below the double range.
        Arguments.of(11L, 8, 16, 5, 0, 6, 1e4, DType.FLOAT64, false),
        Arguments.of(12L, 8, 16, 5, 2, 6, 1e4, DType.FLOAT32, true));
  }

  @ParameterizedTest(name = "seed {0}: T={2}, C={3}, blank {4}, range {6}, {7}, zero_inf {8}")
  @MethodSource("randomBatches")
  void perSampleLossMatchesLogSpaceRecursion(long seed, int batch, int time, int classes,
      int blank, int maxLabel, double range, DType dtype, boolean zeroInfinity) {
    RandomCtcBatch data =
        RandomCtcBatch.draw(seed, batch, time, classes, blank, maxLabel, range, false);

    double[] losses = data.ctc(dtype, zeroInfinity)
        .perSample(data.labels(), data.logits(dtype)).toDoubleArray();

    assertLossesMatch(LogSpaceOracle.losses(data, zeroInfinity), losses, dtype);
  }

  @ParameterizedTest(name = "seed {0}: T={2}, C={3}, blank {4}, range {6}, {7}, zero_inf {8}")
  @MethodSource("randomBatches")
  void valueAndGradientMatchLogSpaceRecursion(long seed, int batch, int time, int classes,
      int blank, int maxLabel, double range, DType dtype, boolean zeroInfinity) {
    RandomCtcBatch data =
        RandomCtcBatch.draw(seed, batch, time, classes, blank, maxLabel, range, false);

    LossAndGradient result = data.ctc(dtype, zeroInfinity)
        .valueAndGradient(data.labels(), data.logits(dtype), null, null);

    assertLossesMatch(LogSpaceOracle.losses(data, zeroInfinity),
        result.value().toDoubleArray(), dtype);
    double[] expected = LogSpaceOracle.gradient(data, zeroInfinity);
    double[] gradient = result.gradient().toDoubleArray();
    double tolerance = dtype == DType.FLOAT32 ? FLOAT32_GRADIENT : GRADIENT;
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], gradient[i], tolerance, "gradient[" + i + "]");
    }
  }

  @Test
  void thousandFramesFarBelowDoubleUnderflowMatchLogSpaceRecursion() {
    RandomCtcBatch data = RandomCtcBatch.draw(13, 2, 1000, 32, 0, 150, 3.0, true);

    LossAndGradient result = data.ctc(DType.FLOAT64, false)
        .valueAndGradient(data.labels(), data.logits(DType.FLOAT64), null, null);

    double[] expected = LogSpaceOracle.losses(data, false);
    for (double loss : expected) {
      assertTrue(loss > 745, "P = exp(-" + loss + ") is below Double.MIN_VALUE");
    }
    assertLossesMatch(expected, result.value().toDoubleArray(), DType.FLOAT64);
    double[] expectedGradient = LogSpaceOracle.gradient(data, false);
    double[] gradient = result.gradient().toDoubleArray();
    for (int i = 0; i < gradient.length; i++) {
      assertEquals(expectedGradient[i], gradient[i], GRADIENT, "gradient[" + i + "]");
    }
  }

  @Test
  void forcedAlignmentOnPeakedLogitsCostsTheSumOfItsFrames() {
    int frames = 12;
    int classes = 4;
    RandomCtcBatch forced = RandomCtcBatch.draw(14, 1, frames, classes, 0, frames, 1e4, true)
        .withLabel(0, alternating(frames));

    for (DType dtype : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
      double loss = forced.ctc(dtype, false)
          .perSample(forced.labels(), forced.logits(dtype)).getDouble(0);

      // As many labels as frames, no equal neighbours: the only alignment is the label itself,
      // so loss = sum_t (log sum_k exp(x_t(k)) - x_t(l_t)), each log-sum-exp taken around its
      // maximum. With logits of +-1e4 each frame whose label is not a maximum costs ~2e4.
      double expected = 0;
      for (int t = 0; t < frames; t++) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
          max = Math.max(max, forced.logits()[t * classes + k]);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
          sum += Math.exp(forced.logits()[t * classes + k] - max);
        }
        expected += max + Math.log(sum) - forced.logits()[t * classes + forced.label(0)[t]];
      }
      assertTrue(expected > 1e4, "expected " + expected + " needs log space");
      double tolerance = dtype == DType.FLOAT32 ? FLOAT32_RELATIVE : RELATIVE;
      assertEquals(expected, loss, expected * tolerance, dtype.kerasName());
    }
  }

  @Test
  void alignmentsSplitBetweenUnderflowingAndSurvivingPrefixesKeepTheirWholeProbability() {
    // Label [1, 2] over 10 frames; frames 0-4 favour class 2 and frames 5-9 class 1 by 400.
    // Every alignment costs about 6 * 400: "1, then 2 from frame 1" pays early, "blank or 1
    // until frame 8, then 2" pays late. After a few frames the late-paying prefixes are ~e^-800
    // below the others, under the double range of a scaled row, yet they carry much of P.
    int frames = 10;
    int classes = 3;
    double[][] logits = new double[frames][classes];
    for (int t = 0; t < frames; t++) {
      logits[t][t < 5 ? 2 : 1] = 400;
    }
    int[] label = {1, 2};

    for (DType dtype : new DType[] {DType.FLOAT64, DType.FLOAT32}) {
      LossAndGradient result = CtcTestData.float64().toBuilder().dtype(dtype).build()
          .valueAndGradient(CtcTestData.labelsOf(label), CtcTestData.batchOf(logits), null,
              null);

      double expected = enumeratedInLogSpace(logits, label);
      assertTrue(expected > 2000, "P = exp(-" + expected + ")");
      double tolerance = dtype == DType.FLOAT32 ? FLOAT32_RELATIVE : RELATIVE;
      assertEquals(expected, result.value().doubleValue(), expected * tolerance,
          dtype.kerasName());
    }
  }

  /**
   * Returns {@code -log P(label)} summed over every one of the {@code classes^frames} paths in
   * log space: {@link BruteForce} in linear space would underflow here.
   */
  private static double enumeratedInLogSpace(double[][] logits, int[] label) {
    double[][] logProbs = new double[logits.length][];
    for (int t = 0; t < logits.length; t++) {
      double max = Double.NEGATIVE_INFINITY;
      for (double x : logits[t]) {
        max = Math.max(max, x);
      }
      double sum = 0;
      for (double x : logits[t]) {
        sum += Math.exp(x - max);
      }
      logProbs[t] = new double[logits[t].length];
      for (int k = 0; k < logits[t].length; k++) {
        logProbs[t][k] = logits[t][k] - max - Math.log(sum);
      }
    }
    double best = Double.NEGATIVE_INFINITY;
    List<Integer> wanted = new ArrayList<>();
    for (int k : label) {
      wanted.add(k);
    }
    List<Double> matching = new ArrayList<>();
    for (int[] path : BruteForce.allPaths(logits.length, logits[0].length)) {
      if (BruteForce.collapse(path, 0).equals(wanted)) {
        double logProb = 0;
        for (int t = 0; t < path.length; t++) {
          logProb += logProbs[t][path[t]];
        }
        matching.add(logProb);
        best = Math.max(best, logProb);
      }
    }
    double sum = 0;
    for (double logProb : matching) {
      sum += Math.exp(logProb - best);
    }
    return -(best + Math.log(sum));
  }

  /** Returns the label 1, 2, 1, 2, ...: no equal neighbours, so it fits as many frames. */
  private static int[] alternating(int length) {
    int[] label = new int[length];
    for (int i = 0; i < length; i++) {
      label[i] = 1 + i % 2;
    }
    return label;
  }

  /** Returns {@code relative} of {@code max(1, |expected|)}; itself for NaN and inf. */
  private static double tolerance(double expected, double relative) {
    return Double.isFinite(expected) ? Math.max(1, Math.abs(expected)) * relative : relative;
  }

  private static void assertLossesMatch(double[] expected, double[] actual, DType dtype) {
    for (int b = 0; b < expected.length; b++) {
      if (dtype == DType.FLOAT32) {
        double rounded = (float) expected[b];
        assertEquals(rounded, actual[b], tolerance(rounded, FLOAT32_RELATIVE), "loss " + b);
      } else {
        assertEquals(expected[b], actual[b], tolerance(expected[b], RELATIVE), "loss " + b);
      }
    }
  }
}
