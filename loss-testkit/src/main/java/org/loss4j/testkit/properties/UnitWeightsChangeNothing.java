package org.loss4j.testkit.properties;

import static org.loss4j.testkit.assertions.TensorAssertions.assertAllClose;

import java.util.Set;
import org.loss4j.api.Loss;
import org.loss4j.testkit.internal.Batches;
import org.loss4j.testkit.model.Capability;
import org.loss4j.testkit.model.Sample;

/**
 * Checks that a {@code sample_weight} of ones, of shape {@code [batch]}, gives the unweighted
 * value, for {@code sum_over_batch_size} and {@code none}.
 *
 * <p>On failure: weights are normalised by something other than the reduction's divisor, or a
 * weight vector changes the divisor (only {@code mean_with_sample_weight} divides by the weights).
 */
public final class UnitWeightsChangeNothing implements LossProperty {
  /** Multiplying by 1 is exact; the slack only admits a float32 summation order change. */
  static final double RTOL = 1e-6;

  static final double ATOL = 0;

  @Override
  public String id() {
    return "property.weights.ones-change-nothing";
  }

  @Override
  public Set<Capability> requires() {
    return Set.of(Capability.SAMPLE_WEIGHT);
  }

  @Override
  public void check(LossUnderTest subject) {
    Sample sample = subject.sample();
    for (String reduction : new String[] {"sum_over_batch_size", "none"}) {
      Loss loss = subject.create("reduction", reduction);
      assertAllClose(loss.compute(sample.yTrue(), sample.yPred()),
          loss.compute(sample.yTrue(), sample.yPred(), Batches.filled(sample.batch(), 1.0)),
          RTOL, ATOL, "reduction " + reduction + " with sample_weight of ones vs without");
    }
  }
}
