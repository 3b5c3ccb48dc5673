package org.loss4j.focal.internal;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;

/**
 * The argument checks the focal losses share, so that both refuse bad values with the same
 * messages: {@code CategoricalFocalCrossentropy: gamma must be >= 0, got -0.5}.
 */
public final class FocalArguments {
  private FocalArguments() {}

  /**
   * Checks that {@code gamma} is a finite number {@code >= 0}.
   *
   * @param loss the loss's class name, for the message
   * @throws IllegalArgumentException if it is negative, NaN or infinite
   */
  public static void checkGamma(String loss, double gamma) {
    checkArgument(gamma >= 0, "%s: gamma must be >= 0, got %s", loss, gamma);
    checkArgument(gamma != Double.POSITIVE_INFINITY, "%s: gamma must be finite, got %s", loss,
        gamma);
  }

  /**
   * Checks that a named argument lies in {@code [0, 1]}.
   *
   * @param loss the loss's class name, for the message
   * @param argument the Keras name of the argument, such as {@code label_smoothing}
   * @throws IllegalArgumentException if it is outside {@code [0, 1]} or NaN
   */
  public static void checkUnitInterval(String loss, String argument, double value) {
    checkArgument(value >= 0 && value <= 1, "%s: %s must be in [0, 1], got %s", loss, argument,
        value);
  }

  /**
   * Checks a per-class {@code alpha}: non-empty, no null, every weight in {@code [0, 1]}.
   *
   * @return the weights as an array
   * @throws IllegalArgumentException naming the first bad weight and its index
   */
  public static double[] checkPerClassAlpha(String loss, List<Double> alpha) {
    checkArgument(alpha != null, "%s: alpha must not be null, expected a list of weights", loss);
    checkArgument(!alpha.isEmpty(), "%s: alpha must hold one weight per class, got []", loss);
    double[] weights = new double[alpha.size()];
    for (int k = 0; k < weights.length; k++) {
      Double weight = alpha.get(k);
      checkArgument(weight != null, "%s: alpha[%s] must be a number, got null", loss, k);
      checkArgument(weight >= 0 && weight <= 1, "%s: alpha[%s] must be in [0, 1], got %s", loss,
          k, weight);
      weights[k] = weight;
    }
    return weights;
  }
}
