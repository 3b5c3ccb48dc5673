package org.loss4j.focal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.loss4j.testkit.assertions.TensorAssertions.assertAllClose;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.LossAndGradient;
import org.loss4j.api.Tensor;

/**
 * The float32 BinaryFocalCrossentropy kernel, on whichever path this JVM took (the build runs
 * this class with and without the vector module), against the float64 forward and backward
 * passes on the same float32 inputs, and its independence of the number of threads.
 */
class FocalKernelAgreementTest {
  /** float32 rounding of a row sum of up to a few hundred terms, relative. */
  private static final double VALUE_RTOL = 2e-5;
  private static final double VALUE_ATOL = 1e-6;
  /** float32 rounding of one derivative of a product of three factors. */
  private static final double GRADIENT_RTOL = 2e-4;
  private static final double GRADIENT_ATOL = 1e-8;
  private static final double[] GAMMAS = {0, 1, 2, 2.5, 5};
  private static final int[] ROW_LENGTHS = {1, 7, 8, 13, 64, 257};

  @TestFactory
  Stream<DynamicTest> float32KernelMatchesTheFloat64Passes() {
    return IntStream.range(0, GAMMAS.length).boxed().flatMap(g -> IntStream.of(ROW_LENGTHS)
        .mapToObj(length -> DynamicTest.dynamicTest(
            "gamma " + GAMMAS[g] + ", rows of " + length, () -> check(GAMMAS[g], length))));
  }

  private static void check(double gamma, int length) {
    SplittableRandom random = new SplittableRandom(31L * length + (long) (gamma * 10));
    Tensor yTrue = labels(random, 29, length);
    Tensor yPred = logits(random, 29, length);
    for (boolean balancing : new boolean[] {false, true}) {
      for (String reduction : new String[] {"sum_over_batch_size", "none"}) {
        Loss fast = loss(gamma, balancing, reduction, DType.FLOAT32);
        Loss reference = loss(gamma, balancing, reduction, DType.FLOAT64);
        LossAndGradient expected = reference.valueAndGradient(yTrue, yPred, null, null);
        LossAndGradient actual = fast.valueAndGradient(yTrue, yPred, null, null);
        assertAllClose(expected.value().asType(DType.FLOAT32), actual.value(), VALUE_RTOL,
            VALUE_ATOL, "value");
        assertAllClose(expected.gradient().asType(DType.FLOAT32), actual.gradient(),
            GRADIENT_RTOL, GRADIENT_ATOL, "gradient");
      }
    }
  }

  @Test
  void resultsDoNotDependOnTheNumberOfThreads() throws Exception {
    SplittableRandom random = new SplittableRandom(5);
    Tensor yTrue = labels(random, 600, 333);
    Tensor yPred = logits(random, 600, 333);
    Loss loss = loss(2, false, "sum_over_batch_size", DType.FLOAT32);
    LossAndGradient onCaller = loss.valueAndGradient(yTrue, yPred, null, null);
    for (int threads : new int[] {1, 2, 8}) {
      ForkJoinPool pool = new ForkJoinPool(threads);
      try {
        LossAndGradient inPool =
            pool.submit(() -> loss.valueAndGradient(yTrue, yPred, null, null)).get();
        assertEquals(onCaller.value(), inPool.value(), threads + " threads");
        assertEquals(onCaller.gradient(), inPool.gradient(), threads + " threads");
      } finally {
        pool.shutdown();
      }
    }
  }

  private static Loss loss(double gamma, boolean balancing, String reduction, DType dtype) {
    return BinaryFocalCrossentropy.builder().fromLogits(true).gamma(gamma)
        .applyClassBalancing(balancing).alpha(0.3).labelSmoothing(0.05).reduction(reduction)
        .dtype(dtype).build();
  }

  private static Tensor labels(SplittableRandom random, int rows, int length) {
    float[] values = new float[rows * length];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(2);
    }
    return Tensor.of(values, rows, length);
  }

  private static Tensor logits(SplittableRandom random, int rows, int length) {
    float[] values = new float[rows * length];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) random.nextDouble(-12, 12);
    }
    return Tensor.of(values, rows, length);
  }
}
