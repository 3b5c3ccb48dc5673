package org.loss4j.api;

import static com.google.common.base.Preconditions.checkNotNull;

/**
 * The reduced loss of a batch together with its gradient with respect to {@code y_pred}.
 */
public final class LossAndGradient {
  private final Tensor value;
  private final Tensor gradient;

  /**
   * Creates a result.
   *
   * @param value what {@link Loss#compute} returns; never null
   * @param gradient the gradient of {@code value} w.r.t. {@code y_pred}; never null
   */
  public LossAndGradient(Tensor value, Tensor gradient) {
    this.value = checkNotNull(value, "value");
    this.gradient = checkNotNull(gradient, "gradient");
  }

  /** Returns the reduced loss (the per-sample losses for reduction {@code none}). */
  public Tensor value() {
    return value;
  }

  /** Returns the gradient of {@link #value()} w.r.t. {@code y_pred}, in its shape. */
  public Tensor gradient() {
    return gradient;
  }

  @Override
  public String toString() {
    return "LossAndGradient(value=" + value + ", gradient=" + gradient + ")";
  }
}
