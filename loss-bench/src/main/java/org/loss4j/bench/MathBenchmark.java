package org.loss4j.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.loss4j.core.kernel.FloatMath;
import org.loss4j.core.kernel.vector.VectorMath;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures the cost per element of loss4j's float32 {@code exp}, {@code log} and
 * {@code log1p}: the lanes of {@link VectorMath} (run with
 * {@code --add-modules jdk.incubator.vector}) and the scalar {@link FloatMath} the scalar path
 * uses, over 4096 random arguments in each function's domain. The scalar loops keep their
 * results in an array, so that no sum chains one element to the next. The warm-up is longer
 * than elsewhere: until the JIT compiles them, the lanes run the Vector API's Java fallback,
 * a thousand times slower, for one to two seconds.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(MathBenchmark.LENGTH)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class MathBenchmark {
  /** The arguments per call; each result is one element. */
  static final int LENGTH = 4096;

  /** Random arguments for each function, and an output array. */
  @State(Scope.Thread)
  public static class Arguments {
    final float[] nonPositive = new float[LENGTH];
    final float[] positive = new float[LENGTH];
    final float[] unit = new float[LENGTH];
    final float[] out = new float[LENGTH];

    /** Draws exp's arguments in [-20, 0], log's in [e^-20, e^20], log1p's in [0, 1]. */
    public Arguments() {
      SplittableRandom random = new SplittableRandom(4);
      for (int i = 0; i < LENGTH; i++) {
        nonPositive[i] = (float) -random.nextDouble(0, 20);
        positive[i] = (float) Math.exp(random.nextDouble(-20, 20));
        unit[i] = (float) random.nextDouble();
      }
    }
  }

  /** Lanewise exp. */
  @Benchmark
  public float[] expLanes(Arguments in) {
    VectorMath.expNonPositive(in.nonPositive, 0, in.out, 0, LENGTH);
    return in.out;
  }

  /** Lanewise log. */
  @Benchmark
  public float[] logLanes(Arguments in) {
    VectorMath.log(in.positive, 0, in.out, 0, LENGTH);
    return in.out;
  }

  /** Lanewise log1p. */
  @Benchmark
  public float[] log1pLanes(Arguments in) {
    VectorMath.log1pUnit(in.unit, 0, in.out, 0, LENGTH);
    return in.out;
  }

  /** Scalar exp. */
  @Benchmark
  public float[] expScalar(Arguments in) {
    for (int i = 0; i < LENGTH; i++) {
      in.out[i] = FloatMath.expNonPositive(in.nonPositive[i]);
    }
    return in.out;
  }

  /** Scalar log. */
  @Benchmark
  public float[] logScalar(Arguments in) {
    for (int i = 0; i < LENGTH; i++) {
      in.out[i] = FloatMath.log(in.positive[i]);
    }
    return in.out;
  }

  /** Scalar log1p. */
  @Benchmark
  public float[] log1pScalar(Arguments in) {
    for (int i = 0; i < LENGTH; i++) {
      in.out[i] = FloatMath.log1pUnit(in.unit[i]);
    }
    return in.out;
  }
}
