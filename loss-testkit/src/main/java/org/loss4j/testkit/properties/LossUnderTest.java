package org.loss4j.testkit.properties;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.loss4j.api.Loss;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.api.spi.ParameterSpec;
import org.loss4j.testkit.model.Capability;
import org.loss4j.testkit.model.Sample;
import org.opentest4j.TestAbortedException;

/**
 * What a {@link LossProperty} checks: one provider, in a registry of its own, with its declared
 * capabilities and the sample inputs the kit found for it.
 */
public final class LossUnderTest {
  private final LossProvider provider;
  private final LossRegistry registry;
  private final Set<Capability> capabilities;
  private final Sample sample;
  private final String noSampleReason;

  /**
   * Creates the subject of the properties.
   *
   * @param provider the provider under test; never null
   * @param capabilities what it declares; never null
   * @param sample inputs that fit the loss, or null when none was found
   * @param noSampleReason why no sample was found (used when {@code sample} is null)
   */
  public LossUnderTest(LossProvider provider, Set<Capability> capabilities, Sample sample,
      String noSampleReason) {
    this.provider = provider;
    this.registry = LossRegistry.of(provider);
    this.capabilities = Set.copyOf(capabilities);
    this.sample = sample;
    this.noSampleReason = noSampleReason;
  }

  /** Returns the provider under test. */
  public LossProvider provider() {
    return provider;
  }

  /** Returns a registry holding only this provider. */
  public LossRegistry registry() {
    return registry;
  }

  /** Returns every name the registry lists for the provider (name, class name, aliases). */
  public List<String> names() {
    return registry.installed().get(0).names();
  }

  /** Returns whether the provider declares a capability. */
  public boolean has(Capability capability) {
    return capabilities.contains(capability);
  }

  /** Returns whether the provider has a parameter of that Keras name. */
  public boolean hasParameter(String name) {
    for (ParameterSpec spec : provider.parameters()) {
      if (spec.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the sample inputs, or empty when no input family fits the loss. */
  public Optional<Sample> findSample() {
    return Optional.ofNullable(sample);
  }

  /**
   * Returns the sample inputs.
   *
   * @throws TestAbortedException (a skip) when no input family fits the loss; the check
   *     {@code property.sample-inputs} reports that as a failure once
   */
  public Sample sample() {
    if (sample == null) {
      throw new TestAbortedException("no sample input fits this loss (" + noSampleReason
          + "); give one with LossConformance.Builder.withSample(...)");
    }
    return sample;
  }

  /** Returns why no sample was found, or an empty string. */
  public String noSampleReason() {
    return noSampleReason == null ? "" : noSampleReason;
  }

  /**
   * Returns a loss with its defaults except for the given Keras-named values.
   *
   * @param keyValues alternating names and values, such as {@code "reduction", "sum"}
   */
  public Loss create(Object... keyValues) {
    return registry.create(provider.name(), parameters(keyValues));
  }

  /** Returns alternating names and values as an ordered map. */
  static Map<String, Object> parameters(Object... keyValues) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      parameters.put((String) keyValues[i], keyValues[i + 1]);
    }
    return parameters;
  }

  /** Returns the name-value pairs with {@code from_logits = true} appended when asked. */
  static Object[] withLogits(boolean fromLogits, Object... keyValues) {
    if (!fromLogits) {
      return keyValues;
    }
    List<Object> all = new ArrayList<>(List.of(keyValues));
    all.add("from_logits");
    all.add(true);
    return all.toArray();
  }

  /** Returns whether an exception message names the loss (any of its names, ignoring case). */
  public boolean namesTheLoss(String message) {
    if (message == null) {
      return false;
    }
    String lower = message.toLowerCase(Locale.ROOT);
    for (String name : names()) {
      if (lower.contains(name.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** Returns {@code name (class)}. */
  @Override
  public String toString() {
    return provider.name() + " (" + provider.getClass().getName() + ")";
  }
}
