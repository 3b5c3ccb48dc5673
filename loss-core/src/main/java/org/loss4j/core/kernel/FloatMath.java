package org.loss4j.core.kernel;

import static org.loss4j.core.kernel.MathConstants.EXPONENT_BIAS;
import static org.loss4j.core.kernel.MathConstants.EXP_FLUSH;
import static org.loss4j.core.kernel.MathConstants.HALF_SQRT2_BITS;
import static org.loss4j.core.kernel.MathConstants.LN2_HIGH;
import static org.loss4j.core.kernel.MathConstants.LN2_LOW;
import static org.loss4j.core.kernel.MathConstants.LOG2_E;
import static org.loss4j.core.kernel.MathConstants.MANTISSA_BITS;
import static org.loss4j.core.kernel.MathConstants.MANTISSA_MASK;
import static org.loss4j.core.kernel.MathConstants.ROUNDER;
import static org.loss4j.core.kernel.MathConstants.ROUNDER_BITS;
import static org.loss4j.core.kernel.MathConstants.SQRT2;

/**
 * {@code exp}, {@code log} and {@code log1p} of single floats by the algorithms of
 * {@code org.loss4j.core.kernel.vector.VectorMath}, for the scalar path and for the elements
 * after a row's last whole vector: the same IEEE operations, so a lane and this class give the
 * same bits. Built from additions, multiplications, fused multiply-adds and bit operations, it
 * needs no incubator module and gives the same bits on every JIT tier.
 *
 * <ul>
 *   <li>{@link #expNonPositive}: {@code 2^n * P(r)}, {@code n = round(x log2 e)},
 *       {@code r = x - n ln 2}, {@code P} the Taylor polynomial of degree 7 (its upper terms in
 *       pairs, see {@code VectorMath}); within 1 unit in the last place for {@code x <= 0}, 0
 *       below {@code ln(Float.MIN_NORMAL)}.
 *   <li>{@link #log}: {@code e ln 2 + 2 atanh((m - 1) / (m + 1))} with
 *       {@code x = m 2^e}, {@code m} in {@code [sqrt(1/2), sqrt(2))}; within 3 units for normal
 *       positive {@code x}, NaN otherwise.
 *   <li>{@link #selectIfNegative}: one of two floats by whether a third is below 0, without a
 *       jump.
 *   <li>{@link #clip}: a float clipped to two bounds by plain compares.
 *   <li>{@link #log1pUnit}: {@code 2 atanh(z / (2 + z))}, or {@code ln 2 + 2 atanh((z - 1) /
 *       (z + 3))} above {@code sqrt(2) - 1}; within 3 units on {@code [sqrt(1/2) - 1, 1]}.
 * </ul>
 */
public final class FloatMath {

  private FloatMath() {}

  /**
   * Returns {@code e^x} for {@code x <= 0}: see the class comment. Below the flush bound the
   * steps compute nonsense (NaN for -infinity) that the final select replaces by 0, as the lanes
   * do; a clamp first would cost the several instructions of {@code Math.max}.
   */
  public static float expNonPositive(float x) {
    float shifted = Math.fma(x, LOG2_E, ROUNDER);
    float n = shifted - ROUNDER;
    float r = Math.fma(n, -LN2_HIGH, x);
    r = Math.fma(n, -LN2_LOW, r);
    float r2 = r * r;
    float high =
        Math.fma(Math.fma(r, 1f / 5040f, 1f / 720f), r2, Math.fma(r, 1f / 120f, 1f / 24f));
    float p = Math.fma(high, r2, Math.fma(r, 1f / 6f, 0.5f));
    p = Math.fma(p, r, 1f);
    p = Math.fma(p, r, 1f);
    float scale = Float.intBitsToFloat(
        (Float.floatToRawIntBits(shifted) - (ROUNDER_BITS - EXPONENT_BIAS)) << MANTISSA_BITS);
    return x < EXP_FLUSH ? 0f : p * scale;
  }

  /**
   * Returns {@code ln(x)} by the algorithm of {@code VectorMath}'s array form, in scalar. The
   * range reduction needs no compare: with {@code offset = bits(x) - bits(sqrt(1/2))}, the top
   * bits {@code offset >> 23} are the exponent {@code e} and
   * {@code m = float(bits(sqrt(1/2)) + (offset & 0x7fffff))} is the mantissa, in
   * {@code [sqrt(1/2), sqrt(2))}; subtracting first moves the point where {@code e} steps up
   * from the mantissas 1 to sqrt(1/2).
   */
  public static float log(float x) {
    int offset = Float.floatToRawIntBits(x) - HALF_SQRT2_BITS;
    float m = Float.intBitsToFloat((offset & MANTISSA_MASK) + HALF_SQRT2_BITS);
    float e = Float.intBitsToFloat((offset >> MANTISSA_BITS) + ROUNDER_BITS) - ROUNDER;
    float s = (m - 1f) / (m + 1f);
    float logM = twiceAtanh(s);
    float result = Math.fma(e, LN2_HIGH, Math.fma(e, LN2_LOW, logM));
    boolean normal = x >= Float.MIN_NORMAL && x <= Float.MAX_VALUE;
    return normal ? result : Float.NaN;
  }

  /**
   * Returns {@code ln(1 + z)} for {@code z} in {@code [sqrt(1/2) - 1, 1]}. The compare with
   * {@code sqrt(2) - 1} gives a number, 0 or 1 ({@code high}), that the arithmetic uses
   * (numerator {@code z - high}, denominator {@code z + 2 + high}), and a bit mask that picks
   * the result or the result plus {@code ln 2}, rather than two code paths: {@code z} is often
   * random, and a mispredicted jump would cost more than the arithmetic.
   */
  public static float log1pUnit(float z) {
    int highBit = z > SQRT2 - 1f ? 1 : 0;
    float high = highBit;
    float s = (z - high) / (z + (2f + high));
    float result = twiceAtanh(s);
    return pick(-highBit, result + LN2_LOW + LN2_HIGH, result);
  }

  /**
   * Returns {@code ifNegative} when {@code x < 0}, else {@code otherwise} (for {@code -0} and
   * {@code +0} too, as a lane's {@code x < 0} compare does), by bit operations: no jump on the
   * data. ({@code x + 0} turns {@code -0} into {@code +0}, and its sign bit is the answer; a
   * NaN may take either value.)
   */
  public static float selectIfNegative(float x, float ifNegative, float otherwise) {
    return pick(Float.floatToRawIntBits(x + 0f) >> 31, ifNegative, otherwise);
  }

  /**
   * Returns {@code value} clipped to {@code [low, high]}, NaN kept, by two plain compares: for
   * bounds that are not zero the same as {@code Math.min(Math.max(value, low), high)}, whose
   * NaN and signed-zero rules cost several instructions each.
   */
  public static float clip(float value, float low, float high) {
    float atLeastLow = value < low ? low : value;
    return atLeastLow > high ? high : atLeastLow;
  }

  /**
   * Returns {@code 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + s^7/7 + s^9/9)} for {@code |s| <= 0.172},
   * where the series' error is below float rounding: both logs end here.
   */
  private static float twiceAtanh(float s) {
    float s2 = s * s;
    float series = 1f / 9f;
    series = Math.fma(series, s2, 1f / 7f);
    series = Math.fma(series, s2, 1f / 5f);
    series = Math.fma(series, s2, 1f / 3f);
    series = Math.fma(series, s2, 1f);
    return (s + s) * series;
  }

  /** Returns {@code ifAllOnes} when {@code mask} is -1 (all bits set), {@code otherwise} if 0. */
  private static float pick(int mask, float ifAllOnes, float otherwise) {
    return Float.intBitsToFloat((Float.floatToRawIntBits(ifAllOnes) & mask)
        | (Float.floatToRawIntBits(otherwise) & ~mask));
  }
}
