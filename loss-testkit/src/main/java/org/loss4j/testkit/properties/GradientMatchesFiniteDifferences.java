package org.loss4j.testkit.properties;

import static org.loss4j.testkit.assertions.TensorAssertions.assertAllClose;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.Tensor;
import org.loss4j.testkit.internal.Batches;
import org.loss4j.testkit.model.Capability;
import org.loss4j.testkit.model.Sample;

/**
 * Checks {@link Loss#gradient} against central finite differences of {@link Loss#compute},
 * element by element of {@code y_pred}, on the sample inputs (which stay away from clipping
 * bounds), with sample weights {@code [1, 2, ..., batch]} when they are declared; then, with
 * {@code reduction = "none"}, the gradient of {@code sum(upstream * loss)} for an upstream
 * gradient with a distinct factor per element:
 *
 * <pre>{@code d loss / d yPred[j] ~ (loss(yPred + h e_j) - loss(yPred - h e_j)) / (2 h)}</pre>
 *
 * <p>It runs in float64 with {@code h = 1e-6} when {@link Capability#FLOAT64} is declared, and in
 * float32 with {@code h = 1e-3} and looser tolerances otherwise. One instance checks the default
 * configuration, another {@code from_logits = true} (then {@code y_pred} are the sample's logits).
 *
 * <p>On failure: a sign or a factor is wrong (the message lists the worst elements), the gradient
 * ignores the reduction's divisor, the weights or the upstream gradient, or it is taken with
 * respect to probabilities while {@code from_logits} is true.
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
    Object[] dtype = float64 ? new Object[] {"dtype", "float64"} : new Object[0];
    Tensor yPred = (fromLogits ? sample.logits() : sample.yPred()).asType(DType.FLOAT64);
    Tensor yTrue = sample.yTrue();
    double step = float64 ? STEP_FLOAT64 : STEP_FLOAT32;
    double rtol = float64 ? RTOL_FLOAT64 : RTOL_FLOAT32;
    double atol = float64 ? ATOL_FLOAT64 : ATOL_FLOAT32;
    String how = "h = " + step + (fromLogits ? ", from_logits" : "");

    Loss reduced = subject.create(LossUnderTest.withLogits(fromLogits, dtype));
    Tensor weights = subject.has(Capability.SAMPLE_WEIGHT) ? Batches.ramp(sample.batch()) : null;
    assertAllClose(
        numeric(y -> reduced.compute(yTrue, y, weights).doubleValue(), yPred, step),
        reduced.gradient(yTrue, yPred, weights), rtol, atol,
        "gradient (actual) vs central finite differences (expected), " + how);

    Object[] none = LossUnderTest.withLogits(fromLogits, append(dtype, "reduction", "none"));
    Loss unreduced = subject.create(none);
    Tensor upstream = upstream(unreduced.perSample(yTrue, yPred).shape());
    assertAllClose(
        numeric(y -> dot(upstream, unreduced.compute(yTrue, y)), yPred, step),
        unreduced.gradient(yTrue, yPred, null, null, upstream), rtol, atol,
        "reduction none: gradient with upstream [1, 2, ...] (actual) vs finite differences of "
            + "sum(upstream * loss) (expected), " + how);
  }

  private static Tensor numeric(ToDoubleFunction<Tensor> loss, Tensor yPred, double step) {
    double[] values = yPred.toDoubleArray();
    double[] numeric = new double[values.length];
    for (int j = 0; j < values.length; j++) {
      double original = values[j];
      values[j] = original + step;
      double above = loss.applyAsDouble(Tensor.of(values, yPred.shape()));
      values[j] = original - step;
      double below = loss.applyAsDouble(Tensor.of(values, yPred.shape()));
      values[j] = original;
      numeric[j] = (above - below) / (2 * step);
    }
    return Tensor.of(numeric, yPred.shape());
  }

  /** Returns {@code [1, 2, ..., n] / n} in the given shape: a distinct factor per element. */
  private static Tensor upstream(int[] shape) {
    int size = 1;
    for (int dim : shape) {
      size *= dim;
    }
    double[] values = new double[size];
    for (int i = 0; i < size; i++) {
      values[i] = (i + 1.0) / size;
    }
    return Tensor.of(values, shape);
  }

  private static double dot(Tensor a, Tensor b) {
    double total = 0;
    for (int i = 0; i < a.size(); i++) {
      total += a.getDouble(i) * b.getDouble(i);
    }
    return total;
  }

  private static Object[] append(Object[] first, Object... more) {
    Object[] all = Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
