package org.loss4j.core.kernel.vector;

import static jdk.incubator.vector.VectorOperators.ASHR;
import static jdk.incubator.vector.VectorOperators.GE;
import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LSHL;
import static jdk.incubator.vector.VectorOperators.LT;
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

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.loss4j.core.kernel.FloatMath;

/**
 * {@code exp}, {@code log} and {@code log1p} over float32 arrays, on the Vector API, with the
 * same algorithm in scalar code ({@link FloatMath}) for the elements after the last full vector:
 * a lane and {@link FloatMath} give the same bits for the same argument.
 *
 * <p>Built from additions, multiplications, fused multiply-adds and bit operations only, so
 * that interpreted, C1- and C2-compiled code give the same bits. (The Vector API's own
 * {@code EXP} and {@code LOG} call a native library from C2 code and {@code Math} elsewhere, so
 * results would change as the JIT warms up, and with them the bits of a loss computed on
 * another thread.) Each function works array to array, so that no vector crosses a call that
 * the JIT might not inline. Accuracy over the stated domains, measured against {@code Math} on
 * 2^20 random arguments each: {@code exp} within 1 unit in the last place, {@code log} and
 * {@code log1p} within 3 (VectorMathTest).
 */
public final class VectorMath {
  /** The preferred float vector shape of this machine, for every vector kernel. */
  public static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;

  /*
   * Constants as vectors: a call that returns a vector and is not inlined boxes it, so the loops
   * read these instead of broadcasting.
   */
  private static final FloatVector LOG2_E_LANES = FloatVector.broadcast(SPECIES, LOG2_E);
  private static final FloatVector ROUNDER_LANES = FloatVector.broadcast(SPECIES, ROUNDER);
  private static final FloatVector MINUS_LN2_HIGH = FloatVector.broadcast(SPECIES, -LN2_HIGH);
  private static final FloatVector MINUS_LN2_LOW = FloatVector.broadcast(SPECIES, -LN2_LOW);
  private static final FloatVector INVERSE_5040 = FloatVector.broadcast(SPECIES, 1f / 5040f);
  private static final FloatVector INVERSE_720 = FloatVector.broadcast(SPECIES, 1f / 720f);
  private static final FloatVector INVERSE_120 = FloatVector.broadcast(SPECIES, 1f / 120f);
  private static final FloatVector INVERSE_24 = FloatVector.broadcast(SPECIES, 1f / 24f);
  private static final FloatVector INVERSE_6 = FloatVector.broadcast(SPECIES, 1f / 6f);
  private static final FloatVector HALF = FloatVector.broadcast(SPECIES, 0.5f);
  private static final FloatVector ONE = FloatVector.broadcast(SPECIES, 1f);
  private static final FloatVector INVERSE_9 = FloatVector.broadcast(SPECIES, 1f / 9f);
  private static final FloatVector INVERSE_7 = FloatVector.broadcast(SPECIES, 1f / 7f);
  private static final FloatVector INVERSE_5 = FloatVector.broadcast(SPECIES, 1f / 5f);
  private static final FloatVector INVERSE_3 = FloatVector.broadcast(SPECIES, 1f / 3f);
  private static final FloatVector LN2_HIGH_LANES = FloatVector.broadcast(SPECIES, LN2_HIGH);
  private static final FloatVector LN2_LOW_LANES = FloatVector.broadcast(SPECIES, LN2_LOW);

  private VectorMath() {}

  /**
   * Writes {@code e^x} of {@code length} values of {@code x} from {@code from} into {@code out}
   * from {@code outFrom}, for {@code x <= 0} (the arrays may be the same): {@code 2^n * P(r)}
   * with {@code n = round(x log2 e)}, {@code r = x - n ln 2} in {@code [-ln2/2, ln2/2]} and
   * {@code P} the Taylor polynomial of degree 7 (error below {@code 6e-9} relative), its terms
   * from {@code r^2} up taken in pairs, {@code (1/2 + r/6) + r^2 ((1/24 + r/120) + r^2 (1/720 +
   * r/5040))}, so that fewer operations wait on each other, and the last two by Horner's rule.
   * Below {@code ln(Float.MIN_NORMAL)} the result is 0, by a blend at the end; the lanes it
   * replaces are not clamped first, since a clamp by {@code FloatVector.max} costs six AVX2
   * instructions ({@link #clip}). NaN stays NaN.
   */
  public static void expNonPositive(float[] x, int from, float[] out, int outFrom, int length) {
    expShifted(x, from, 0f, out, outFrom, length, null);
  }

  /**
   * Writes {@code e^(x - shift)} of {@code length} values from {@code from} into {@code out}
   * from {@code outFrom}, as {@link #expNonPositive(float[], int, float[], int, int)} for
   * {@code x - shift <= 0}, and returns their sum in the order of {@link #sumInOrder} (lanes of
   * whole vectors, then the rest), when {@code lanes} (one vector's length) is given; else 0.
   */
  public static double expShifted(float[] x, int from, float shift, float[] out, int outFrom,
      int length, float[] lanes) {
    int bound = SPECIES.loopBound(length);
    FloatVector sum = FloatVector.zero(SPECIES);
    for (int k = 0; k < bound; k += SPECIES.length()) {
      FloatVector e = expLanes(FloatVector.fromArray(SPECIES, x, from + k).sub(shift));
      e.intoArray(out, outFrom + k);
      sum = sum.add(e);
    }
    if (lanes != null) {
      sum.intoArray(lanes, 0);
    }
    return finishExpSum(x, from, shift, out, outFrom, length, lanes);
  }

  /**
   * Does what {@link #expShifted} does with {@code lanes}, and in the same loop reads the
   * whole vectors of {@code length} values from {@code aheadFrom}, leaving their lanewise
   * maximum (NaN skipped) in {@code aheadLanes}: a row kernel reads its next row while it
   * exponentiates this one, so that the next row's wait for memory overlaps this row's
   * arithmetic. {@link #maxAfterLanes} finishes the maximum.
   */
  public static double expShiftedReadingAhead(float[] x, int from, float shift, float[] out,
      int outFrom, int length, float[] lanes, int aheadFrom, float[] aheadLanes) {
    int bound = SPECIES.loopBound(length);
    FloatVector sum = FloatVector.zero(SPECIES);
    FloatVector aheadMax = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
    for (int k = 0; k < bound; k += SPECIES.length()) {
      FloatVector ahead = FloatVector.fromArray(SPECIES, x, aheadFrom + k);
      aheadMax = aheadMax.blend(ahead, ahead.compare(GT, aheadMax));
      FloatVector e = expLanes(FloatVector.fromArray(SPECIES, x, from + k).sub(shift));
      e.intoArray(out, outFrom + k);
      sum = sum.add(e);
    }
    aheadMax.intoArray(aheadLanes, 0);
    if (lanes != null) {
      sum.intoArray(lanes, 0);
    }
    return finishExpSum(x, from, shift, out, outFrom, length, lanes);
  }

  /**
   * Returns the largest of the maximum left in {@code aheadLanes} by
   * {@link #expShiftedReadingAhead} and the values after the whole vectors of the
   * {@code length} from {@code aheadFrom}, NaN skipped.
   */
  public static float maxAfterLanes(float[] aheadLanes, float[] x, int aheadFrom, int length) {
    float max = Float.NEGATIVE_INFINITY;
    for (float lane : aheadLanes) {
      max = lane > max ? lane : max;
    }
    for (int i = aheadFrom + SPECIES.loopBound(length); i < aheadFrom + length; i++) {
      max = x[i] > max ? x[i] : max;
    }
    return max;
  }

  /**
   * Returns {@code e^v} lanewise for {@code v <= 0}, by the steps
   * {@link #expNonPositive(float[], int, float[], int, int)} describes. Small enough for the
   * JIT to inline into the loops, so no vector is boxed.
   */
  private static FloatVector expLanes(FloatVector v) {
    FloatVector shifted = v.fma(LOG2_E_LANES, ROUNDER_LANES);
    FloatVector n = shifted.sub(ROUNDER);
    FloatVector r = n.fma(MINUS_LN2_HIGH, v);
    r = n.fma(MINUS_LN2_LOW, r);
    FloatVector r2 = r.mul(r);
    FloatVector high =
        r.fma(INVERSE_5040, INVERSE_720).fma(r2, r.fma(INVERSE_120, INVERSE_24));
    FloatVector p = high.fma(r2, r.fma(INVERSE_6, HALF));
    p = p.fma(r, ONE);
    p = p.fma(r, ONE);
    FloatVector scale = shifted.reinterpretAsInts().sub(ROUNDER_BITS - EXPONENT_BIAS)
        .lanewise(LSHL, MANTISSA_BITS).reinterpretAsFloats();
    return p.mul(scale).blend(0f, v.compare(LT, EXP_FLUSH));
  }

  /**
   * Adds the lane sums in {@code lanes} in order (when given), then the elements after the
   * whole vectors, which it writes by {@link FloatMath#expNonPositive}; returns the total, or 0
   * without {@code lanes}. It takes no vector, so that a call the JIT does not inline boxes
   * none.
   */
  private static double finishExpSum(float[] x, int from, float shift, float[] out,
      int outFrom, int length, float[] lanes) {
    double total = lanes != null ? sumInOrder(lanes) : 0;
    for (int k = SPECIES.loopBound(length); k < length; k++) {
      float e = FloatMath.expNonPositive(x[from + k] - shift);
      out[outFrom + k] = e;
      total += e;
    }
    return lanes != null ? total : 0;
  }

  /**
   * Writes {@code ln(x)} of {@code length} values from {@code from} into {@code out} from
   * {@code outFrom} (the arrays may be the same), for normal positive {@code x}: with
   * {@code x = m 2^e}, {@code m} in {@code [sqrt(1/2), sqrt(2))} (taken from the bits of
   * {@code x} minus those of {@code sqrt(1/2)}, with no compare) and
   * {@code s = (m - 1) / (m + 1)}, {@code ln(x) = e ln 2 + 2 (s + s^3/3 + s^5/5 + s^7/7 + s^9/9)}.
   * Zero, subnormal, negative, infinite and NaN values give NaN, so that a row holding one
   * falls back to scalar code.
   */
  public static void log(float[] x, int from, float[] out, int outFrom, int length) {
    int bound = SPECIES.loopBound(length);
    for (int k = 0; k < bound; k += SPECIES.length()) {
      FloatVector v = FloatVector.fromArray(SPECIES, x, from + k);
      IntVector offset = ((IntVector) v.reinterpretAsInts()).sub(HALF_SQRT2_BITS);
      FloatVector m = offset.and(MANTISSA_MASK).add(HALF_SQRT2_BITS).reinterpretAsFloats();
      FloatVector e = offset.lanewise(ASHR, MANTISSA_BITS).add(ROUNDER_BITS)
          .reinterpretAsFloats().sub(ROUNDER);
      FloatVector s = m.sub(1f).div(m.add(1f));
      FloatVector logM = twiceAtanh(s);
      FloatVector result = e.fma(LN2_HIGH_LANES, e.fma(LN2_LOW_LANES, logM));
      VectorMask<Float> normal =
          v.compare(GE, Float.MIN_NORMAL).and(v.compare(LE, Float.MAX_VALUE));
      result.blend(Float.NaN, normal.not()).intoArray(out, outFrom + k);
    }
    for (int k = bound; k < length; k++) {
      out[outFrom + k] = FloatMath.log(x[from + k]);
    }
  }

  /**
   * Writes {@code ln(1 + z)} of {@code length} values from {@code from} into {@code out} from
   * {@code outFrom}, for {@code z} in {@code [sqrt(1/2) - 1, 1]} (the arrays may be the same),
   * without rounding {@code 1 + z}: {@code 2 atanh(s)} with {@code s = z / (2 + z)} for
   * {@code z <= sqrt(2) - 1}, and {@code ln 2 + 2 atanh(s)} with {@code s = (z - 1) / (z + 3)}
   * above, {@code |s| <= 0.172} in both, by the series of {@link #log}. NaN stays NaN.
   */
  public static void log1pUnit(float[] z, int from, float[] out, int outFrom, int length) {
    int bound = SPECIES.loopBound(length);
    for (int k = 0; k < bound; k += SPECIES.length()) {
      FloatVector v = FloatVector.fromArray(SPECIES, z, from + k);
      VectorMask<Float> high = v.compare(GT, SQRT2 - 1f);
      FloatVector numerator = v.blend(v.sub(1f), high);
      FloatVector denominator = v.add(2f).blend(v.add(3f), high);
      FloatVector s = numerator.div(denominator);
      FloatVector result = twiceAtanh(s);
      result.blend(result.add(LN2_LOW).add(LN2_HIGH), high).intoArray(out, outFrom + k);
    }
    for (int k = bound; k < length; k++) {
      out[outFrom + k] = FloatMath.log1pUnit(z[from + k]);
    }
  }

  /**
   * Returns {@code 2 atanh(s)} lanewise by the series of {@link #log}, for both logs. Small
   * enough for the JIT to inline into their loops, so no vector is boxed (VectorMathTest's
   * callers measure no allocation per call).
   */
  private static FloatVector twiceAtanh(FloatVector s) {
    FloatVector s2 = s.mul(s);
    FloatVector series = INVERSE_9;
    series = series.fma(s2, INVERSE_7);
    series = series.fma(s2, INVERSE_5);
    series = series.fma(s2, INVERSE_3);
    series = series.fma(s2, ONE);
    return s.add(s).mul(series);
  }

  /**
   * Returns {@code v} clipped to {@code [low, high]} lanewise, NaN kept, by one compare and one
   * blend per bound. {@code FloatVector.max} and {@code min} give the same lanes for bounds that
   * are not zero, but follow {@code Math.max}, which orders -0 below +0 and passes NaN through:
   * on AVX2 that is six instructions for each bound, where this takes two.
   */
  public static FloatVector clip(FloatVector v, float low, float high) {
    return v.blend(low, v.compare(LT, low)).blend(high, v.compare(GT, high));
  }

  /** Writes {@code -|x|} of {@code length} values from {@code from} into {@code out} from 0. */
  public static void negativeAbs(float[] x, int from, float[] out, int length) {
    int bound = SPECIES.loopBound(length);
    for (int k = 0; k < bound; k += SPECIES.length()) {
      FloatVector.fromArray(SPECIES, x, from + k).abs().neg().intoArray(out, k);
    }
    for (int k = bound; k < length; k++) {
      out[k] = -Math.abs(x[from + k]);
    }
  }

  /** Multiplies {@code length} values from {@code from} by {@code factor}, in place. */
  public static void scale(float[] values, int from, int length, float factor) {
    int bound = SPECIES.loopBound(length);
    for (int k = 0; k < bound; k += SPECIES.length()) {
      FloatVector.fromArray(SPECIES, values, from + k).mul(factor).intoArray(values, from + k);
    }
    for (int k = bound; k < length; k++) {
      values[from + k] *= factor;
    }
  }

  /** Returns the sum of {@code values}, in index order and in double. */
  public static double sumInOrder(float[] values) {
    double total = 0;
    for (float value : values) {
      total += value;
    }
    return total;
  }
}
