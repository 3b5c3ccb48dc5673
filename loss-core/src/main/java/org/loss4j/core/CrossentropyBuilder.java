package org.loss4j.core;

import org.loss4j.api.Loss;
import org.loss4j.api.LossBuilder;

/**
 * Collects the arguments the cross-entropy losses share, {@code from_logits},
 * {@code label_smoothing} and {@code axis}, beside {@link LossBuilder}'s {@code reduction},
 * {@code name} and {@code dtype}; the builders of {@link BinaryCrossentropy},
 * {@link CategoricalCrossentropy} and the focal losses extend it.
 *
 * <p>The setters only record what they are given, starting from Keras's defaults
 * (probabilities, no smoothing, {@code axis = -1}); the loss checks the values when it is built.
 * For the binary losses {@code axis} is the averaged axis, for the categorical ones the class
 * axis.
 *
 * @param <L> the loss this builder builds
 * @param <B> the concrete builder, returned by every setter
 */
public abstract class CrossentropyBuilder<L extends Loss, B extends CrossentropyBuilder<L, B>>
    extends LossBuilder<L, B> {
  private boolean fromLogits;
  private double labelSmoothing;
  private int axis = -1;

  /** Starts from Keras's defaults. */
  protected CrossentropyBuilder() {}

  /** Sets whether {@code y_pred} holds logits; default false. */
  public B fromLogits(boolean fromLogits) {
    this.fromLogits = fromLogits;
    return self();
  }

  /** Sets the label smoothing, which must lie in {@code [0, 1]}; default 0. */
  public B labelSmoothing(double labelSmoothing) {
    this.labelSmoothing = labelSmoothing;
    return self();
  }

  /** Sets the averaged or class axis (negative counts from the end); default -1. */
  public B axis(int axis) {
    this.axis = axis;
    return self();
  }

  /** Returns whether {@code y_pred} holds logits, as set. */
  public boolean fromLogits() {
    return fromLogits;
  }

  /** Returns the label smoothing as set (not yet checked). */
  public double labelSmoothing() {
    return labelSmoothing;
  }

  /** Returns the axis as set. */
  public int axis() {
    return axis;
  }
}
