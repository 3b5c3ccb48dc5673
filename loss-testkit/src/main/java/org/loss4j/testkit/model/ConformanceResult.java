package org.loss4j.testkit.model;

import static java.util.Objects.requireNonNull;

/**
 * The outcome of one check of a {@link org.loss4j.testkit.ConformanceReport}: its stable id, its
 * level, its status and a message (why it failed or was skipped; empty when it passed).
 */
public final class ConformanceResult {
  private final String id;
  private final Level level;
  private final Status status;
  private final String message;

  /**
   * Creates a result.
   *
   * @param id the check's stable id, such as {@code property.weights.zero-gives-zero}; never null
   * @param level never null
   * @param status never null
   * @param message why it failed or was skipped; empty when it passed; never null
   */
  public ConformanceResult(String id, Level level, Status status, String message) {
    this.id = requireNonNull(id, "id");
    this.level = requireNonNull(level, "level");
    this.status = requireNonNull(status, "status");
    this.message = requireNonNull(message, "message");
  }

  /** Returns the stable id of the check. */
  public String id() {
    return id;
  }

  /** Returns whether the check is required or optional. */
  public Level level() {
    return level;
  }

  /** Returns the outcome. */
  public Status status() {
    return status;
  }

  /** Returns why the check failed or was skipped; empty when it passed. */
  public String message() {
    return message;
  }

  /** Returns {@code STATUS [level] id: message}. */
  @Override
  public String toString() {
    return status + " [" + level.label() + "] " + id + (message.isEmpty() ? "" : ": " + message);
  }
}
