package org.loss4j.testkit.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.Tensor;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.api.spi.ParameterSpec;
import org.loss4j.api.spi.ParameterType;
import org.loss4j.testkit.model.Capability;
import org.loss4j.testkit.model.Sample;

/**
 * Infers a provider's capabilities from its parameters and from trial calls on a sample, for
 * callers that cannot declare them by hand.
 *
 * <p>A parameter decides {@link Capability#FROM_LOGITS} (a boolean {@code from_logits});
 * {@link Capability#DISCOVERABLE} holds when the global registry finds the same class. The others
 * hold when the trial call returns instead of throwing: {@link Capability#FLOAT64} (a loss built
 * with {@code dtype = "float64"} returns float64 values), {@link Capability#GRADIENT},
 * {@link Capability#SAMPLE_WEIGHT} and {@link Capability#MASK} (weights or a mask of ones of shape
 * {@code [batch]}). A capability that runs but is wrong is detected as present on purpose: its
 * checks then run and report the fault.
 */
public final class CapabilityProbe {
  private CapabilityProbe() {}

  /**
   * Returns the capabilities the provider shows on the sample (without a sample, only those that
   * its parameters and the registry decide).
   *
   * @param sample inputs the loss accepts, or null
   */
  public static Set<Capability> detect(LossProvider provider, Sample sample) {
    Set<Capability> found = EnumSet.noneOf(Capability.class);
    for (ParameterSpec spec : provider.parameters()) {
      if (spec.name().equals("from_logits") && spec.type() == ParameterType.BOOLEAN) {
        found.add(Capability.FROM_LOGITS);
      }
    }
    if (runs(() -> {
      if (LossRegistry.global().find(provider.name())
          .filter(p -> p.getClass() == provider.getClass()).isEmpty()) {
        throw new IllegalStateException("not discovered");
      }
    })) {
      found.add(Capability.DISCOVERABLE);
    }
    if (sample == null) {
      return found;
    }
    LossRegistry registry = LossRegistry.of(provider);
    Loss loss;
    try {
      loss = registry.create(provider.name());
    } catch (RuntimeException e) {
      return found;
    }
    Tensor ones = Batches.filled(sample.batch(), 1.0);
    if (runs(() -> loss.gradient(sample.yTrue(), sample.yPred()))) {
      found.add(Capability.GRADIENT);
    }
    if (runs(() -> loss.compute(sample.yTrue(), sample.yPred(), ones))) {
      found.add(Capability.SAMPLE_WEIGHT);
    }
    if (runs(() -> loss.compute(sample.yTrue(), sample.yPred(), null, ones))) {
      found.add(Capability.MASK);
    }
    if (runs(() -> {
      Loss dual = registry.create(provider.name(), Map.of("dtype", "float64"));
      if (dual.perSample(sample.yTrue(), sample.yPred()).dtype() != DType.FLOAT64) {
        throw new UnsupportedOperationException("float64 not honoured");
      }
    })) {
      found.add(Capability.FLOAT64);
    }
    return found;
  }

  private static boolean runs(Runnable call) {
    try {
      call.run();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
