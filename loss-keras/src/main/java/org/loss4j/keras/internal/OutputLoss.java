package org.loss4j.keras.internal;

import org.loss4j.api.Loss;

/**
 * One entry of a decoded compile configuration: the output it applies to (a name, or null when
 * the configuration does not name it), its position among the model's outputs, the loss and its
 * weight.
 */
public final class OutputLoss {
  private final String outputName;
  private final int outputIndex;
  private final Loss loss;
  private final double weight;

  /**
   * Returns an entry.
   *
   * @param outputName the output's name, or null when unknown
   * @param outputIndex the position of the output, 0 for a single loss
   * @param loss the loss; never null
   * @param weight the loss weight, 1.0 when the configuration gives none
   */
  public OutputLoss(String outputName, int outputIndex, Loss loss, double weight) {
    this.outputName = outputName;
    this.outputIndex = outputIndex;
    this.loss = loss;
    this.weight = weight;
  }

  /** Returns the output's name, or null when unknown. */
  public String outputName() {
    return outputName;
  }

  /** Returns the position of the output among the model's outputs. */
  public int outputIndex() {
    return outputIndex;
  }

  /** Returns the loss. */
  public Loss loss() {
    return loss;
  }

  /** Returns the loss weight. */
  public double weight() {
    return weight;
  }
}
