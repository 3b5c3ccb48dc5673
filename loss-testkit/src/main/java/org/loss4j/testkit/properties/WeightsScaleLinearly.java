package org.loss4j.testkit.properties;

import static org.loss4j.testkit.assertions.TensorAssertions.assertScalarClose;

import java.util.Set;
import org.loss4j.api.Loss;
import org.loss4j.api.Tensor;
import org.loss4j.testkit.internal.Batches;
import org.loss4j.testkit.model.Capability;
import org.loss4j.testkit.model.Sample;

/**
 * Checks that a weight scales its own sample's contribution linearly: with
 * {@code reduction = "sum"} and weights {@code [1, 2, ..., batch]}, the value is
 * {@code sum_i (i + 1) * sum(perSample[i])}; and a weight of 3 on one sample alone gives three
 * times that sample's sum.
 *
 * <p>On failure: weights are ignored, applied to the wrong axis, or squared.
 */
public final class WeightsScaleLinearly implements LossProperty {
  /** The expectation is recomputed here in double from float32 per-sample values. */
  static final double RTOL = 1e-5;

  static final double ATOL = 1e-6;

  private static final double SINGLE_WEIGHT = 3.0;

  @Override
  public String id() {
    return "property.weights.scale-linearly";
  }

  @Override
  public Set<Capability> requires() {
    return Set.of(Capability.SAMPLE_WEIGHT);
  }

  @Override
  public void check(LossUnderTest subject) {
    Sample sample = subject.sample();
    double[] sums = Batches.sampleSums(subject.create().perSample(sample.yTrue(),
        sample.yPred()));
    Loss sum = subject.create("reduction", "sum");

    double expected = 0;
    for (int i = 0; i < sums.length; i++) {
      expected += (i + 1) * sums[i];
    }
    assertScalarClose(expected,
        sum.compute(sample.yTrue(), sample.yPred(), Batches.ramp(sample.batch())), RTOL, ATOL,
        "sum with sample_weight [1, 2, ..., " + sample.batch() + "]");

    int last = sample.batch() - 1;
    double[] single = new double[sample.batch()];
    single[last] = SINGLE_WEIGHT;
    assertScalarClose(SINGLE_WEIGHT * sums[last],
        sum.compute(sample.yTrue(), sample.yPred(), Tensor.of(single, sample.batch())), RTOL,
        ATOL, "sum with weight " + SINGLE_WEIGHT + " on sample " + last + " only");
  }
}
