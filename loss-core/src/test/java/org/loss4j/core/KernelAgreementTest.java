package org.loss4j.core;

import static org.loss4j.testkit.assertions.TensorAssertions.assertAllClose;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.LossAndGradient;
import org.loss4j.api.Tensor;

/**
 * The float32 kernels, on whichever path this JVM took (the build runs this class on both),
 * against the float64 forward and backward passes on the same float32 inputs: values and
 * gradients of every reduction, with weights, for rows whose length is and is not a multiple of
 * the vector width.
 */
class KernelAgreementTest {
  /** float32 rounding of a row sum of up to a few hundred terms, relative. */
  private static final double VALUE_RTOL = 2e-5;
  private static final double VALUE_ATOL = 1e-6;
  /** float32 rounding of one derivative times its upstream factor. */
  private static final double GRADIENT_RTOL = 1e-4;
  private static final double GRADIENT_ATOL = 1e-8;
  private static final int[] ROW_LENGTHS = {1, 2, 7, 8, 13, 64, 257};
  private static final String[] REDUCTIONS =
      {"sum_over_batch_size", "sum", "mean", "mean_with_sample_weight", "none"};

  @TestFactory
  Stream<DynamicTest> float32KernelsMatchTheFloat64Passes() {
    return KernelCase.all().stream().flatMap(kernelCase -> IntStream.of(ROW_LENGTHS).boxed()
        .filter(length -> length > 1 || !kernelCase.needsClasses())
        .map(length -> DynamicTest.dynamicTest(kernelCase + ", rows of " + length,
            () -> check(kernelCase, length))));
  }

  private static void check(KernelCase kernelCase, int length) {
    SplittableRandom random = new SplittableRandom(length * 7919L);
    int rows = 37;
    Tensor yTrue = kernelCase.yTrue(random, rows, length);
    Tensor yPred = kernelCase.yPred(random, rows, length);
    float[] weights = new float[rows];
    for (int i = 0; i < rows; i++) {
      weights[i] = i % 5 == 0 ? 0f : (float) random.nextDouble(0, 2);
    }
    Tensor sampleWeight = Tensor.of(weights, rows);
    for (String reduction : REDUCTIONS) {
      Loss fast = kernelCase.loss(DType.FLOAT32, reduction);
      Loss reference = kernelCase.loss(DType.FLOAT64, reduction);
      LossAndGradient expected = reference.valueAndGradient(yTrue, yPred, sampleWeight, null);
      LossAndGradient actual = fast.valueAndGradient(yTrue, yPred, sampleWeight, null);
      assertAllClose(expected.value().asType(DType.FLOAT32), actual.value(), VALUE_RTOL,
          VALUE_ATOL);
      assertAllClose(expected.gradient().asType(DType.FLOAT32), actual.gradient(),
          GRADIENT_RTOL, GRADIENT_ATOL);
      assertAllClose(actual.value(), fast.compute(yTrue, yPred, sampleWeight), 0, 0);
    }
  }
}
