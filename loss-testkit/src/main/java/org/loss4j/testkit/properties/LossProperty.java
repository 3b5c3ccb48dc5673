package org.loss4j.testkit.properties;

import java.util.Set;
import org.loss4j.testkit.model.Capability;
import org.loss4j.testkit.model.Level;

/**
 * A property every loss must keep, checked against one provider. Each implementation's Javadoc
 * says what it checks and what to look at when it fails.
 *
 * <p>{@link #check} signals a broken property with an {@link AssertionError} (or any unexpected
 * exception the loss throws) and a check that cannot run with
 * {@link org.opentest4j.TestAbortedException}, which the kit reports as skipped.
 */
public interface LossProperty {

  /** Returns the stable id, such as {@code property.weights.zero-gives-zero}. */
  String id();

  /** Returns the capabilities the check needs; empty for a required property. */
  Set<Capability> requires();

  /** Returns {@link Level#REQUIRED} when the property needs no capability. */
  default Level level() {
    return requires().isEmpty() ? Level.REQUIRED : Level.OPTIONAL;
  }

  /**
   * Checks the property.
   *
   * @throws AssertionError if the loss breaks it, with a message saying how
   */
  void check(LossUnderTest subject);
}
