package org.loss4j.core.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The lane kernels added for the categorical losses ({@link Softmax}, {@link Renormalization},
 * {@link LogSoftmax#backward}): values by hand, and each vector-Jacobian product against central
 * differences of its forward kernel, on a strided lane (stride 2, offset 1) so that the
 * addressing is exercised.
 */
class LaneKernelsTest {
  private static final double STEP = 1e-6;
  private static final double DIFFERENCE_TOLERANCE = 1e-8;
  private static final double EXACT = 1e-15;

  /** A lane of length 3 at positions 1, 3, 5; the other positions must be left alone. */
  private static final int OFFSET = 1;
  private static final int STRIDE = 2;
  private static final int LENGTH = 3;
  private static final double[] LANE = {99, 0.2, 99, 0.5, 99, 0.9};
  private static final double[] UPSTREAM = {0, 1.5, 0, -2.0, 0, 0.25};

  @Test
  void renormalisesALaneAndReturnsItsSum() {
    double[] out = new double[6];

    double sum = Renormalization.apply(LANE, OFFSET, STRIDE, LENGTH, out);

    assertEquals(1.6, sum, EXACT);
    assertArrayEquals(new double[] {0, 0.2 / 1.6, 0, 0.5 / 1.6, 0, 0.9 / 1.6}, out, EXACT);
  }

  @Test
  void renormalisationBackwardMatchesCentralDifferences() {
    double[] normalised = new double[6];
    double sum = Renormalization.apply(LANE, OFFSET, STRIDE, LENGTH, normalised);
    double[] analytic = new double[6];

    Renormalization.backward(normalised, sum, UPSTREAM, OFFSET, STRIDE, LENGTH, analytic);

    assertMatchesDifferences(analytic, x -> {
      double[] out = new double[6];
      Renormalization.apply(x, OFFSET, STRIDE, LENGTH, out);
      return out;
    });
  }

  @Test
  void softmaxSumsToOneAndMatchesItsDefinition() {
    double[] out = new double[6];

    Softmax.apply(LANE, OFFSET, STRIDE, LENGTH, out);

    double total = Math.exp(0.2) + Math.exp(0.5) + Math.exp(0.9);
    assertArrayEquals(new double[] {0, Math.exp(0.2) / total, 0, Math.exp(0.5) / total, 0,
        Math.exp(0.9) / total}, out, EXACT);
  }

  @Test
  void softmaxSharesTheMassBetweenPositiveInfinities() {
    double inf = Double.POSITIVE_INFINITY;
    double[] out = new double[3];

    Softmax.apply(new double[] {inf, 1, inf}, 0, 1, 3, out);

    assertArrayEquals(new double[] {0.5, 0, 0.5}, out, EXACT);
  }

  @Test
  void softmaxBackwardMatchesCentralDifferences() {
    double[] softmax = new double[6];
    Softmax.apply(LANE, OFFSET, STRIDE, LENGTH, softmax);
    double[] analytic = new double[6];

    Softmax.backward(softmax, UPSTREAM, OFFSET, STRIDE, LENGTH, analytic);

    assertMatchesDifferences(analytic, x -> {
      double[] out = new double[6];
      Softmax.apply(x, OFFSET, STRIDE, LENGTH, out);
      return out;
    });
  }

  @Test
  void logSoftmaxBackwardMatchesCentralDifferences() {
    double[] logSoftmax = new double[6];
    LogSoftmax.apply(LANE, OFFSET, STRIDE, LENGTH, logSoftmax);
    double[] analytic = new double[6];

    LogSoftmax.backward(logSoftmax, UPSTREAM, OFFSET, STRIDE, LENGTH, analytic);

    assertMatchesDifferences(analytic, x -> {
      double[] out = new double[6];
      LogSoftmax.apply(x, OFFSET, STRIDE, LENGTH, out);
      return out;
    });
  }

  @Test
  void logSoftmaxBackwardStaysFiniteBesideAnInfiniteLogit() {
    double inf = Double.POSITIVE_INFINITY;
    double[] logSoftmax = new double[3];
    LogSoftmax.apply(new double[] {inf, 0, -inf}, 0, 1, 3, logSoftmax);
    double[] gradient = new double[3];

    LogSoftmax.backward(logSoftmax, new double[] {0, -1, 0}, 0, 1, 3, gradient);

    // softmax * sum(t) - t with softmax = [1, 0, 0] and t = [0, 1, 0].
    assertArrayEquals(new double[] {1, -1, 0}, gradient, EXACT);
  }

  @Test
  void binaryCrossentropyFromAnInfiniteLogitPropagatesANanLabel() {
    double loss = Logistic.crossentropyFromLogit(Double.NaN, Double.POSITIVE_INFINITY);

    assertTrue(Double.isNaN(loss));
  }

  /**
   * Checks {@code analytic[j] = sum_i UPSTREAM[i] * d forward(x)[i] / d x[j]} for the lane
   * positions, and that positions outside the lane are untouched (still 0).
   */
  private static void assertMatchesDifferences(double[] analytic,
      Function<double[], double[]> forward) {
    for (int j = 0; j < LANE.length; j++) {
      boolean inLane = j >= OFFSET && (j - OFFSET) % STRIDE == 0;
      if (!inLane) {
        assertEquals(0.0, analytic[j], "position " + j + " is outside the lane");
        continue;
      }
      double[] plus = LANE.clone();
      double[] minus = LANE.clone();
      plus[j] += STEP;
      minus[j] -= STEP;
      double[] high = forward.apply(plus);
      double[] low = forward.apply(minus);
      double numeric = 0;
      for (int i = OFFSET; i < LANE.length; i += STRIDE) {
        numeric += UPSTREAM[i] * (high[i] - low[i]) / (2 * STEP);
      }
      assertEquals(numeric, analytic[j], DIFFERENCE_TOLERANCE, "position " + j);
    }
  }
}
