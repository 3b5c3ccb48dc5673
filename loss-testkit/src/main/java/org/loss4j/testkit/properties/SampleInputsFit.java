package org.loss4j.testkit.properties;

import java.util.Set;
import org.loss4j.testkit.model.Capability;

/**
 * Checks that the kit has inputs the loss accepts, so that no property is skipped silently.
 *
 * <p>On failure: the loss refused every input family the kit tries (one-hot targets, integer
 * labels, binary targets, label sequences; the message lists each refusal). Either fix the loss,
 * if it should accept one of them, or give inputs with
 * {@code LossConformance.Builder.withSample(Sample.of(...))}.
 */
public final class SampleInputsFit implements LossProperty {
  @Override
  public String id() {
    return "property.sample-inputs";
  }

  @Override
  public Set<Capability> requires() {
    return Set.of();
  }

  @Override
  public void check(LossUnderTest subject) {
    if (subject.findSample().isEmpty()) {
      throw new AssertionError("no input family fits " + subject + ": "
          + subject.noSampleReason()
          + "; give inputs with LossConformance.Builder.withSample(Sample.of(...))");
    }
  }
}
