package org.loss4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.LossAndGradient;
import org.loss4j.api.Tensor;

/** {@code valueAndGradient} into a caller-owned buffer gives what the allocating call gives. */
class GradientBufferTest {
  private final SplittableRandom random = new SplittableRandom(7);

  @Test
  void bufferReceivesTheSameGradientOnTheKernelAndTheDoublePath() {
    for (DType dtype : new DType[] {DType.FLOAT32, DType.FLOAT64}) {
      for (KernelCase kernelCase : KernelCase.all()) {
        Loss loss = kernelCase.loss(dtype, "sum_over_batch_size");
        Tensor yTrue = kernelCase.yTrue(random, 9, 21);
        Tensor yPred = kernelCase.yPred(random, 9, 21);
        float[] buffer = new float[yPred.size()];
        LossAndGradient expected = loss.valueAndGradient(yTrue, yPred, null, null);
        Tensor value = loss.valueAndGradient(yTrue, yPred, null, null, buffer);
        assertEquals(expected.value(), value, kernelCase + " " + dtype);
        float[] rounded = expected.gradient().toFloatArray();
        assertEquals(Tensor.of(rounded, 9, 21), Tensor.of(buffer, 9, 21),
            kernelCase + " " + dtype);
      }
    }
  }

  @Test
  void aBufferOfTheWrongSizeIsRefusedNamingBothSizes() {
    Loss loss = BinaryCrossentropy.builder().build();
    Tensor yTrue = Tensor.of(new float[][] {{0, 1}, {1, 0}});
    Tensor yPred = Tensor.of(new float[][] {{0.2f, 0.7f}, {0.6f, 0.3f}});
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> loss.valueAndGradient(yTrue, yPred, null, null, new float[3]));
    assertEquals("BinaryCrossentropy: gradient buffer holds 3 elements, expected 4 for y_pred"
        + " of shape [2, 2]", error.getMessage());
  }

  @Test
  void aBufferThatIsAnInputsArrayIsRefused() {
    Loss loss = SparseCategoricalCrossentropy.builder().fromLogits(true).build();
    float[] logits = {3f, 1f, 0.2f, -1f, 0.5f, 2f, 1f, 0f};
    Tensor yTrue = Tensor.ofInts(new int[] {0, 1}, 2);
    Tensor yPred = Tensor.wrap(logits, 2, 4);
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> loss.valueAndGradient(yTrue, yPred, null, null, logits));
    assertEquals("SparseCategoricalCrossentropy: gradient buffer is the array of y_pred,"
        + " expected a separate array (the kernels read their inputs while they write the"
        + " gradient)", error.getMessage());
  }

  @Test
  void aNullBufferIsRefusedLikeOneOfTheWrongSize() {
    Loss loss = Poisson.builder().build();
    Tensor yTrue = Tensor.of(new float[][] {{1, 2}});
    Tensor yPred = Tensor.of(new float[][] {{0.5f, 1.5f}});
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> loss.valueAndGradient(yTrue, yPred, null, null, null));
    assertEquals("Poisson: gradient buffer holds no elements, expected 2 for y_pred of shape"
        + " [1, 2]", error.getMessage());
  }
}
