package org.loss4j.core.kernel.vector;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.EQ;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.I2F;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code exp}, {@code log} and {@code log1p} of float32 lanes, and a lane sum, built from
 * additions, multiplications, fused multiply-adds and bit operations only, so that interpreted,
 * C1- and C2-compiled code give the same bits. (The Vector API's own {@code EXP} and {@code LOG}
 * are a native library's in C2 code and {@code Math}'s elsewhere, so a result would change as
 * the JIT warms up, and with it the bits of a loss computed on another thread.) Accuracy: within
 * 2 units in the last place over the stated domains.
 */
public final class VectorMath {
  /** The preferred float vector shape of this machine, for every vector kernel. */
  public static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  private static final float LOG2_E = 1.4426950216293335f;
  /** ln 2 split so that {@code n * LN2_HIGH} is exact for {@code |n| < 2^12}. */
  private static final float LN2_HIGH = 0.693115234375f;
  private static final float LN2_LOW = 3.194618329871446e-05f;
  /** Adding and subtracting 1.5 * 2^23 rounds a float of magnitude below 2^22 to an integer. */
  private static final float ROUNDER = 12582912f;
  /** Below ln(Float.MIN_NORMAL), exp is flushed to 0. */
  private static final float EXP_FLUSH = -87.3365478515625f;
  private static final float SQRT2 = 1.4142135381698608f;
  private static final int EXPONENT_BIAS = 127;
  private static final int MANTISSA_BITS = 23;
  private static final int MANTISSA_MASK = 0x007fffff;
  private static final int ONE_BITS = 0x3f800000;

  private VectorMath() {}

  /**
   * Returns {@code e^x} for {@code x <= 0}: {@code 2^n * P(r)} with {@code n = round(x / ln 2)},
   * {@code r = x - n ln 2} in {@code [-ln2/2, ln2/2]} and {@code P} the Taylor polynomial of
   * degree 7 (error below {@code 6e-9} relative); below {@code ln(Float.MIN_NORMAL)} it is 0, and
   * NaN stays NaN.
   */
  public static FloatVector expNonPositive(FloatVector x) {
    FloatVector clamped = x.max(EXP_FLUSH);
    FloatVector n = clamped.mul(LOG2_E).add(ROUNDER).sub(ROUNDER);
    FloatVector r = n.fma(constant(-LN2_HIGH), clamped);
    r = n.fma(constant(-LN2_LOW), r);
    FloatVector p = constant(1f / 5040f);
    p = p.fma(r, constant(1f / 720f));
    p = p.fma(r, constant(1f / 120f));
    p = p.fma(r, constant(1f / 24f));
    p = p.fma(r, constant(1f / 6f));
    p = p.fma(r, constant(0.5f));
    p = p.fma(r, constant(1f));
    p = p.fma(r, constant(1f));
    IntVector exponent = (IntVector) n.convert(VectorOperators.F2I, 0);
    FloatVector scale = exponent.add(EXPONENT_BIAS).lanewise(VectorOperators.LSHL, MANTISSA_BITS)
        .reinterpretAsFloats();
    return p.mul(scale).blend(0f, x.compare(LT, EXP_FLUSH));
  }

  /**
   * Returns {@code ln(x)} for normal positive {@code x}: with {@code x = m * 2^e},
   * {@code m} in {@code [sqrt(1/2), sqrt(2))} and {@code s = (m - 1) / (m + 1)},
   * {@code ln(x) = e ln 2 + 2 (s + s^3/3 + s^5/5 + s^7/7 + s^9/9)}. Zero, subnormal, negative,
   * infinite and NaN lanes give NaN, so that a row holding one falls back to scalar code.
   */
  public static FloatVector log(FloatVector x) {
    IntVector bits = x.reinterpretAsInts();
    IntVector exponent = bits.lanewise(ASHR, MANTISSA_BITS).sub(EXPONENT_BIAS);
    FloatVector m = bits.and(MANTISSA_MASK).or(ONE_BITS).reinterpretAsFloats();
    VectorMask<Float> high = m.compare(GT, SQRT2);
    m = m.blend(m.mul(0.5f), high);
    FloatVector e = (FloatVector) exponent.convert(I2F, 0);
    e = e.blend(e.add(1f), high);
    FloatVector s = m.sub(1f).div(m.add(1f));
    FloatVector s2 = s.mul(s);
    FloatVector series = constant(1f / 9f);
    series = series.fma(s2, constant(1f / 7f));
    series = series.fma(s2, constant(1f / 5f));
    series = series.fma(s2, constant(1f / 3f));
    series = series.fma(s2, constant(1f));
    FloatVector logM = s.add(s).mul(series);
    FloatVector result = e.fma(constant(LN2_HIGH), e.fma(constant(LN2_LOW), logM));
    VectorMask<Float> normal =
        x.compare(GE, Float.MIN_NORMAL).and(x.compare(LE, Float.MAX_VALUE));
    return result.blend(Float.NaN, normal.not());
  }

  /**
   * Returns {@code ln(1 + z)} for {@code z} in {@code [0, 1]}: {@code ln(u) * z / (u - 1)} with
   * {@code u = 1 + z} rounded, which cancels the rounding of {@code u}, and {@code z} itself
   * where {@code u} rounds to 1.
   */
  public static FloatVector log1pUnit(FloatVector z) {
    FloatVector u = z.add(1f);
    FloatVector corrected = log(u).mul(z.div(u.sub(1f)));
    return corrected.blend(z, u.compare(EQ, 1f));
  }

  private static FloatVector constant(float value) {
    return FloatVector.broadcast(SPECIES, value);
  }

  /** Returns the sum of the lanes in lane order, in double: the same bits on every JIT tier. */
  public static double sum(FloatVector lanes) {
    double total = 0;
    for (int i = 0; i < SPECIES.length(); i++) {
      total += lanes.lane(i);
    }
    return total;
  }
}
