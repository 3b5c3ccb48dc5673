package org.loss4j.core.archfixture;

/** Architecture fixture: a class of loss-core that other fixtures depend on. */
public final class CoreFixture {
  /** Returns a constant, so that callers have something to call. */
  public static int value() {
    return 1;
  }
}
