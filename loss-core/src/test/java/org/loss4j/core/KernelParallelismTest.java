package org.loss4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.LossAndGradient;
import org.loss4j.api.Tensor;

/**
 * The kernels split a large input into blocks that run on the caller's fork-join pool: the
 * value and gradient must be the same bits on 1, 2 and 8 threads and on the calling thread.
 */
class KernelParallelismTest {
  /** 600 x 333 = 199,800 elements: several blocks of the 32,768-element split. */
  private static final int ROWS = 600;
  private static final int LENGTH = 333;
  private static final int[] THREADS = {1, 2, 8};

  @TestFactory
  Stream<DynamicTest> resultsDoNotDependOnTheNumberOfThreads() {
    return KernelCase.all().stream().map(kernelCase -> DynamicTest.dynamicTest(
        kernelCase.toString(), () -> check(kernelCase)));
  }

  private static void check(KernelCase kernelCase) throws Exception {
    SplittableRandom random = new SplittableRandom(42);
    Tensor yTrue = kernelCase.yTrue(random, ROWS, LENGTH);
    Tensor yPred = kernelCase.yPred(random, ROWS, LENGTH);
    for (String reduction : new String[] {"sum_over_batch_size", "none"}) {
      Loss loss = kernelCase.loss(DType.FLOAT32, reduction);
      LossAndGradient onCaller = loss.valueAndGradient(yTrue, yPred, null, null);
      for (int threads : THREADS) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
          LossAndGradient inPool =
              pool.submit(() -> loss.valueAndGradient(yTrue, yPred, null, null)).get();
          Tensor value = pool.submit(() -> loss.compute(yTrue, yPred)).get();
          String where = kernelCase + ", " + reduction + ", " + threads + " threads";
          assertEquals(onCaller.value(), inPool.value(), where);
          assertEquals(onCaller.gradient(), inPool.gradient(), where);
          assertEquals(onCaller.value(), value, where);
        } finally {
          pool.shutdown();
        }
      }
    }
  }
}
