package org.loss4j.core.internal.archfixture;

/** Architecture fixture: a helper in an internal package of loss-core. */
public final class CoreInternalFixture {
  /** Returns a constant. */
  public static int value() {
    return 2;
  }
}
