package org.loss4j.focal.archfixture;

import org.loss4j.core.internal.archfixture.CoreInternalFixture;

/** Architecture fixture, deliberately wrong: loss-focal uses an internal package of loss-core. */
public final class FocalReachesCoreInternal {
  /** Calls into another module's internal package. */
  public static int value() {
    return CoreInternalFixture.value();
  }
}
