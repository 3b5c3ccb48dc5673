package org.loss4j.testkit.properties;

import static org.loss4j.testkit.assertions.TensorAssertions.assertScalarClose;

import java.util.Arrays;
import java.util.Set;
import org.loss4j.api.Tensor;
import org.loss4j.testkit.internal.Batches;
import org.loss4j.testkit.model.Capability;
import org.loss4j.testkit.model.Sample;

/**
 * Checks that a mask of shape {@code [batch]} removes the masked samples from the sum and from the
 * divisor of {@code sum_over_batch_size}: masking the first sample gives
 * {@code sum(perSample[1:]) / elements(perSample[1:])}.
 *
 * <p>On failure: the mask is ignored, or masked elements stay in the divisor (as weights of zero
 * would).
 */
public final class MaskedSamplesDropOut implements LossProperty {
  /** Float32 sums of the same rounded terms; only the division rounds differently. */
  static final double RTOL = 1e-5;

  static final double ATOL = 1e-6;

  @Override
  public String id() {
    return "property.mask.drops-masked-samples";
  }

  @Override
  public Set<Capability> requires() {
    return Set.of(Capability.MASK);
  }

  @Override
  public void check(LossUnderTest subject) {
    Sample sample = subject.sample();
    Tensor perSample = subject.create().perSample(sample.yTrue(), sample.yPred());
    double[] sums = Batches.sampleSums(perSample);
    double[] mask = new double[sample.batch()];
    Arrays.fill(mask, 1.0);
    mask[0] = 0.0;

    double kept = 0;
    for (int i = 1; i < sums.length; i++) {
      kept += sums[i];
    }
    int keptElements = perSample.size() / sample.batch() * (sample.batch() - 1);
    Tensor masked = subject.create("reduction", "sum_over_batch_size").compute(sample.yTrue(),
        sample.yPred(), null, Tensor.of(mask, sample.batch()));
    assertScalarClose(kept / keptElements, masked, RTOL, ATOL,
        "sum_over_batch_size with the first sample masked");
  }
}
