package org.loss4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.loss4j.api.Loss;
import org.loss4j.api.Tensor;

/**
 * Samples with no values along the averaged or summed axis are refused (a mean over nothing is
 * 0 / 0), while a batch with no samples still reduces to 0.
 */
class EmptyAveragedAxisTest {
  private static final Tensor TWO_EMPTY_SAMPLES = Tensor.of(new float[2][0]);
  private static final Tensor NO_SAMPLES = Tensor.of(new float[0][3]);

  @Test
  void binaryCrossentropyRefusesSamplesWithNoValues() {
    Loss loss = BinaryCrossentropy.builder().fromLogits(true).build();

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> loss.compute(TWO_EMPTY_SAMPLES, TWO_EMPTY_SAMPLES));

    assertEquals("BinaryCrossentropy: y_pred shape [2, 0] has no values along axis -1,"
        + " expected at least 1 per sample", error.getMessage());
  }

  @Test
  void poissonRefusesSamplesWithNoValues() {
    Loss loss = Poisson.builder().build();

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> loss.compute(TWO_EMPTY_SAMPLES, TWO_EMPTY_SAMPLES));

    assertEquals("Poisson: y_pred shape [2, 0] has no values along axis -1,"
        + " expected at least 1 per sample", error.getMessage());
  }

  @Test
  void klDivergenceRefusesSamplesWithNoValues() {
    Loss loss = KLDivergence.builder().build();

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> loss.compute(TWO_EMPTY_SAMPLES, TWO_EMPTY_SAMPLES));

    assertEquals("KLDivergence: y_pred shape [2, 0] has no values along axis -1,"
        + " expected at least 1 per sample", error.getMessage());
  }

  @Test
  void aBatchWithNoSamplesStillReducesToZero() {
    Loss loss = BinaryCrossentropy.builder().build();

    Tensor value = loss.compute(NO_SAMPLES, NO_SAMPLES);

    // P9: an empty batch with a reducing reduction gives 0, not NaN or an empty tensor.
    assertEquals(0.0, value.doubleValue());
  }

  @Test
  void anEmptyBatchOfWideRowsReducesToZeroInEveryKernel() {
    // Rows of 16 logits take the vector kernels (8 or 16 lanes) on the vector path, whose row
    // loop must not read a first row that is not there.
    Tensor noLogits = Tensor.of(new float[0], 0, 16);
    Loss categorical = CategoricalCrossentropy.builder().fromLogits(true).build();
    Loss sparse = SparseCategoricalCrossentropy.builder().fromLogits(true).build();
    Loss sparseNone =
        SparseCategoricalCrossentropy.builder().fromLogits(true).reduction("none").build();

    assertEquals(0.0, categorical.compute(noLogits, noLogits).doubleValue());
    assertEquals(0.0, sparse.compute(Tensor.of(new float[0], 0), noLogits).doubleValue());
    assertEquals(0, sparseNone.compute(Tensor.of(new float[0], 0), noLogits).size());
    assertEquals(0, categorical.valueAndGradient(noLogits, noLogits, null, null).gradient()
        .size());
  }
}
