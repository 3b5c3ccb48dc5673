package org.loss4j.testkit.properties;

import java.util.Set;
import org.loss4j.api.Tensor;
import org.loss4j.testkit.internal.Batches;
import org.loss4j.testkit.model.Capability;
import org.loss4j.testkit.model.Sample;

/**
 * Checks that a {@code sample_weight} of zeros gives exactly 0 for {@code sum_over_batch_size},
 * {@code sum} and every element of {@code none}.
 *
 * <p>On failure: the weights are ignored, or applied before a step that adds a constant.
 */
public final class ZeroWeightsGiveZero implements LossProperty {
  @Override
  public String id() {
    return "property.weights.zeros-give-zero";
  }

  @Override
  public Set<Capability> requires() {
    return Set.of(Capability.SAMPLE_WEIGHT);
  }

  @Override
  public void check(LossUnderTest subject) {
    Sample sample = subject.sample();
    Tensor zeros = Batches.filled(sample.batch(), 0.0);
    for (String reduction : new String[] {"sum_over_batch_size", "sum", "none"}) {
      Tensor value = subject.create("reduction", reduction)
          .compute(sample.yTrue(), sample.yPred(), zeros);
      for (int i = 0; i < value.size(); i++) {
        if (value.getDouble(i) != 0.0) {
          throw new AssertionError("reduction " + reduction + " with sample_weight of zeros: "
              + "expected 0, got " + value.getDouble(i) + " at flat index " + i);
        }
      }
    }
  }
}
