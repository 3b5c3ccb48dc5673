package org.loss4j.api.internal;

import java.util.Arrays;

/**
 * A running sum of doubles kept exactly, so that its value does not depend on the order of the
 * terms or on how they were grouped: the sum of two sums equals the sum of all their terms.
 *
 * <p>The finite terms are held as non-overlapping partial sums (Shewchuk's algorithm, as in
 * Python's {@code math.fsum}); {@link #value()} rounds their exact total once, to the nearest
 * double. Non-finite terms are added to a separate ordinary sum that, once non-zero, is the value:
 * one infinity gives it, opposite infinities or any NaN give NaN. A finite total beyond the
 * double range gives the infinity of its sign.
 *
 * <p>Mutable and not thread-safe; {@link org.loss4j.api.ReductionSums} keeps private copies.
 */
public final class ExactSum {
  private double[] partials;
  private int size;
  private double special;

  /** Creates a sum of no terms (0). */
  public ExactSum() {
    partials = new double[4];
  }

  private ExactSum(ExactSum other) {
    partials = Arrays.copyOf(other.partials, Math.max(4, other.size));
    size = other.size;
    special = other.special;
  }

  /** Returns an independent copy of this sum. */
  public ExactSum copy() {
    return new ExactSum(this);
  }

  /** Adds one term. */
  public void add(double term) {
    if (!Double.isFinite(term)) {
      special += term;
      return;
    }
    double x = term;
    int kept = 0;
    for (int i = 0; i < size; i++) {
      double y = partials[i];
      if (Math.abs(x) < Math.abs(y)) {
        double swap = x;
        x = y;
        y = swap;
      }
      double hi = x + y;
      if (!Double.isFinite(hi)) {
        // The exact total left the double range; its sign is that of hi.
        special += hi;
        size = 0;
        return;
      }
      double lo = y - (hi - x);
      if (lo != 0) {
        partials[kept++] = lo;
      }
      x = hi;
    }
    if (kept == partials.length) {
      partials = Arrays.copyOf(partials, 2 * kept);
    }
    partials[kept++] = x;
    size = kept;
  }

  /** Adds every term of another sum, exactly. */
  public void addAll(ExactSum other) {
    special += other.special;
    for (int i = 0; i < other.size; i++) {
      add(other.partials[i]);
    }
  }

  /** Returns the exact total rounded to the nearest double (ties to even). */
  public double value() {
    if (special != 0) {
      return special;
    }
    int n = size;
    if (n == 0) {
      return 0.0;
    }
    double hi = partials[--n];
    double lo = 0;
    while (n > 0) {
      double x = hi;
      double y = partials[--n];
      hi = x + y;
      lo = y - (hi - x);
      if (lo != 0) {
        break;
      }
    }
    // Half-way case: the partials below decide the rounding direction that hi + lo lost.
    if (n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0))) {
      double y = lo * 2;
      double x = hi + y;
      if (y == x - hi) {
        hi = x;
      }
    }
    return hi;
  }
}
