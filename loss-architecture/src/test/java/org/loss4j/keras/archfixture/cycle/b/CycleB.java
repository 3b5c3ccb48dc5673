package org.loss4j.keras.archfixture.cycle.b;

import org.loss4j.keras.archfixture.cycle.a.CycleA;

/** Architecture fixture, deliberately wrong: the other half of a package cycle. */
public final class CycleB {
  /** Calls back into the first package. */
  public static int value() {
    return CycleA.base();
  }
}
