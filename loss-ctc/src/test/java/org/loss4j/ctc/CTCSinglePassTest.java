package org.loss4j.ctc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.LossAndGradient;
import org.loss4j.api.Tensor;

/**
 * Checks that the one-pass value and gradient equal the separate calls bit for bit, that the
 * float32 kernel gives the same bits on any number of threads and for any neighbours, and that it
 * writes every gradient entry of its sequences.
 */
class CTCSinglePassTest {
  /** One float32 rounding of a value computed in double. */
  private static final double FLOAT32_RELATIVE = 0x1p-23;
  /** One float ulp of a gradient entry in [-1, 1]. */
  private static final double FLOAT32_GRADIENT = 0x1p-23;

  @ParameterizedTest
  @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
  void valueAndGradientEqualComputeAndGradientBitForBit(DType dtype) {
    RandomCtcBatch data = mixedBatch(21);
    CTC ctc = data.ctc(dtype, false);
    Tensor labels = data.labels();
    Tensor logits = data.logits(dtype);

    LossAndGradient both = ctc.valueAndGradient(labels, logits, null, null);

    assertArrayEquals(ctc.compute(labels, logits).toDoubleArray(),
        both.value().toDoubleArray());
    assertArrayEquals(ctc.gradient(labels, logits).toDoubleArray(),
        both.gradient().toDoubleArray());
  }

  @ParameterizedTest
  @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
  void meanReductionValueAndGradientEqualTheSeparateCalls(DType dtype) {
    RandomCtcBatch data = mixedBatch(22).withLogit(4, 5, 2, 0.5);
    Loss mean = CTC.builder().blankIndex(data.blank()).dtype(dtype).zeroInfinity(true).build();
    Tensor labels = data.labels();
    Tensor logits = data.logits(dtype);
    Tensor weights = Tensor.of(new double[] {1, 0.5, 0, 2, 1, 1, 3, 0.25});

    LossAndGradient both = mean.valueAndGradient(labels, logits, weights, null);

    assertEquals(mean.compute(labels, logits, weights, null).doubleValue(),
        both.value().doubleValue());
    assertArrayEquals(mean.gradient(labels, logits, weights, null, null).toDoubleArray(),
        both.gradient().toDoubleArray());
  }

  @Test
  void float32KernelGivesTheSameBitsOnOneTwoAndEightThreads() throws Exception {
    RandomCtcBatch data = RandomCtcBatch.draw(23, 64, 100, 40, 0, 30, 4.0, false);
    CTC ctc = data.ctc(DType.FLOAT32, false);
    Tensor labels = data.labels();
    Tensor logits = data.logits(DType.FLOAT32);

    LossAndGradient[] results = new LossAndGradient[3];
    int[] threads = {1, 2, 8};
    for (int i = 0; i < threads.length; i++) {
      ForkJoinPool pool = new ForkJoinPool(threads[i]);
      try {
        results[i] = pool.submit(() -> ctc.valueAndGradient(labels, logits, null, null)).get();
      } finally {
        pool.shutdown();
      }
    }

    // 64 sequences of 100 x 40 logits are 256,000 elements: several blocks of the base class.
    for (int i = 1; i < threads.length; i++) {
      assertArrayEquals(results[0].value().toFloatArray(), results[i].value().toFloatArray(),
          threads[i] + " threads");
      assertArrayEquals(results[0].gradient().toFloatArray(),
          results[i].gradient().toFloatArray(), threads[i] + " threads");
    }
  }

  @ParameterizedTest
  @EnumSource(value = DType.class, names = {"FLOAT32", "FLOAT64"})
  void everySequenceGivesTheSameBitsAloneAsInItsBatch(DType dtype) {
    RandomCtcBatch data = mixedBatch(24);
    LossAndGradient batch = data.ctc(dtype, false)
        .valueAndGradient(data.labels(), data.logits(dtype), null, null);
    int perSample = data.time() * data.classes();

    for (int b = 0; b < data.batch(); b++) {
      RandomCtcBatch alone = data.sequence(b);
      LossAndGradient single = alone.ctc(dtype, false)
          .valueAndGradient(alone.labels(), alone.logits(dtype), null, null);

      assertEquals(batch.value().getDouble(b), single.value().getDouble(0), "loss " + b);
      double[] inBatch = Arrays.copyOfRange(batch.gradient().toDoubleArray(), b * perSample,
          (b + 1) * perSample);
      assertArrayEquals(inBatch, single.gradient().toDoubleArray(), "gradient " + b);
    }
  }

  @Test
  void gradientIntoADirtyBufferOverwritesEveryEntry() {
    RandomCtcBatch data = mixedBatch(25);
    CTC ctc = data.ctc(DType.FLOAT32, false);
    float[] buffer = new float[data.batch() * data.time() * data.classes()];
    Arrays.fill(buffer, 7f);

    Tensor value = ctc.valueAndGradient(data.labels(), data.logits(DType.FLOAT32), null, null,
        buffer);

    double[] losses = LogSpaceOracle.losses(data, false);
    double[] expected = LogSpaceOracle.gradient(data, false);
    for (int b = 0; b < data.batch(); b++) {
      double rounded = (float) losses[b];
      assertEquals(rounded, value.getDouble(b), relative(rounded));
    }
    for (int i = 0; i < buffer.length; i++) {
      assertEquals(expected[i], buffer[i], FLOAT32_GRADIENT, "gradient[" + i + "]");
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void float32KernelFollowsTheLogSpaceRulesForSpecialLogits(double special) {
    RandomCtcBatch data = RandomCtcBatch.draw(26, 3, 6, 4, 0, 2, 3.0, true)
        .withLogit(1, 2, 1, special);

    LossAndGradient result = data.ctc(DType.FLOAT32, false)
        .valueAndGradient(data.labels(), data.logits(DType.FLOAT32), null, null);

    double[] losses = LogSpaceOracle.losses(data, false);
    double[] expected = LogSpaceOracle.gradient(data, false);
    for (int b = 0; b < data.batch(); b++) {
      double rounded = (float) losses[b];
      assertEquals(rounded, result.value().getDouble(b), relative(rounded),
          "loss " + b);
    }
    double[] gradient = result.gradient().toDoubleArray();
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], gradient[i], FLOAT32_GRADIENT, "gradient[" + i + "]");
    }
  }

  /** Returns the float32 tolerance around {@code expected}; any positive one for NaN and inf. */
  private static double relative(double expected) {
    return Double.isFinite(expected) ? Math.abs(expected) * FLOAT32_RELATIVE : FLOAT32_RELATIVE;
  }

  /**
   * Returns 8 sequences of up to 20 frames with varied lengths, one with peaked logits that the
   * scaled recursion hands to log space, one infeasible and one with NaN in a used frame.
   */
  private static RandomCtcBatch mixedBatch(long seed) {
    RandomCtcBatch data = RandomCtcBatch.draw(seed, 8, 20, 6, 0, 9, 3.0, false)
        .withFrames(2, 20).withLabel(2, new int[] {1, 2, 3})
        .withFrames(3, 2).withLabel(3, new int[] {1, 1})
        .withFrames(4, 20).withLogit(4, 5, 2, Double.NaN);
    for (int t = 0; t < 20; t++) {
      data = data.withLogit(2, t, t % 6, 1e4);
    }
    assertTrue(Double.isFinite(LogSpaceOracle.losses(data, false)[2]), "peaked but finite");
    return data;
  }
}
