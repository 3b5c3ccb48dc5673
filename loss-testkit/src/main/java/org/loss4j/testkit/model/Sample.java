package org.loss4j.testkit.model;

import static java.util.Objects.requireNonNull;

import org.loss4j.api.Tensor;

/**
 * Inputs the properties run on: {@code y_true}, {@code y_pred} as probabilities (or whatever the
 * loss takes with its default configuration), and {@code y_pred} as logits for the checks that
 * set {@code from_logits = true}. The first axis of both is the batch.
 *
 * <p>The kit finds a sample by itself for the usual shapes (one-hot, integer labels, binary
 * targets, label sequences); a loss that takes other inputs supplies one with
 * {@link org.loss4j.testkit.LossConformance.Builder#withSample(Sample)}. Values of {@code y_pred}
 * should stay away from the loss's clipping bounds (for probabilities: within [0.05, 0.95]), so
 * that finite differences see the smooth formula.
 */
public final class Sample {
  private final String description;
  private final Tensor yTrue;
  private final Tensor yPred;
  private final Tensor logits;

  private Sample(String description, Tensor yTrue, Tensor yPred, Tensor logits) {
    this.description = requireNonNull(description, "description");
    this.yTrue = requireNonNull(yTrue, "yTrue");
    this.yPred = requireNonNull(yPred, "yPred");
    this.logits = requireNonNull(logits, "logits");
    if (yTrue.rank() == 0 || yPred.rank() == 0 || yTrue.dim(0) != yPred.dim(0)) {
      throw new IllegalArgumentException("sample: y_true " + Tensor.formatShape(yTrue.shape())
          + " and y_pred " + Tensor.formatShape(yPred.shape())
          + " must share a leading batch axis");
    }
    if (yPred.dim(0) < 2) {
      throw new IllegalArgumentException("sample: the batch must hold at least 2 samples, got "
          + yPred.dim(0));
    }
  }

  /**
   * Returns a sample whose {@code y_pred} serves both as probabilities and as logits.
   *
   * @param description what the inputs are, shown in messages; never null
   * @param yTrue targets with a leading batch axis of at least 2; never null
   * @param yPred predictions with the same leading batch axis; never null
   * @throws IllegalArgumentException if the batch axes differ or hold fewer than 2 samples
   */
  public static Sample of(String description, Tensor yTrue, Tensor yPred) {
    return new Sample(description, yTrue, yPred, yPred);
  }

  /**
   * Returns a sample with separate predictions for {@code from_logits = false} and {@code true}.
   *
   * @param logits predictions for {@code from_logits = true}, the shape of {@code yPred}
   * @throws IllegalArgumentException if the batch axes differ or hold fewer than 2 samples
   */
  public static Sample of(String description, Tensor yTrue, Tensor yPred, Tensor logits) {
    return new Sample(description, yTrue, yPred, logits);
  }

  /** Returns what the inputs are. */
  public String description() {
    return description;
  }

  /** Returns the targets. */
  public Tensor yTrue() {
    return yTrue;
  }

  /** Returns the predictions for the default configuration. */
  public Tensor yPred() {
    return yPred;
  }

  /** Returns the predictions for {@code from_logits = true}. */
  public Tensor logits() {
    return logits;
  }

  /** Returns the number of samples in the batch. */
  public int batch() {
    return yPred.dim(0);
  }

  /** Returns the description and the shapes. */
  @Override
  public String toString() {
    return description + " (y_true " + Tensor.formatShape(yTrue.shape()) + ", y_pred "
        + Tensor.formatShape(yPred.shape()) + ")";
  }
}
