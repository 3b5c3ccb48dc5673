package org.loss4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link ReductionSums}: the sums of chunks of a batch, added, reduce to what {@link Loss#compute}
 * gives for the whole batch, for every reduction, with weights, masks, all-masked and empty
 * chunks; and the chunks' {@code sum} gradients with {@link ReductionSums#sumUpstream} give the
 * whole batch's gradient.
 *
 * <p>The one-shot values the chunked ones are compared with are {@link AbstractLoss}'s own,
 * whose numbers {@link AbstractLossReductionTest} checks by hand; the comparisons are exact
 * because both sides keep the sums exactly and round once. The hand-computed case uses the
 * rank-2 inputs of that test:
 *
 * <pre>
 * y_true = [[1, 0, 1], [0, 1, 0]], y_pred = [[0.5, 0.5, 0.75], [0.25, 1, 0]]
 * l = (t - p)^2 = [[0.25, 0.25, 0.0625], [0.0625, 0, 0]]
 * w = [2, 1] per sample, m = [[1, 0, 1], [1, 1, 0]]
 * row 0: sum(l w m) = 2 * 0.25 + 2 * 0.0625 = 0.625, sum(w m) = 4, sum(m) = 2, n = 3
 * row 1: sum(l w m) = 1 * 0.0625 + 1 * 0     = 0.0625, sum(w m) = 2, sum(m) = 2, n = 3
 * </pre>
 */
class ReductionSumsTest {
  /** Chunked and one-shot results are both the exact sums rounded once: bit for bit. */
  private static final double EXACT = 0.0;

  private static final Tensor Y_TRUE = AbstractLossReductionTest.Y_TRUE_2;
  private static final Tensor Y_PRED = AbstractLossReductionTest.Y_PRED_2;
  private static final Tensor WEIGHTS = Tensor.of(new double[] {2, 1});
  private static final Tensor MASK = Tensor.of(new double[][] {{1, 0, 1}, {1, 1, 0}});

  private static final int ROWS = 37;
  private static final int TIME = 4;

  /** Returns rows {@code start .. start + n - 1} of a tensor, along axis 0. */
  private static Tensor rows(Tensor tensor, int start, int n) {
    int[] shape = tensor.shape();
    int rowSize = tensor.size() / shape[0];
    double[] values = Arrays.copyOfRange(
        tensor.toDoubleArray(), start * rowSize, (start + n) * rowSize);
    int[] chunkShape = shape.clone();
    chunkShape[0] = n;
    return Tensor.fromDoubles(values, chunkShape, tensor.dtype());
  }

  /** Random inputs of shape [ROWS, TIME], per-sample weights and a mask with rows 8..15 off. */
  private static final class Batch {
    final Tensor yTrue;
    final Tensor yPred;
    final Tensor weights;
    final Tensor mask;

    Batch(long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      yTrue = Tensor.of(random.doubles(ROWS * TIME).toArray(), ROWS, TIME);
      yPred = Tensor.of(random.doubles(ROWS * TIME).toArray(), ROWS, TIME);
      double[] w = random.doubles(ROWS, 0, 3).toArray();
      w[3] = 0;
      weights = Tensor.of(w, ROWS);
      double[] m = new double[ROWS * TIME];
      for (int i = 0; i < m.length; i++) {
        int row = i / TIME;
        m[i] = (row >= 8 && row < 16) || random.nextInt(5) == 0 ? 0 : 1;
      }
      mask = Tensor.of(m, ROWS, TIME);
    }
  }

  /** Sums the chunks given by their row counts (which may be 0), in order. */
  private static ReductionSums chunked(
      Loss loss, Batch batch, Tensor weights, Tensor mask, int... chunkRows) {
    ReductionSums total = ReductionSums.empty();
    int start = 0;
    for (int n : chunkRows) {
      total = total.plus(loss.reductionSums(rows(batch.yTrue, start, n),
          rows(batch.yPred, start, n), weights == null ? null : rows(weights, start, n),
          mask == null ? null : rows(mask, start, n)));
      start += n;
    }
    assertEquals(ROWS, start, "the chunks cover the batch");
    return total;
  }

  @ParameterizedTest
  @EnumSource(value = Reduction.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
  void chunksWithWeightsAndMaskReduceToTheOneShotValue(Reduction reduction) {
    Batch batch = new Batch(1);
    Loss loss = ExampleLoss.float64(reduction);

    // chunk of 0 rows, and rows 8..15 (the second chunk) entirely masked
    ReductionSums sums = chunked(loss, batch, batch.weights, batch.mask, 8, 0, 8, 5, 16);

    assertTrue(sums.weightedLossSum() > 0, "the batch has unmasked losses");
    assertEquals(loss.compute(batch.yTrue, batch.yPred, batch.weights, batch.mask),
        sums.reduce(reduction, DType.FLOAT64));
  }

  @ParameterizedTest
  @EnumSource(value = Reduction.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
  void chunksWithoutWeightsOrMaskReduceToTheOneShotValueInFloat32(Reduction reduction) {
    Batch batch = new Batch(2);
    Loss loss = ExampleLoss.float32(reduction);

    ReductionSums sums = chunked(loss, batch, null, null, 1, 12, 24);

    assertEquals(loss.compute(batch.yTrue, batch.yPred),
        sums.reduce(reduction, DType.FLOAT32));
  }

  @ParameterizedTest
  @EnumSource(value = Reduction.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
  void groupingOfTheChunksDoesNotChangeTheSums(Reduction reduction) {
    Batch batch = new Batch(3);
    Loss loss = ExampleLoss.float64(reduction);

    ReductionSums byOnes = chunked(loss, batch, batch.weights, batch.mask, ones(ROWS));
    ReductionSums whole = loss.reductionSums(batch.yTrue, batch.yPred, batch.weights, batch.mask);

    assertEquals(whole, byOnes);
    assertEquals(whole.reduce(reduction, DType.FLOAT64), byOnes.reduce(reduction, DType.FLOAT64));
  }

  private static int[] ones(int n) {
    int[] result = new int[n];
    Arrays.fill(result, 1);
    return result;
  }

  @Test
  void handComputedRowsAddUp() {
    Loss loss = ExampleLoss.float64(Reduction.SUM);

    ReductionSums first = loss.reductionSums(
        rows(Y_TRUE, 0, 1), rows(Y_PRED, 0, 1), rows(WEIGHTS, 0, 1), rows(MASK, 0, 1));
    ReductionSums second = loss.reductionSums(
        rows(Y_TRUE, 1, 1), rows(Y_PRED, 1, 1), rows(WEIGHTS, 1, 1), rows(MASK, 1, 1));
    ReductionSums both = first.plus(second);

    // see the class comment: rows 0 and 1
    assertEquals(ReductionSums.of(0.625, 4, 2, 3), first);
    assertEquals(ReductionSums.of(0.0625, 2, 2, 3), second);
    assertEquals(0.6875, both.weightedLossSum(), EXACT);
    assertEquals(6, both.weightSum(), EXACT);
    assertEquals(4, both.countedElements());
    assertEquals(6, both.elements());
  }

  @Test
  void divisorsFollowTheReduction() {
    ReductionSums sums = ReductionSums.of(0.6875, 6, 4, 6);

    // sum: 1; sum_over_batch_size and mean: sum(m) = 4; mean_with_sample_weight: sum(w m) = 6
    assertEquals(1, sums.divisor(Reduction.SUM), EXACT);
    assertEquals(4, sums.divisor(Reduction.SUM_OVER_BATCH_SIZE), EXACT);
    assertEquals(4, sums.divisor(Reduction.MEAN), EXACT);
    assertEquals(6, sums.divisor(Reduction.MEAN_WITH_SAMPLE_WEIGHT), EXACT);
    // 0.6875 / 4 = 0.171875 (exact in binary)
    assertEquals(Tensor.scalar(0.171875), sums.reduce(Reduction.MEAN, DType.FLOAT64));
  }

  @Test
  void emptyChunksReduceToZeroAndLeaveOtherSumsUnchanged() {
    Loss loss = ExampleLoss.float64(Reduction.SUM_OVER_BATCH_SIZE);
    Tensor none = Tensor.of(new double[0], 0, 3);

    ReductionSums empty = loss.reductionSums(none, none, null, null);
    ReductionSums row = loss.reductionSums(rows(Y_TRUE, 0, 1), rows(Y_PRED, 0, 1), null, null);

    assertEquals(ReductionSums.empty(), empty);
    // P9: an empty batch reduces to 0
    assertEquals(Tensor.scalar(0.0), empty.reduce(Reduction.SUM_OVER_BATCH_SIZE, DType.FLOAT64));
    assertEquals(row, empty.plus(row));
    assertEquals(row, row.plus(empty));
  }

  @Test
  void allMaskedChunkAddsOnlyToTheElementCount() {
    Loss loss = ExampleLoss.float64(Reduction.MEAN_WITH_SAMPLE_WEIGHT);
    Tensor masked = Tensor.of(new double[3], 1, 3);

    ReductionSums sums = loss.reductionSums(
        rows(Y_TRUE, 0, 1), rows(Y_PRED, 0, 1), rows(WEIGHTS, 0, 1), masked);

    // every w * m is 0: both sums and the counted elements are 0, the 3 elements remain
    assertEquals(ReductionSums.of(0, 0, 0, 3), sums);
    // a zero divisor gives 0, never NaN
    for (Reduction reduction : new Reduction[] {Reduction.SUM_OVER_BATCH_SIZE, Reduction.MEAN,
        Reduction.MEAN_WITH_SAMPLE_WEIGHT}) {
      assertEquals(Tensor.scalar(0.0), sums.reduce(reduction, DType.FLOAT64));
      assertEquals(Tensor.scalar(0.0), sums.sumUpstream(reduction));
    }
  }

  @Test
  void zeroWeightSilencesAnInfiniteLossButNaNPropagates() {
    Loss loss = ExampleLoss.float64(Reduction.SUM);
    // (0 - 1e200)^2 overflows to +Infinity in double
    Tensor yTrue = Tensor.of(new double[][] {{0}, {0}});
    Tensor infinite = Tensor.of(new double[][] {{1e200}, {0.5}});
    Tensor nan = Tensor.of(new double[][] {{Double.NaN}, {0.5}});
    Tensor weights = Tensor.of(new double[] {0, 1});

    ReductionSums silenced = loss.reductionSums(yTrue, infinite, weights, null);
    ReductionSums propagated = loss.reductionSums(yTrue, nan, weights, null);

    // 0 * Infinity counts 0; 1 * (0 - 0.5)^2 = 0.25
    assertEquals(0.25, silenced.weightedLossSum(), EXACT);
    assertTrue(Double.isNaN(propagated.weightedLossSum()));
    assertTrue(Double.isNaN(propagated.plus(silenced).weightedLossSum()));
  }

  @Test
  void sumsAreExactWhateverTheGrouping() {
    ReductionSums big = ReductionSums.of(1e16, 0, 0, 0);
    ReductionSums one = ReductionSums.of(1, 0, 0, 0);
    ReductionSums minusBig = ReductionSums.of(-1e16, 0, 0, 0);

    // exactly 1e16 + 1 - 1e16 = 1, though 1e16 + 1 rounds to 1e16 in double
    assertEquals(1.0, big.plus(one).plus(minusBig).weightedLossSum(), EXACT);
    assertEquals(1.0, big.plus(minusBig.plus(one)).weightedLossSum(), EXACT);
  }

  @Test
  void reduceRoundsToTheDtypeOnce() {
    ReductionSums sums = ReductionSums.of(1, 3, 3, 3);

    // 1 / 3 in double, then to the nearest float
    assertEquals(Tensor.fromDoubles(new double[] {1.0 / 3}, new int[0], DType.FLOAT32),
        sums.reduce(Reduction.MEAN, DType.FLOAT32));
    assertEquals(DType.FLOAT32, sums.reduce(Reduction.MEAN, DType.FLOAT32).dtype());
  }

  @ParameterizedTest
  @EnumSource(value = Reduction.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
  void chunkSumGradientsWithTheSumUpstreamMakeTheOneShotGradient(Reduction reduction) {
    Batch batch = new Batch(4);
    Loss loss = ExampleLoss.float64(reduction);
    Loss summing = ExampleLoss.float64(Reduction.SUM);
    int[] chunkRows = {10, 0, 27};
    ReductionSums sums = chunked(loss, batch, batch.weights, batch.mask, chunkRows);

    List<Double> streamed = new ArrayList<>();
    int start = 0;
    for (int n : chunkRows) {
      Tensor gradient = summing.gradient(rows(batch.yTrue, start, n), rows(batch.yPred, start, n),
          rows(batch.weights, start, n), rows(batch.mask, start, n), sums.sumUpstream(reduction));
      for (double value : gradient.toDoubleArray()) {
        streamed.add(value);
      }
      start += n;
    }
    Tensor oneShot = loss.gradient(batch.yTrue, batch.yPred, batch.weights, batch.mask, null);

    double[] expected = oneShot.toDoubleArray();
    assertEquals(expected.length, streamed.size());
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], streamed.get(i), EXACT, "element " + i);
    }
  }

  @Test
  void noneHasNoDivisor() {
    ReductionSums sums = ReductionSums.of(1, 1, 1, 1);

    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
        () -> sums.reduce(Reduction.NONE, DType.FLOAT64));

    assertTrue(thrown.getMessage().startsWith("reduction none keeps the per-sample losses"),
        thrown.getMessage());
  }

  @Test
  void rejectsMoreCountedElementsThanElements() {
    IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
        () -> ReductionSums.of(0, 0, 4, 3));

    assertEquals("countedElements must be in 0..3, got 4", thrown.getMessage());
  }

  @Test
  void lossNotExtendingAbstractLossSaysHowToGetReductionSums() {
    Loss plain = new PlainLoss();

    UnsupportedOperationException thrown = assertThrows(UnsupportedOperationException.class,
        () -> plain.reductionSums(Y_TRUE, Y_PRED, null, null));

    assertEquals(PlainLoss.class.getName() + " does not implement reductionSums, so it cannot"
        + " be reduced in chunks; extend org.loss4j.api.AbstractLoss to get it",
        thrown.getMessage());
  }

  /** A loss implementing {@link Loss} directly; only {@code reductionSums} is called. */
  private static final class PlainLoss implements Loss {
    @Override
    public String name() {
      return "plain";
    }

    @Override
    public Reduction reduction() {
      return Reduction.SUM;
    }

    @Override
    public DType dtype() {
      return DType.FLOAT64;
    }

    @Override
    public LossConfig config() {
      throw new UnsupportedOperationException("not called");
    }

    @Override
    public Tensor perSample(Tensor yTrue, Tensor yPred) {
      throw new UnsupportedOperationException("not called");
    }

    @Override
    public Tensor compute(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask) {
      throw new UnsupportedOperationException("not called");
    }

    @Override
    public Tensor gradient(
        Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask, Tensor upstream) {
      throw new UnsupportedOperationException("not called");
    }

    @Override
    public LossAndGradient valueAndGradient(
        Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask) {
      throw new UnsupportedOperationException("not called");
    }
  }
}
