package org.loss4j.testkit.model;

/**
 * Something a loss may or may not support; the checks that need it run only when it is declared
 * with {@link org.loss4j.testkit.LossConformance.Builder#supporting} (or detected with
 * {@link org.loss4j.testkit.LossConformance.Builder#detectingCapabilities()}), and show as skipped
 * otherwise, with {@link #skipReason()} saying what to declare or implement.
 */
public enum Capability {
  /**
   * {@link org.loss4j.api.Loss#gradient} returns the derivative of the reduced loss; checked
   * against central finite differences.
   */
  GRADIENT("implement Loss.gradient (AbstractLoss.backward) and declare Capability.GRADIENT"),

  /** {@code compute} honours a {@code sample_weight} of shape {@code [batch]}. */
  SAMPLE_WEIGHT(
      "honour sample_weight in Loss.compute (AbstractLoss does) and declare "
          + "Capability.SAMPLE_WEIGHT"),

  /** {@code compute} honours a mask of shape {@code [batch]}. */
  MASK("honour the mask in Loss.compute (AbstractLoss does) and declare Capability.MASK"),

  /** The loss accepts {@code dtype = "float64"} and then computes in double precision. */
  FLOAT64(
      "accept dtype=\"float64\" (StandardParameters.DTYPE) and declare Capability.FLOAT64"),

  /** The loss has a boolean {@code from_logits} parameter. */
  FROM_LOGITS(
      "add the from_logits parameter (StandardParameters.FROM_LOGITS) and declare "
          + "Capability.FROM_LOGITS"),

  /**
   * The provider is declared in {@code META-INF/services/org.loss4j.api.spi.LossProvider} (and
   * in {@code module-info.java}), so {@link org.loss4j.api.registry.LossRegistry#global()} finds
   * it.
   */
  DISCOVERABLE(
      "list the provider in META-INF/services/org.loss4j.api.spi.LossProvider and in "
          + "module-info.java (provides ... with ...), then declare Capability.DISCOVERABLE");

  private final String skipReason;

  Capability(String skipReason) {
    this.skipReason = skipReason;
  }

  /** Returns what to do so that the checks needing this capability run. */
  public String skipReason() {
    return skipReason;
  }
}
