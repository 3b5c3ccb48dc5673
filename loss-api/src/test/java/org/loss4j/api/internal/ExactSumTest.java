package org.loss4j.api.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ExactSum} against an independent exact computation: the same terms summed as
 * {@link BigDecimal}s (exact for doubles) and converted with {@link BigDecimal#doubleValue()},
 * which rounds to the nearest double.
 */
class ExactSumTest {
  /** The sum is exact and rounded once, so it must equal the reference bit for bit. */
  private static final double EXACT = 0.0;

  private static double reference(double[] terms) {
    BigDecimal total = BigDecimal.ZERO;
    for (double term : terms) {
      total = total.add(new BigDecimal(term));
    }
    return total.doubleValue();
  }

  private static double exact(double[] terms, int from, int to) {
    ExactSum sum = new ExactSum();
    for (int i = from; i < to; i++) {
      sum.add(terms[i]);
    }
    return sum.value();
  }

  /** Terms of mixed signs over the whole exponent range, subnormals included. */
  private static double[] wideTerms(long seed, int count) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] terms = new double[count];
    for (int i = 0; i < count; i++) {
      double mantissa = random.nextDouble(1, 2) * (random.nextBoolean() ? 1 : -1);
      terms[i] = Math.scalb(mantissa, random.nextInt(-1074, 1000));
    }
    return terms;
  }

  @Test
  void matchesTheExactSumOfTermsOfEveryMagnitude() {
    for (long seed = 0; seed < 50; seed++) {
      double[] terms = wideTerms(seed, 3000);

      assertEquals(reference(terms), exact(terms, 0, terms.length), EXACT, "seed " + seed);
    }
  }

  @Test
  void matchesTheExactSumOfManySimilarTermsThatCancel() {
    SplittableRandom random = new SplittableRandom(7);
    double[] terms = new double[20_000];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = random.nextDouble(-1, 1) * 1e-3 + (i % 2 == 0 ? 1e8 : -1e8);
    }

    assertEquals(reference(terms), exact(terms, 0, terms.length), EXACT);
  }

  @Test
  void matchesTheExactSumOfSubnormalTerms() {
    double[] terms = {Double.MIN_VALUE, 3 * Double.MIN_VALUE, -Double.MIN_NORMAL / 3,
        Double.MIN_NORMAL, Double.MIN_NORMAL - Double.MIN_VALUE};

    assertEquals(reference(terms), exact(terms, 0, terms.length), EXACT);
  }

  @Test
  void roundsHalfWayTotalsToEven() {
    // 1 + 2^-53 lies half way between 1 and the next double 1 + 2^-52: even is 1;
    // 1 + 2^-52 + 2^-53 lies half way between 1 + 2^-52 and 1 + 2^-51: even is 1 + 2^-51.
    double ulpHalf = Math.scalb(1.0, -53);

    assertEquals(1.0, exact(new double[] {1, ulpHalf}, 0, 2), EXACT);
    assertEquals(1 + 4 * ulpHalf, exact(new double[] {1, 2 * ulpHalf, ulpHalf}, 0, 3), EXACT);
  }

  @Test
  void aTailFarBelowTheTopDigitsStillBreaksATie() {
    // 1 + 2^-53 is half way between 1 and 1 + 2^-52; a tail of 2^-1000 lies more than three
    // 32-bit digits below 1, where only a sticky bit represents it: above half rounds up,
    // below half rounds down, for either sign.
    double half = Math.scalb(1.0, -53);
    double tail = Math.scalb(1.0, -1000);
    double up = 1 + 2 * half;

    assertEquals(up, exact(new double[] {1, half, tail}, 0, 3), EXACT);
    assertEquals(1.0, exact(new double[] {1, half, -tail}, 0, 3), EXACT);
    assertEquals(-up, exact(new double[] {-1, -half, -tail}, 0, 3), EXACT);
    assertEquals(-1.0, exact(new double[] {-1, -half, tail}, 0, 3), EXACT);
  }

  @Test
  void groupingDoesNotChangeTheValue() {
    double[] terms = wideTerms(99, 5000);
    ExactSum whole = new ExactSum();
    for (double term : terms) {
      whole.add(term);
    }

    ExactSum grouped = new ExactSum();
    for (int start = 0; start < terms.length; start += 777) {
      ExactSum part = new ExactSum();
      for (int i = start; i < Math.min(terms.length, start + 777); i++) {
        part.add(terms[i]);
      }
      grouped.addAll(part);
    }

    assertEquals(whole.value(), grouped.value(), EXACT);
  }

  @Test
  void totalsBeyondTheDoubleRangeAreInfinite() {
    double[] terms = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};

    // MAX + MAX overflows on the way but the exact total is MAX
    assertEquals(Double.MAX_VALUE, exact(terms, 0, 3), EXACT);
    assertEquals(Double.POSITIVE_INFINITY, exact(terms, 0, 2), EXACT);
    assertEquals(Double.NEGATIVE_INFINITY,
        exact(new double[] {-Double.MAX_VALUE, -Double.MAX_VALUE}, 0, 2), EXACT);
  }

  @Test
  void nonFiniteTermsDecideTheValue() {
    double inf = Double.POSITIVE_INFINITY;

    assertEquals(inf, exact(new double[] {1, inf, 2}, 0, 3), EXACT);
    assertEquals(Double.NaN, exact(new double[] {inf, -inf}, 0, 2), EXACT);
    assertEquals(Double.NaN, exact(new double[] {1, Double.NaN}, 0, 2), EXACT);
  }

  @Test
  void emptySumAndZerosAreZero() {
    assertEquals(0.0, exact(new double[0], 0, 0), EXACT);
    assertEquals(0.0, exact(new double[] {0.0, -0.0}, 0, 2), EXACT);
  }
}
