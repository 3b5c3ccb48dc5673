package org.loss4j.testkit.properties;

import static org.loss4j.testkit.assertions.TensorAssertions.assertAllClose;

import java.util.Set;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.Tensor;
import org.loss4j.testkit.model.Capability;
import org.loss4j.testkit.model.Sample;

/**
 * Checks that {@code dtype = "float32"} and {@code "float64"} agree to float32 precision on
 * inputs that are exact in float32, per sample and reduced, and that each returns its dtype.
 *
 * <p>On failure: a constant differs between the two modes (Keras's clipping epsilon is the same
 * float32 value in both), the float32 path accumulates in float over a long axis, or
 * {@code dtype} is ignored.
 */
public final class Float32AgreesWithFloat64 implements LossProperty {
  /** A few float32 roundings: about 8 units of 2^-24. */
  static final double RTOL = 1e-5;

  static final double ATOL = 1e-6;

  @Override
  public String id() {
    return "property.dtype.float32-agrees-with-float64";
  }

  @Override
  public Set<Capability> requires() {
    return Set.of(Capability.FLOAT64);
  }

  @Override
  public void check(LossUnderTest subject) {
    Sample sample = subject.sample();
    Loss single = subject.create("dtype", "float32");
    Loss dual = subject.create("dtype", "float64");

    Tensor perSample32 = single.perSample(sample.yTrue(), sample.yPred());
    Tensor perSample64 = dual.perSample(sample.yTrue(), sample.yPred());
    if (perSample32.dtype() != DType.FLOAT32 || perSample64.dtype() != DType.FLOAT64) {
      throw new AssertionError("perSample returns " + perSample32.dtype() + " for dtype "
          + "float32 and " + perSample64.dtype() + " for float64");
    }
    assertAllClose(perSample64, perSample32, RTOL, ATOL, "float32 perSample vs float64");
    assertAllClose(dual.compute(sample.yTrue(), sample.yPred()),
        single.compute(sample.yTrue(), sample.yPred()), RTOL, ATOL,
        "float32 reduced value vs float64");
  }
}
