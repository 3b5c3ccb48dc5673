package org.loss4j.keras.internal;

import org.loss4j.api.Loss;

/**
 * One entry of a decoded compile configuration: the output it applies to (a name, or null when
 * the configuration does not name it), its position among the model's outputs, its weight, and
 * either the loss or the reason the loss could not be built.
 */
public final class OutputLoss {
  private final String outputName;
  private final int outputIndex;
  private final Loss loss;
  private final String problem;
  private final double weight;

  private OutputLoss(String outputName, int outputIndex, Loss loss, String problem,
      double weight) {
    this.outputName = outputName;
    this.outputIndex = outputIndex;
    this.loss = loss;
    this.problem = problem;
    this.weight = weight;
  }

  /**
   * Returns an entry whose loss was built.
   *
   * @param outputName the output's name, or null when unknown
   * @param outputIndex the position of the output, 0 for a single loss
   * @param loss the loss; never null
   * @param weight the loss weight, 1.0 when the configuration gives none
   */
  public static OutputLoss available(
      String outputName, int outputIndex, Loss loss, double weight) {
    return new OutputLoss(outputName, outputIndex, loss, null, weight);
  }

  /**
   * Returns an entry whose loss could not be built.
   *
   * @param outputName the output's name, or null when unknown
   * @param outputIndex the position of the output, 0 for a single loss
   * @param problem why the loss could not be built; never null
   * @param weight the loss weight, 1.0 when the configuration gives none
   */
  public static OutputLoss unavailable(
      String outputName, int outputIndex, String problem, double weight) {
    return new OutputLoss(outputName, outputIndex, null, problem, weight);
  }

  /** Returns the output's name, or null when unknown. */
  public String outputName() {
    return outputName;
  }

  /** Returns the position of the output among the model's outputs. */
  public int outputIndex() {
    return outputIndex;
  }

  /** Returns the loss, or null when it could not be built. */
  public Loss loss() {
    return loss;
  }

  /** Returns why the loss could not be built, or null when it was. */
  public String problem() {
    return problem;
  }

  /** Returns the loss weight. */
  public double weight() {
    return weight;
  }
}
