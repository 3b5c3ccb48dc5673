package org.loss4j.api.internal;

import java.math.BigInteger;

/**
 * A running sum of doubles kept exactly, so that its value does not depend on the order of the
 * terms or on how they were grouped: the sum of two sums equals the sum of all their terms.
 *
 * <p>Every finite double is an integer multiple of {@code 2^-1074}. The sum holds that integer in
 * fixed point, in 32-bit digits stored in {@code long} slots (a "superaccumulator"): a term adds
 * its 53-bit significand, shifted into place, to two neighbouring slots, which costs a few
 * nanoseconds and no rounding. Slots absorb {@link #CARRY_INTERVAL} terms before their carries
 * must be propagated. {@link #value()} rounds the exact total once, to the nearest double (ties
 * to even).
 *
 * <p>Non-finite terms are added to a separate ordinary sum that, once non-zero, is the value: one
 * infinity gives it, opposite infinities or any NaN give NaN. A finite total beyond the double
 * range gives the infinity of its sign.
 *
 * <p>Mutable and not thread-safe; {@link org.loss4j.api.ReductionSums} keeps private copies.
 */
public final class ExactSum {
  /**
   * Terms a slot absorbs safely between carry propagations: a slot receives at most
   * {@code 2^52} in magnitude per term and holds {@code 2^63}; after propagation it holds less
   * than {@code 2^32}.
   */
  private static final int CARRY_INTERVAL = 1 << 10;
  private static final int DIGIT_BITS = 32;
  private static final long DIGIT_MASK = (1L << DIGIT_BITS) - 1;
  /**
   * Digits for bit positions up to {@code 2^2046 * 2^53} times the terms' count (bit 2046 + 53 +
   * 63 at most, in units of {@code 2^-1074}), so that the top slot never overflows.
   */
  private static final int SLOTS = 68;

  private final long[] slots;
  private int pending;
  private double special;

  /** Creates a sum of no terms (0). */
  public ExactSum() {
    slots = new long[SLOTS];
  }

  private ExactSum(ExactSum other) {
    slots = other.slots.clone();
    pending = other.pending;
    special = other.special;
  }

  /** Returns an independent copy of this sum. */
  public ExactSum copy() {
    return new ExactSum(this);
  }

  /** Adds one term. */
  public void add(double term) {
    long bits = Double.doubleToRawLongBits(term);
    int exponent = (int) (bits >>> 52) & 0x7ff;
    if (exponent == 0x7ff) {
      special += term;
      return;
    }
    long significand = bits & 0xfffffffffffffL;
    if (significand == 0 && exponent == 0) {
      return;
    }
    // term = significand * 2^(position - 1074), with the implicit bit for normal numbers
    int position = 0;
    if (exponent != 0) {
      significand |= 1L << 52;
      position = exponent - 1;
    }
    int index = position >>> 5;
    int shift = position & 31;
    long low = (significand << shift) & DIGIT_MASK;
    long high = significand >>> (DIGIT_BITS - shift);
    if (bits < 0) {
      slots[index] -= low;
      slots[index + 1] -= high;
    } else {
      slots[index] += low;
      slots[index + 1] += high;
    }
    if (++pending == CARRY_INTERVAL) {
      propagateCarries();
    }
  }

  /** Adds every term of another sum, exactly. */
  public void addAll(ExactSum other) {
    special += other.special;
    propagateCarries();
    ExactSum normalized = other.copy();
    normalized.propagateCarries();
    for (int i = 0; i < SLOTS; i++) {
      slots[i] += normalized.slots[i];
    }
    pending = 1;
  }

  /** Leaves every slot but the top one in {@code [0, 2^32)}, the total unchanged. */
  private void propagateCarries() {
    normalize(slots);
    pending = 0;
  }

  /**
   * Returns the exact total rounded to the nearest double (ties to even).
   *
   * <p>Only the top four non-zero digits (at least 97 significant bits) take part in the
   * rounding; any non-zero digit below them is folded into one sticky bit under them, which
   * decides a tie just as the full tail would.
   */
  public double value() {
    if (special != 0) {
      return special;
    }
    long[] digits = slots.clone();
    normalize(digits);
    boolean negative = digits[SLOTS - 1] < 0;
    if (negative) {
      for (int i = 0; i < SLOTS; i++) {
        digits[i] = -digits[i];
      }
      normalize(digits);
    }
    int top = SLOTS - 1;
    while (top >= 0 && digits[top] == 0) {
      top--;
    }
    if (top < 0) {
      return 0.0;
    }
    int lowest = Math.max(0, top - 3);
    BigInteger units = BigInteger.valueOf(digits[top]);
    for (int i = top - 1; i >= lowest; i--) {
      units = units.shiftLeft(DIGIT_BITS).or(BigInteger.valueOf(digits[i]));
    }
    boolean sticky = false;
    for (int i = 0; i < lowest; i++) {
      sticky |= digits[i] != 0;
    }
    if (sticky) {
      units = units.shiftLeft(1).or(BigInteger.ONE).shiftLeft(lowest * DIGIT_BITS - 1);
    } else {
      units = units.shiftLeft(lowest * DIGIT_BITS);
    }
    double magnitude = toDouble(units);
    return negative ? -magnitude : magnitude;
  }

  /** Carries every digit but the top one into {@code [0, 2^32)}, the total unchanged. */
  private static void normalize(long[] digits) {
    for (int i = 0; i < SLOTS - 1; i++) {
      long carry = digits[i] >> DIGIT_BITS;
      digits[i] -= carry << DIGIT_BITS;
      digits[i + 1] += carry;
    }
  }

  /** Returns {@code units * 2^-1074} rounded to the nearest double, ties to even. */
  private static double toDouble(BigInteger units) {
    BigInteger magnitude = units.abs();
    int length = magnitude.bitLength();
    long bits;
    if (length <= 53) {
      // Below 2^52 units the double is subnormal with these bits; from 2^52 to 2^53 its exponent
      // field is 1, which is bit 52 itself: the bits are the units either way.
      bits = magnitude.longValueExact();
    } else {
      int dropped = length - 53;
      long kept = magnitude.shiftRight(dropped).longValueExact();
      boolean half = magnitude.testBit(dropped - 1);
      boolean below = magnitude.getLowestSetBit() < dropped - 1;
      if (half && (below || (kept & 1) == 1)) {
        kept++;
      }
      // kept * 2^(dropped - 1074) with kept in [2^52, 2^53]: exponent field dropped + 1
      bits = ((long) dropped << 52) + kept;
      if (bits >= 0x7ff0000000000000L) {
        bits = 0x7ff0000000000000L;
      }
    }
    double value = Double.longBitsToDouble(bits);
    return units.signum() < 0 ? -value : value;
  }
}
