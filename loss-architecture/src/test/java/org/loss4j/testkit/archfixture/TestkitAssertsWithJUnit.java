package org.loss4j.testkit.archfixture;

import org.junit.jupiter.api.Assertions;

/** Architecture fixture, allowed: the testkit is JUnit based. */
public final class TestkitAssertsWithJUnit {
  /** Fails through JUnit when the value is negative. */
  public static void check(double value) {
    Assertions.assertTrue(value >= 0);
  }
}
