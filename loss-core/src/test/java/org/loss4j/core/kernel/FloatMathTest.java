package org.loss4j.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The scalar functions against {@code Math} in double, on every path (VectorMathTest checks
 * the lanes, and the lanes against these bit for bit, on the vector path only): random
 * arguments, the arguments where the branch-free range reductions switch form, and signed
 * zeros.
 */
class FloatMathTest {
  private static final int COUNT = 1 << 16;
  private static final float SQRT2 = (float) Math.sqrt(2);
  private final SplittableRandom random = new SplittableRandom(1204);

  @Test
  void expOfNonPositiveArgumentsIsWithinOneUlp() {
    for (int i = 0; i < COUNT; i++) {
      float x = (float) -random.nextDouble(0, 87);
      assertWithinUlps(x, FloatMath.expNonPositive(x), Math::exp, 1);
    }
    assertEquals(0f, FloatMath.expNonPositive(-88f));
    assertEquals(1f, FloatMath.expNonPositive(-0f));
  }

  @Test
  void logIsWithinThreeUlpsOnRandomArgumentsAndAtTheMantissaSwitch() {
    for (int i = 0; i < COUNT; i++) {
      float x = (float) Math.exp(random.nextDouble(-85, 85));
      assertWithinUlps(x, FloatMath.log(x), Math::log, 3);
    }
    float[] mantissas = {SQRT2, Math.nextDown(SQRT2), Math.nextUp(SQRT2), SQRT2 / 2,
        Math.nextDown(SQRT2 / 2), Math.nextUp(SQRT2 / 2), 1f, Math.nextDown(1f), 2f};
    for (float m : mantissas) {
      for (int exponent = -120; exponent <= 120; exponent += 30) {
        float x = Math.scalb(m, exponent);
        assertWithinUlps(x, FloatMath.log(x), Math::log, 3);
      }
    }
    assertEquals(0f, FloatMath.log(1f));
    assertTrue(Float.isNaN(FloatMath.log(0f)));
    assertTrue(Float.isNaN(FloatMath.log(-1f)));
    assertTrue(Float.isNaN(FloatMath.log(Float.POSITIVE_INFINITY)));
  }

  @Test
  void log1pIsWithinThreeUlpsOnBothSidesOfItsSwitch() {
    for (int i = 0; i < COUNT; i++) {
      float z = (float) random.nextDouble(SQRT2 / 2 - 1, 1);
      assertWithinUlps(z, FloatMath.log1pUnit(z), Math::log1p, 3);
    }
    float high = SQRT2 - 1f;
    for (float z : new float[] {high, Math.nextDown(high), Math.nextUp(high), 1f, 1e-30f}) {
      assertWithinUlps(z, FloatMath.log1pUnit(z), Math::log1p, 3);
    }
  }

  @Test
  void selectIfNegativeTakesTheFirstValueBelowZeroOnly() {
    assertEquals(1f, FloatMath.selectIfNegative(-2.5f, 1f, 2f));
    assertEquals(1f, FloatMath.selectIfNegative(-Float.MIN_VALUE, 1f, 2f));
    assertEquals(1f, FloatMath.selectIfNegative(Float.NEGATIVE_INFINITY, 1f, 2f));
    assertEquals(2f, FloatMath.selectIfNegative(-0f, 1f, 2f));
    assertEquals(2f, FloatMath.selectIfNegative(0f, 1f, 2f));
    assertEquals(2f, FloatMath.selectIfNegative(Float.MIN_VALUE, 1f, 2f));
    assertEquals(2f, FloatMath.selectIfNegative(3e38f, 1f, 2f));
    assertEquals(-0f, FloatMath.selectIfNegative(5f, 7f, -0f));
    assertTrue(Float.isNaN(FloatMath.selectIfNegative(-1f, Float.NaN, 0f)));
  }

  @Test
  void log1pKeepsTheSignOfZero() {
    assertEquals(-0f, FloatMath.log1pUnit(-0f));
    assertEquals(0f, FloatMath.log1pUnit(0f));
  }

  private static void assertWithinUlps(
      float x, float actual, DoubleUnaryOperator exact, double ulps) {
    double expected = exact.applyAsDouble(x);
    double error = Math.abs(actual - expected) / Math.ulp((float) expected);
    assertTrue(error <= ulps, String.format(
        "at x = %s: got %s, exact %s, %.2f ulps > %s", x, actual, expected, error, ulps));
  }
}
