package org.loss4j.focal.archfixture;

import org.loss4j.core.archfixture.CoreFixture;

/** Architecture fixture, allowed: loss-focal depends on loss-core. */
public final class FocalFixture {
  /** Calls into loss-core. */
  public static int value() {
    return CoreFixture.value();
  }
}
