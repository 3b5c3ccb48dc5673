package org.loss4j.testkit.properties;

import static org.loss4j.testkit.assertions.TensorAssertions.assertAllClose;

import java.util.Set;
import org.loss4j.api.Loss;
import org.loss4j.api.Tensor;
import org.loss4j.testkit.internal.Batches;
import org.loss4j.testkit.model.Capability;
import org.loss4j.testkit.model.Sample;

/**
 * Checks that reversing the batch reverses the per-sample values and keeps the reduced value.
 *
 * <p>On failure: one sample's loss depends on another sample (a normalisation over the batch
 * axis, or an axis mix-up), or the reduction depends on the order of the samples beyond float
 * rounding.
 */
public final class BatchPermutation implements LossProperty {
  /** Samples are independent: per-sample values must match to the last bits. */
  static final double PER_SAMPLE_RTOL = 1e-7;

  static final double PER_SAMPLE_ATOL = 0;

  /** A reduced float32 value may differ by the summation order. */
  static final double REDUCED_RTOL = 1e-5;

  static final double REDUCED_ATOL = 1e-6;

  @Override
  public String id() {
    return "property.batch.permutation";
  }

  @Override
  public Set<Capability> requires() {
    return Set.of();
  }

  @Override
  public void check(LossUnderTest subject) {
    Sample sample = subject.sample();
    int[] order = Batches.reversed(sample.batch());
    Tensor yTrue = Batches.permute(sample.yTrue(), order);
    Tensor yPred = Batches.permute(sample.yPred(), order);
    Loss loss = subject.create();

    Tensor perSample = loss.perSample(sample.yTrue(), sample.yPred());
    assertAllClose(Batches.permute(perSample, order), loss.perSample(yTrue, yPred),
        PER_SAMPLE_RTOL, PER_SAMPLE_ATOL, "perSample of the reversed batch");
    assertAllClose(loss.compute(sample.yTrue(), sample.yPred()), loss.compute(yTrue, yPred),
        REDUCED_RTOL, REDUCED_ATOL, "reduced value of the reversed batch");
  }
}
