package org.loss4j.testkit.archfixture;

import org.loss4j.core.archfixture.CoreFixture;

/** Architecture fixture, deliberately wrong: the testkit may not depend on a loss module. */
public final class TestkitReachesCore {
  /** Calls into loss-core. */
  public static int value() {
    return CoreFixture.value();
  }
}
