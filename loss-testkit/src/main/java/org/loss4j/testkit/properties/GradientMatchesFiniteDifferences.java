package org.loss4j.testkit.properties;

import static org.loss4j.testkit.TensorAssertions.assertAllClose;

import java.util.EnumSet;
import java.util.Set;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.Tensor;
import org.loss4j.testkit.Capability;
import org.loss4j.testkit.Sample;
import org.loss4j.testkit.internal.Batches;

/**
 * Checks {@link Loss#gradient} against central finite differences of {@link Loss#compute},
 * element by element of {@code y_pred}, on the sample inputs (which stay away from clipping
 * bounds), with sample weights {@code [1, 2, ..., batch]} when they are declared:
 *
 * <pre>{@code d loss / d yPred[j] ~ (loss(yPred + h e_j) - loss(yPred - h e_j)) / (2 h)}</pre>
 *
 * <p>It runs in float64 with {@code h = 1e-6} when {@link Capability#FLOAT64} is declared, and in
 * float32 with {@code h = 1e-3} and looser tolerances otherwise. One instance checks the default
 * configuration, another {@code from_logits = true} (then {@code y_pred} are the sample's logits).
 *
 * <p>On failure: a sign or a factor is wrong (the message lists the worst elements), the gradient
 * ignores the reduction's divisor or the weights, or it is taken with respect to probabilities
 * while {@code from_logits} is true.
 */
public final class GradientMatchesFiniteDifferences implements LossProperty {
  static final double STEP_FLOAT64 = 1e-6;

  /** Truncation error O(h^2) of about 1e-10 and rounding error of about 1e-10 at h = 1e-6. */
  static final double RTOL_FLOAT64 = 1e-5;

  static final double ATOL_FLOAT64 = 1e-7;

  static final double STEP_FLOAT32 = 1e-3;

  /** float32 rounding of the loss (6e-8) divided by 2h dominates: about 3e-5 per element. */
  static final double RTOL_FLOAT32 = 2e-2;

  static final double ATOL_FLOAT32 = 2e-3;

  private final boolean fromLogits;

  /**
   * Creates the check for one configuration.
   *
   * @param fromLogits whether to check {@code from_logits = true} with the sample's logits
   */
  public GradientMatchesFiniteDifferences(boolean fromLogits) {
    this.fromLogits = fromLogits;
  }

  @Override
  public String id() {
    return fromLogits ? "property.gradient.finite-differences.from-logits"
        : "property.gradient.finite-differences";
  }

  @Override
  public Set<Capability> requires() {
    return fromLogits ? EnumSet.of(Capability.GRADIENT, Capability.FROM_LOGITS)
        : EnumSet.of(Capability.GRADIENT);
  }

  @Override
  public void check(LossUnderTest subject) {
    Sample sample = subject.sample();
    boolean float64 = subject.has(Capability.FLOAT64);
    Object[] config = LossUnderTest.withLogits(fromLogits,
        float64 ? new Object[] {"dtype", "float64"} : new Object[0]);
    Loss loss = subject.create(config);
    Tensor yPred = (fromLogits ? sample.logits() : sample.yPred()).asType(DType.FLOAT64);
    Tensor weights = subject.has(Capability.SAMPLE_WEIGHT) ? Batches.ramp(sample.batch()) : null;
    double step = float64 ? STEP_FLOAT64 : STEP_FLOAT32;

    Tensor analytic = loss.gradient(sample.yTrue(), yPred, weights);
    double[] values = yPred.toDoubleArray();
    double[] numeric = new double[values.length];
    for (int j = 0; j < values.length; j++) {
      double original = values[j];
      values[j] = original + step;
      double above = loss.compute(sample.yTrue(), Tensor.of(values, yPred.shape()), weights)
          .doubleValue();
      values[j] = original - step;
      double below = loss.compute(sample.yTrue(), Tensor.of(values, yPred.shape()), weights)
          .doubleValue();
      values[j] = original;
      numeric[j] = (above - below) / (2 * step);
    }

    assertAllClose(Tensor.of(numeric, yPred.shape()), analytic,
        float64 ? RTOL_FLOAT64 : RTOL_FLOAT32, float64 ? ATOL_FLOAT64 : ATOL_FLOAT32,
        "gradient (actual) vs central finite differences (expected), h = " + step
            + (fromLogits ? ", from_logits" : ""));
  }
}
