package org.loss4j.testkit.properties;

import java.util.Optional;
import java.util.Set;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.testkit.model.Capability;

/**
 * Checks that {@link LossRegistry#global()} (ServiceLoader discovery) finds a provider of the same
 * class under the provider's name.
 *
 * <p>On failure: the class is missing from
 * {@code META-INF/services/org.loss4j.api.spi.LossProvider} (class path) or from
 * {@code provides org.loss4j.api.spi.LossProvider with ...} in {@code module-info.java} (module
 * path), or it failed to load: see {@link LossRegistry#broken()}, listed in the message.
 */
public final class ServiceDiscovery implements LossProperty {
  @Override
  public String id() {
    return "property.names.discoverable";
  }

  @Override
  public Set<Capability> requires() {
    return Set.of(Capability.DISCOVERABLE);
  }

  @Override
  public void check(LossUnderTest subject) {
    LossProvider provider = subject.provider();
    Optional<LossProvider> found = LossRegistry.global().find(provider.name());
    if (found.isEmpty() || found.get().getClass() != provider.getClass()) {
      throw new AssertionError("LossRegistry.global() does not find " + provider.getClass()
          .getName() + " under \"" + provider.name() + "\" (found: "
          + found.map(p -> p.getClass().getName()).orElse("nothing") + "; broken providers: "
          + LossRegistry.global().broken() + ")");
    }
  }
}
