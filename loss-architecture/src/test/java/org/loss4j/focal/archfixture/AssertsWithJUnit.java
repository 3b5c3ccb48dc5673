package org.loss4j.focal.archfixture;

import org.junit.jupiter.api.Assertions;

/** Architecture fixture, deliberately wrong: library main code that uses JUnit. */
public final class AssertsWithJUnit {
  /** Fails through JUnit when the value is negative. */
  public static void check(double value) {
    Assertions.assertTrue(value >= 0);
  }
}
