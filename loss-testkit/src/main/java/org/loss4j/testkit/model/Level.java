package org.loss4j.testkit.model;

import java.util.Locale;

/**
 * How binding a check is: every loss must pass a required one; an optional one needs a
 * capability.
 */
public enum Level {
  /** Every loss must pass it. */
  REQUIRED,
  /** It runs only when the loss declares the {@link Capability capabilities} it needs. */
  OPTIONAL;

  /** Returns the lower-case label shown in test names: {@code required} or {@code optional}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
