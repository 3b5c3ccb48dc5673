package org.loss4j.keras;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.Optional;
import org.loss4j.api.Loss;

/**
 * One output of a Keras model that was compiled with a loss: its name, its position, its loss
 * weight, and either the loss or the reason the loss could not be built (such as a loss that is
 * not installed).
 *
 * <p>Returned by {@link KerasLossReader#outputsFromModelFile}, which, unlike
 * {@link KerasLossReader#fromModelFile}, keeps reading the other outputs when one loss cannot be
 * built:
 *
 * <pre>{@code
 * for (CompiledOutput output :
 *     KerasLossReader.outputsFromModelFile(Path.of("model.keras"), LossRegistry.global())) {
 *   output.loss().ifPresentOrElse(
 *       loss -> System.out.println(output.outputIndex() + ": " + loss.config()),
 *       () -> System.out.println(output.outputIndex() + ": " + output.problem().get()));
 * }
 * }</pre>
 *
 * <p>Exactly one of {@link #loss()} and {@link #problem()} is present. Instances are immutable.
 */
public final class CompiledOutput {
  private final Optional<String> outputName;
  private final int outputIndex;
  private final Optional<Loss> loss;
  private final Optional<String> problem;
  private final double weight;

  private CompiledOutput(Optional<String> outputName, int outputIndex, Optional<Loss> loss,
      Optional<String> problem, double weight) {
    this.outputName = outputName;
    this.outputIndex = outputIndex;
    this.loss = loss;
    this.problem = problem;
    this.weight = weight;
  }

  /**
   * Returns an output whose loss was built.
   *
   * @param outputName the output's name; empty for a single loss or an unnamed output
   * @param outputIndex the output's position among the model's outputs, {@code >= 0}
   * @param loss the loss; never null
   * @param weight the loss weight; finite
   * @throws IllegalArgumentException if the index is negative or the weight is not finite
   */
  public static CompiledOutput available(
      Optional<String> outputName, int outputIndex, Loss loss, double weight) {
    requireNonNull(loss, "loss");
    return create(outputName, outputIndex, Optional.of(loss), Optional.empty(), weight);
  }

  /**
   * Returns an output whose loss could not be built.
   *
   * @param outputName the output's name; empty for a single loss or an unnamed output
   * @param outputIndex the output's position among the model's outputs, {@code >= 0}
   * @param problem why the loss could not be built, naming the file and the key; never null
   * @param weight the loss weight; finite
   * @throws IllegalArgumentException if the index is negative or the weight is not finite
   */
  public static CompiledOutput unavailable(
      Optional<String> outputName, int outputIndex, String problem, double weight) {
    requireNonNull(problem, "problem");
    return create(outputName, outputIndex, Optional.empty(), Optional.of(problem), weight);
  }

  private static CompiledOutput create(Optional<String> outputName, int outputIndex,
      Optional<Loss> loss, Optional<String> problem, double weight) {
    requireNonNull(outputName, "outputName");
    if (outputIndex < 0) {
      throw new IllegalArgumentException(
          "CompiledOutput: output_index must be >= 0, got " + outputIndex);
    }
    if (!Double.isFinite(weight)) {
      throw new IllegalArgumentException("CompiledOutput: weight must be finite, got " + weight);
    }
    return new CompiledOutput(outputName, outputIndex, loss, problem, weight);
  }

  /**
   * Returns the name of the output: the key of a loss object, or the model's output name for a
   * list of losses when the model file names its outputs; empty for a single loss.
   */
  public Optional<String> outputName() {
    return outputName;
  }

  /** Returns the position of the output in the compiled structure (0 for a single loss). */
  public int outputIndex() {
    return outputIndex;
  }

  /** Returns the loss with every argument of the Keras configuration; empty if unavailable. */
  public Optional<Loss> loss() {
    return loss;
  }

  /**
   * Returns why the loss could not be built, as {@link KerasLossReader#fromModelFile} would
   * report it (file, key path and problem); empty when the loss is available.
   */
  public Optional<String> problem() {
    return problem;
  }

  /** Returns the loss weight: the {@code loss_weights} entry of this output, 1.0 when none. */
  public double weight() {
    return weight;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof CompiledOutput)) {
      return false;
    }
    CompiledOutput that = (CompiledOutput) other;
    return outputName.equals(that.outputName) && outputIndex == that.outputIndex
        && loss.equals(that.loss) && problem.equals(that.problem)
        && Double.compare(weight, that.weight) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(outputName, outputIndex, loss, problem, weight);
  }

  /** Returns, for example, {@code size[1]: unavailable (...) x 0.5}. */
  @Override
  public String toString() {
    return outputName.orElse("") + "[" + outputIndex + "]: "
        + loss.map(l -> l.config().toString()).orElseGet(() -> "unavailable (" + problem.get()
            + ")") + " x " + weight;
  }
}
