package org.loss4j.testkit.properties;

import static org.loss4j.testkit.assertions.TensorAssertions.assertScalarClose;

import java.util.Set;
import org.loss4j.api.Tensor;
import org.loss4j.testkit.model.Capability;
import org.loss4j.testkit.model.Sample;

/**
 * Checks that {@code reduction = "sum"} gives {@code sum_over_batch_size} times the number of
 * per-sample elements, and that {@code sum} equals the sum of {@link
 * org.loss4j.api.Loss#perSample}.
 *
 * <p>On failure: the reduction divides by the batch size instead of the number of per-sample
 * elements (or the reverse), or {@code compute} and {@code perSample} run different formulas.
 */
public final class SumEqualsMeanTimesCount implements LossProperty {
  /** Both values are float32 sums of the same rounded terms; only the division rounds. */
  static final double RTOL = 1e-5;

  static final double ATOL = 1e-6;

  @Override
  public String id() {
    return "property.reduction.sum-equals-mean-times-count";
  }

  @Override
  public Set<Capability> requires() {
    return Set.of();
  }

  @Override
  public void check(LossUnderTest subject) {
    Sample sample = subject.sample();
    Tensor perSample = subject.create().perSample(sample.yTrue(), sample.yPred());
    Tensor sum = subject.create("reduction", "sum").compute(sample.yTrue(), sample.yPred());
    Tensor mean = subject.create("reduction", "sum_over_batch_size")
        .compute(sample.yTrue(), sample.yPred());

    double total = 0;
    for (int i = 0; i < perSample.size(); i++) {
      total += perSample.getDouble(i);
    }
    assertScalarClose(total, sum, RTOL, ATOL, "sum reduction vs the sum of perSample");
    assertScalarClose(mean.doubleValue() * perSample.size(), sum, RTOL, ATOL,
        "sum reduction vs sum_over_batch_size * " + perSample.size() + " elements");
  }
}
