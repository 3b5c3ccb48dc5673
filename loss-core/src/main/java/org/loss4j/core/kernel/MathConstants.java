package org.loss4j.core.kernel;

/**
 * The float32 constants of loss4j's {@code exp}, {@code log} and {@code log1p}, which
 * {@link FloatMath} and {@code VectorMath} share so that a lane and the scalar form compute
 * with the same numbers.
 */
public final class MathConstants {
  /** log2(e), rounded to float. */
  public static final float LOG2_E = 1.4426950216293335f;
  /**
   * The high part of ln 2, with trailing zero bits, so that {@code n * LN2_HIGH} is exact for
   * {@code |n| < 2^12}.
   */
  public static final float LN2_HIGH = 0.693115234375f;
  /** {@code ln 2 - LN2_HIGH}, rounded to float. */
  public static final float LN2_LOW = 3.194618329871446e-05f;
  /**
   * 1.5 * 2^23: adding it rounds a float below 2^22 in magnitude to an integer {@code n}, and
   * the sum's bits are then {@code ROUNDER_BITS + n}.
   */
  public static final float ROUNDER = 12582912f;
  /** The bits of {@link #ROUNDER}. */
  public static final int ROUNDER_BITS = 0x4B400000;
  /** ln(Float.MIN_NORMAL), rounded to float: below it, exp is flushed to 0. */
  public static final float EXP_FLUSH = -87.3365478515625f;
  /** sqrt(2), rounded to float. */
  public static final float SQRT2 = 1.4142135381698608f;
  /** The bits of the float nearest {@code sqrt(1/2)}, where the mantissa range of log starts. */
  public static final int HALF_SQRT2_BITS = 0x3f3504f3;
  /** The exponent bias of float32. */
  public static final int EXPONENT_BIAS = 127;
  /** The number of mantissa bits of float32. */
  public static final int MANTISSA_BITS = 23;
  /** The mantissa bits of float32. */
  public static final int MANTISSA_MASK = 0x007fffff;

  private MathConstants() {}
}
