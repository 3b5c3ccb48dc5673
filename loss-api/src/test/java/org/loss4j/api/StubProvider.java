package org.loss4j.api;

import java.util.List;
import java.util.Set;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.api.spi.ParameterSpec;
import org.loss4j.api.spi.StandardParameters;

/** A test-only provider with chosen names; it builds a float64 {@link ExampleLoss}. */
class StubProvider implements LossProvider {
  private final String name;
  private final String className;
  private final Set<String> aliases;

  StubProvider(String name, String className, String... aliases) {
    this.name = name;
    this.className = className;
    this.aliases = Set.of(aliases);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String className() {
    return className;
  }

  @Override
  public Set<String> aliases() {
    return aliases;
  }

  @Override
  public List<ParameterSpec> parameters() {
    return StandardParameters.withCommon(name);
  }

  @Override
  public Loss create(LossConfig config) {
    return ExampleLoss.float64(Reduction.parse(config.getString("reduction")));
  }

  /** A second provider class, so that a clash names two distinct classes. */
  static final class Clashing extends StubProvider {
    Clashing(String name, String className, String... aliases) {
      super(name, className, aliases);
    }
  }
}
