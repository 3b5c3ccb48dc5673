package org.loss4j.testkit.model;

/** The outcome of one conformance check. */
public enum Status {
  /** The loss kept the property or matched the case. */
  PASSED,
  /** The loss broke the property, missed the case's value, or threw unexpectedly. */
  FAILED,
  /**
   * The check did not run: a capability is not declared, the check is suppressed, or no input
   * fits.
   */
  SKIPPED
}
