package org.loss4j.keras.archfixture.cycle.a;

import org.loss4j.keras.archfixture.cycle.b.CycleB;

/** Architecture fixture, deliberately wrong: one half of a package cycle. */
public final class CycleA {
  /** Calls the other package. */
  public static int value() {
    return CycleB.value() + 1;
  }

  /** Returns a constant the other package uses. */
  public static int base() {
    return 1;
  }
}
