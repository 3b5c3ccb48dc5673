package org.loss4j.testkit.properties;

import java.util.Arrays;
import java.util.Set;
import org.loss4j.api.Loss;
import org.loss4j.api.Tensor;
import org.loss4j.testkit.internal.Batches;
import org.loss4j.testkit.model.Capability;
import org.loss4j.testkit.model.Sample;

/**
 * Checks that {@code perSample}, {@code compute} and {@code gradient} leave their inputs as they
 * were: {@code y_pred} and {@code sample_weight} are passed as {@link Tensor#wrap(double[],
 * int...)} views of arrays the kit compares afterwards, and {@code y_true} is compared with a copy.
 *
 * <p>On failure: the loss writes into an input (for example clips {@code y_pred} in place)
 * instead of into its own copy; {@code AbstractLoss} hands kernels private copies.
 */
public final class InputsUnmodified implements LossProperty {
  @Override
  public String id() {
    return "property.inputs.unmodified";
  }

  @Override
  public Set<Capability> requires() {
    return Set.of();
  }

  @Override
  public void check(LossUnderTest subject) {
    Sample sample = subject.sample();
    double[] yPredValues = sample.yPred().toDoubleArray();
    double[] weightValues = Batches.ramp(sample.batch()).toDoubleArray();
    double[] yPredBefore = yPredValues.clone();
    double[] weightsBefore = weightValues.clone();
    Tensor yTrue = Batches.copy(sample.yTrue());
    Tensor yPred = Tensor.wrap(yPredValues, sample.yPred().shape());
    Tensor weights = subject.has(Capability.SAMPLE_WEIGHT)
        ? Tensor.wrap(weightValues, sample.batch()) : null;
    Loss loss = subject.create();

    loss.perSample(yTrue, yPred);
    loss.compute(yTrue, yPred, weights);
    if (subject.has(Capability.GRADIENT)) {
      loss.gradient(yTrue, yPred, weights);
    }

    if (!Arrays.equals(yPredBefore, yPredValues)) {
      throw new AssertionError("y_pred was modified: before " + Arrays.toString(yPredBefore)
          + ", after " + Arrays.toString(yPredValues));
    }
    if (!Arrays.equals(weightsBefore, weightValues)) {
      throw new AssertionError("sample_weight was modified: before "
          + Arrays.toString(weightsBefore) + ", after " + Arrays.toString(weightValues));
    }
    if (!yTrue.equals(sample.yTrue())) {
      throw new AssertionError("y_true was modified: before " + sample.yTrue() + ", after "
          + yTrue);
    }
  }
}
