package org.loss4j.core;

import java.util.List;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.api.spi.ParameterSpec;
import org.loss4j.api.spi.StandardParameters;

/**
 * Registers {@link Poisson} as {@code poisson} and {@code Poisson}, with the
 * parameters {@code reduction}, {@code name} and {@code dtype}.
 */
public final class PoissonProvider implements LossProvider {
  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public PoissonProvider() {}

  /** Returns {@code poisson}. */
  @Override
  public String name() {
    return Poisson.NAME;
  }

  /** Returns {@code Poisson}. */
  @Override
  public String className() {
    return "Poisson";
  }

  /** Returns {@code reduction}, {@code name} and {@code dtype}, with Keras's defaults. */
  @Override
  public List<ParameterSpec> parameters() {
    return StandardParameters.withCommon(Poisson.NAME);
  }

  /**
   * Returns a {@link Poisson}; absent arguments take their defaults.
   *
   * @throws IllegalArgumentException if the reduction or dtype names nothing known
   */
  @Override
  public Loss create(LossConfig config) {
    return Poisson.builder()
        .commonArguments(config)
        .build();
  }
}
