package org.loss4j.api.archfixture;

import org.loss4j.core.archfixture.CoreFixture;

/** Architecture fixture, deliberately wrong: loss-api may depend on none of our modules. */
public final class ApiReachesCore {
  /** Calls into loss-core. */
  public static int value() {
    return CoreFixture.value();
  }
}
