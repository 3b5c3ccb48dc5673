package org.loss4j.testkit.properties;

import static org.loss4j.testkit.assertions.TensorAssertions.assertAllClose;

import java.util.Set;
import org.loss4j.api.Tensor;
import org.loss4j.testkit.model.Capability;
import org.loss4j.testkit.model.Sample;

/**
 * Checks that {@code reduction = "none"} returns the per-sample loss: its shape has the batch as
 * first axis and its values equal {@link org.loss4j.api.Loss#perSample}.
 *
 * <p>On failure: {@code compute} reduces despite {@code none}, or reshapes (for example drops a
 * time axis) differently from {@code perSample}.
 */
public final class NoneKeepsPerSampleShape implements LossProperty {
  /** Unweighted values pass through unchanged. */
  static final double RTOL = 0;

  static final double ATOL = 0;

  @Override
  public String id() {
    return "property.reduction.none-keeps-per-sample-shape";
  }

  @Override
  public Set<Capability> requires() {
    return Set.of();
  }

  @Override
  public void check(LossUnderTest subject) {
    Sample sample = subject.sample();
    Tensor perSample = subject.create().perSample(sample.yTrue(), sample.yPred());
    Tensor none = subject.create("reduction", "none").compute(sample.yTrue(), sample.yPred());

    if (perSample.rank() == 0 || perSample.dim(0) != sample.batch()) {
      throw new AssertionError("perSample shape " + Tensor.formatShape(perSample.shape())
          + " does not keep the batch of " + sample.batch() + " as its first axis");
    }
    assertAllClose(perSample, none, RTOL, ATOL, "reduction none vs perSample");
  }
}
