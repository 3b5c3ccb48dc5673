package org.loss4j.api.registry;

/** A provider that could not be loaded or that declared itself badly, and why. */
public final class BrokenProvider {
  private final String description;
  private final String reason;

  BrokenProvider(String description, String reason) {
    this.description = description;
    this.reason = reason;
  }

  /** Returns the provider class name or the service entry that failed. */
  public String description() {
    return description;
  }

  /** Returns why it was skipped. */
  public String reason() {
    return reason;
  }

  @Override
  public String toString() {
    return description + ": " + reason;
  }
}
