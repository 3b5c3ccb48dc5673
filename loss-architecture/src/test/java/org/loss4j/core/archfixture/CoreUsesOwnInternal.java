package org.loss4j.core.archfixture;

import org.loss4j.core.internal.archfixture.CoreInternalFixture;

/** Architecture fixture, allowed: loss-core uses its own internal package. */
public final class CoreUsesOwnInternal {
  /** Calls into loss-core's internal package. */
  public static int value() {
    return CoreInternalFixture.value();
  }
}
