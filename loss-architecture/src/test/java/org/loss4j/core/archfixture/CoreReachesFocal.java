package org.loss4j.core.archfixture;

import org.loss4j.focal.archfixture.target.FocalTarget;

/** Architecture fixture, deliberately wrong: loss-core may not depend on loss-focal. */
public final class CoreReachesFocal {
  /** Calls into loss-focal. */
  public static int value() {
    return FocalTarget.value();
  }
}
