package org.loss4j.testkit.properties;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.testkit.model.Capability;

/**
 * Checks that a registry finds the provider by each of its names ({@code name()},
 * {@code className()}, {@code aliases()}), in their spelling and in upper case, and that
 * {@code name()} is snake_case.
 *
 * <p>On failure: a name is blank, collides with another of the provider's names after lower-casing,
 * or is not snake_case; see {@link LossProvider#name()}.
 */
public final class NamesResolve implements LossProperty {
  @Override
  public String id() {
    return "property.names.resolve";
  }

  @Override
  public Set<Capability> requires() {
    return Set.of();
  }

  @Override
  public void check(LossUnderTest subject) {
    LossProvider provider = subject.provider();
    String name = provider.name();
    if (!name.matches("[a-z0-9_]+")) {
      throw new AssertionError("name() must be Keras snake_case ([a-z0-9_]+), got \"" + name
          + "\"");
    }
    for (String each : subject.names()) {
      for (String spelling : new String[] {each, each.toUpperCase(Locale.ROOT)}) {
        Optional<LossProvider> found = subject.registry().find(spelling);
        if (found.isEmpty() || found.get() != provider) {
          throw new AssertionError("the registry does not find the provider by the name \""
              + spelling + "\" (names: " + subject.names() + ")");
        }
      }
    }
  }
}
