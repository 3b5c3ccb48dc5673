package org.loss4j.keras;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.Optional;
import org.loss4j.api.Loss;

/**
 * One loss a Keras model was compiled with: the output it applies to, the loss with every
 * argument, and its loss weight.
 *
 * <p>Keras trains on {@code sum(weight_i * loss_i(y_true_i, y_pred_i))} over the outputs that
 * have a loss. A model compiled with one loss has one entry, with no output name (Keras applies
 * that loss to every output); a list or an object of losses gives one entry per output that has
 * a loss.
 *
 * <pre>{@code
 * List<CompiledLoss> losses =
 *     KerasLossReader.fromModelFile(Path.of("model.keras"), LossRegistry.global());
 * CompiledLoss first = losses.get(0);
 * first.loss().compute(yTrue, yPred);   // the loss Keras reported for that output
 * first.weight();                       // 1.0 unless compiled with loss_weights
 * }</pre>
 *
 * <p>Instances are immutable.
 */
public final class CompiledLoss {
  private final Optional<String> outputName;
  private final int outputIndex;
  private final Loss loss;
  private final double weight;

  private CompiledLoss(Optional<String> outputName, int outputIndex, Loss loss, double weight) {
    this.outputName = outputName;
    this.outputIndex = outputIndex;
    this.loss = loss;
    this.weight = weight;
  }

  /**
   * Returns an entry.
   *
   * @param outputName the output's name; empty for a single loss or an unnamed output
   * @param outputIndex the output's position among the model's outputs, {@code >= 0}; 0 for a
   *     single loss
   * @param loss the loss; never null
   * @param weight the loss weight; finite
   * @throws IllegalArgumentException if the index is negative or the weight is not finite
   */
  public static CompiledLoss of(
      Optional<String> outputName, int outputIndex, Loss loss, double weight) {
    requireNonNull(outputName, "outputName");
    requireNonNull(loss, "loss");
    if (outputIndex < 0) {
      throw new IllegalArgumentException(
          "CompiledLoss: output_index must be >= 0, got " + outputIndex);
    }
    if (!Double.isFinite(weight)) {
      throw new IllegalArgumentException("CompiledLoss: weight must be finite, got " + weight);
    }
    return new CompiledLoss(outputName, outputIndex, loss, weight);
  }

  /**
   * Returns the name of the output this loss applies to: the key of a loss object, or the
   * model's output name for a list of losses when the model file names its outputs; empty for a
   * single loss.
   */
  public Optional<String> outputName() {
    return outputName;
  }

  /** Returns the position of the output in the compiled structure (0 for a single loss). */
  public int outputIndex() {
    return outputIndex;
  }

  /** Returns the loss, built with every argument of the Keras configuration. */
  public Loss loss() {
    return loss;
  }

  /** Returns the loss weight: the {@code loss_weights} entry of this output, 1.0 when none. */
  public double weight() {
    return weight;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof CompiledLoss)) {
      return false;
    }
    CompiledLoss that = (CompiledLoss) other;
    return outputName.equals(that.outputName) && outputIndex == that.outputIndex
        && loss.equals(that.loss) && Double.compare(weight, that.weight) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(outputName, outputIndex, loss, weight);
  }

  /** Returns, for example, {@code output_a[0]: binary_crossentropy{...} x 0.5}. */
  @Override
  public String toString() {
    return outputName.orElse("") + "[" + outputIndex + "]: " + loss.config() + " x " + weight;
  }
}
