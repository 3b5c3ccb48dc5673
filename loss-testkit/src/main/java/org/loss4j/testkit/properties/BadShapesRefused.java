package org.loss4j.testkit.properties;

import java.util.Set;
import org.loss4j.api.Loss;
import org.loss4j.api.Tensor;
import org.loss4j.testkit.internal.Batches;
import org.loss4j.testkit.model.Capability;
import org.loss4j.testkit.model.Sample;

/**
 * Checks that inputs of incompatible shapes are refused with an {@link IllegalArgumentException}
 * whose message names the loss: {@code y_pred} with one sample more than {@code y_true} (for
 * {@code perSample}, {@code compute} and, when declared, {@code gradient}), and, when sample
 * weights are declared, a {@code sample_weight} of {@code batch + 1} values.
 *
 * <p>On failure: a shape is not validated before indexing (the message shows the
 * {@code NullPointerException} or {@code ArrayIndexOutOfBoundsException} thrown instead), a
 * mismatch is broadcast silently, or the message lacks the loss's name.
 */
public final class BadShapesRefused implements LossProperty {
  @Override
  public String id() {
    return "property.errors.bad-shapes-refused";
  }

  @Override
  public Set<Capability> requires() {
    return Set.of();
  }

  @Override
  public void check(LossUnderTest subject) {
    Sample sample = subject.sample();
    Loss loss = subject.create();
    Tensor longer = Batches.withExtraSample(sample.yPred());
    String shapes = "y_true " + Tensor.formatShape(sample.yTrue().shape()) + ", y_pred "
        + Tensor.formatShape(longer.shape());

    expectRefusal(subject, "perSample(" + shapes + ")",
        () -> loss.perSample(sample.yTrue(), longer));
    expectRefusal(subject, "compute(" + shapes + ")", () -> loss.compute(sample.yTrue(), longer));
    if (subject.has(Capability.GRADIENT)) {
      expectRefusal(subject, "gradient(" + shapes + ")",
          () -> loss.gradient(sample.yTrue(), longer));
    }
    if (subject.has(Capability.SAMPLE_WEIGHT)) {
      Tensor weights = Batches.filled(sample.batch() + 1, 1.0);
      expectRefusal(subject, "compute with sample_weight [" + (sample.batch() + 1) + "]",
          () -> loss.compute(sample.yTrue(), sample.yPred(), weights));
    }
  }

  private static void expectRefusal(LossUnderTest subject, String call, Runnable action) {
    try {
      action.run();
    } catch (IllegalArgumentException e) {
      if (!subject.namesTheLoss(e.getMessage())) {
        throw new AssertionError(call + " was refused, but the message \"" + e.getMessage()
            + "\" names none of " + subject.names(), e);
      }
      return;
    } catch (RuntimeException e) {
      throw new AssertionError(call + " threw " + e.getClass().getName()
          + " instead of an IllegalArgumentException naming the loss: " + e.getMessage(), e);
    }
    throw new AssertionError(call + " returned a value; expected an IllegalArgumentException");
  }
}
