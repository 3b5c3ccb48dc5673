package org.loss4j.core.kernel.vector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;
import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loss4j.core.kernel.FloatMath;
import org.loss4j.core.kernel.KernelPath;
import org.loss4j.core.kernel.MathConstants;

/**
 * The lanewise functions against {@code Math} in double on 2^20 random arguments each (an
 * array length that is not a multiple of the lanes, so the scalar forms are checked too), and
 * the scalar forms against the lanes bit for bit.
 */
class VectorMathTest {
  private static final int COUNT = (1 << 20) + 5;
  private static final double EXP_ULPS = 1;
  private static final double LOG_ULPS = 3;
  private final SplittableRandom random = new SplittableRandom(2026);

  @BeforeEach
  void needsTheVectorPath() {
    assumeTrue(KernelPath.active() == KernelPath.VECTOR, "the scalar-path JVM has no lanes");
  }

  @Test
  void expOfNonPositiveArguments() {
    float[] x = draw(() -> (float) -random.nextDouble(0, 87));
    float[] y = new float[COUNT];
    VectorMath.expNonPositive(x, 0, y, 0, COUNT);
    assertWithinUlps(x, y, Math::exp, EXP_ULPS);
    for (int i = 0; i < COUNT; i += 997) {
      assertEquals(y[i], FloatMath.expNonPositive(x[i]), "scalar form at " + x[i]);
    }
  }

  @Test
  void expFlushesBelowTheSmallestNormalAndKeepsNan() {
    float[] x = {-88f, Float.NEGATIVE_INFINITY, Float.NaN, 0f, -1e-30f, -87f, -1f, -100f,
        -1e30f, -Float.MAX_VALUE, -87.33f, -87.34f, -104f, -2e9f, -0f, -0.5f};
    float[] y = new float[x.length];
    VectorMath.expNonPositive(x, 0, y, 0, x.length);
    for (int i = 0; i < x.length; i++) {
      float expected = x[i] < MathConstants.EXP_FLUSH ? 0f : (float) Math.exp(x[i]);
      if (Float.isNaN(x[i])) {
        assertTrue(Float.isNaN(y[i]), "exp(NaN) = " + y[i]);
      } else {
        assertEquals(expected, y[i], Math.ulp(expected), "exp(" + x[i] + ")");
      }
      assertEquals(y[i], FloatMath.expNonPositive(x[i]), "scalar form at " + x[i]);
    }
  }

  @Test
  void readingAheadChangesNoExponentialAndFindsTheAheadMaximum() {
    int length = 37;
    float[] x = draw(() -> (float) random.nextDouble(-30, 5));
    x[length + 3] = Float.NaN;
    x[length + 35] = Float.NaN;
    x[length + 20] = 7.5f;
    float[] plain = new float[length];
    float[] ahead = new float[length];
    float[] lanes = new float[VectorMath.SPECIES.length()];
    float[] aheadLanes = new float[VectorMath.SPECIES.length()];
    double plainSum = VectorMath.expShifted(x, 0, 5f, plain, 0, length, lanes);
    double aheadSum = VectorMath.expShiftedReadingAhead(
        x, 0, 5f, ahead, 0, length, lanes, length, aheadLanes);
    assertEquals(plainSum, aheadSum);
    assertArrayEquals(plain, ahead);
    assertEquals(7.5f, VectorMath.maxAfterLanes(aheadLanes, x, length, length), "NaN skipped");
    x[2 * length - 1] = 9f;
    assertEquals(9f, VectorMath.maxAfterLanes(aheadLanes, x, length, length), "in the tail");
  }

  @Test
  void clipKeepsNanAndAgreesWithMaxAndMinForNonZeroBounds() {
    float[] x = {Float.NaN, Float.NEGATIVE_INFINITY, -1f, -0f, 0f, 1e-8f, 1e-7f, 0.25f,
        Math.nextDown(1f), 1f, 1.5f, Float.POSITIVE_INFINITY, Float.MIN_VALUE, -Float.NaN,
        2e-7f, 0.999f};
    int lanes = VectorMath.SPECIES.length();
    float[] padded = Arrays.copyOf(x, (x.length + lanes - 1) / lanes * lanes);
    for (int k = 0; k < padded.length; k += lanes) {
      FloatVector v = FloatVector.fromArray(VectorMath.SPECIES, padded, k);
      float[] clipped = VectorMath.clip(v, 1e-7f, 1f).toArray();
      float[] byMaxAndMin = v.max(1e-7f).min(1f).toArray();
      for (int lane = 0; lane < lanes; lane++) {
        assertEquals(byMaxAndMin[lane], clipped[lane], "clip(" + padded[k + lane] + ")");
      }
    }
  }

  @Test
  void logOfNormalPositiveArguments() {
    float[] x = draw(() -> (float) Math.exp(random.nextDouble(-85, 85)));
    float[] y = new float[COUNT];
    VectorMath.log(x, 0, y, 0, COUNT);
    assertWithinUlps(x, y, Math::log, LOG_ULPS);
    for (int i = 0; i < COUNT; i += 997) {
      assertEquals(y[i], FloatMath.log(x[i]), "scalar form at " + x[i]);
    }
  }

  @Test
  void logLanesMatchTheScalarFormWhereTheMantissaRangeSwitches() {
    float sqrt2 = (float) Math.sqrt(2);
    float[] mantissas = {sqrt2, Math.nextDown(sqrt2), Math.nextUp(sqrt2), sqrt2 / 2,
        Math.nextDown(sqrt2 / 2), Math.nextUp(sqrt2 / 2), 1f, Math.nextDown(1f)};
    float[] x = new float[mantissas.length * 9];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.scalb(mantissas[i % mantissas.length], 30 * (i / mantissas.length) - 120);
    }
    float[] y = new float[x.length];
    VectorMath.log(x, 0, y, 0, x.length);
    assertWithinUlps(x, y, Math::log, LOG_ULPS);
    for (int i = 0; i < x.length; i++) {
      assertEquals(y[i], FloatMath.log(x[i]), "scalar form at " + x[i]);
    }
  }

  @Test
  void logOfZeroNegativeInfiniteOrNanIsNan() {
    float[] x = {0f, -1f, Float.POSITIVE_INFINITY, Float.NaN, 1e-40f, 1f, 2f, 0.5f};
    float[] y = new float[x.length];
    VectorMath.log(x, 0, y, 0, x.length);
    for (int i = 0; i < 5; i++) {
      assertTrue(Float.isNaN(y[i]), "log(" + x[i] + ") = " + y[i]);
    }
    assertEquals(0f, y[5]);
  }

  @Test
  void log1pOfTheUnitInterval() {
    float[] z = draw(() -> random.nextBoolean()
        ? (float) random.nextDouble() : (float) Math.exp(-random.nextDouble(0, 80)));
    float[] y = new float[COUNT];
    VectorMath.log1pUnit(z, 0, y, 0, COUNT);
    assertWithinUlps(z, y, Math::log1p, LOG_ULPS);
    for (int i = 0; i < COUNT; i += 997) {
      assertEquals(y[i], FloatMath.log1pUnit(z[i]), "scalar form at " + z[i]);
    }
    float[] zeros = {-0f, 0f, -Float.MIN_VALUE, Float.MIN_VALUE, -0f, 0f, -0f, 0f, -0f};
    float[] logs = new float[zeros.length];
    VectorMath.log1pUnit(zeros, 0, logs, 0, zeros.length);
    for (int i = 0; i < zeros.length; i++) {
      assertEquals(logs[i], FloatMath.log1pUnit(zeros[i]), "scalar form at " + zeros[i]);
    }
    assertEquals(-0f, logs[0], "log1p(-0)");
    assertEquals(0f, logs[1], "log1p(+0)");
  }

  private float[] draw(Supplier<Float> next) {
    float[] values = new float[COUNT];
    for (int i = 0; i < COUNT; i++) {
      values[i] = next.get();
    }
    return values;
  }

  private static void assertWithinUlps(
      float[] x, float[] y, DoubleUnaryOperator exact, double ulps) {
    for (int i = 0; i < x.length; i++) {
      double expected = exact.applyAsDouble(x[i]);
      double error = Math.abs(y[i] - expected) / Math.ulp((float) expected);
      if (!(error <= ulps)) {
        throw new AssertionError(String.format(
            "at x = %s: got %s, exact %s, %.2f ulps > %s", x[i], y[i], expected, error, ulps));
      }
    }
  }
}
