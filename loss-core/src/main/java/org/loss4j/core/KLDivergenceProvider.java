package org.loss4j.core;

import java.util.List;
import java.util.Set;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.api.spi.ParameterSpec;
import org.loss4j.api.spi.StandardParameters;

/**
 * Registers {@link KLDivergence} as {@code kl_divergence}, {@code KLDivergence},
 * {@code kld} and {@code kullback_leibler_divergence}, with the
 * parameters {@code reduction}, {@code name} and {@code dtype}.
 */
public final class KLDivergenceProvider implements LossProvider {
  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public KLDivergenceProvider() {}

  /** Returns {@code kl_divergence}. */
  @Override
  public String name() {
    return KLDivergence.NAME;
  }

  /** Returns {@code KLDivergence}. */
  @Override
  public String className() {
    return "KLDivergence";
  }

  /** Returns {@code kld} and {@code kullback_leibler_divergence}. */
  @Override
  public Set<String> aliases() {
    return Set.of("kld", "kullback_leibler_divergence");
  }

  /** Returns {@code reduction}, {@code name} and {@code dtype}, with Keras's defaults. */
  @Override
  public List<ParameterSpec> parameters() {
    return StandardParameters.withCommon(KLDivergence.NAME);
  }

  /**
   * Returns a {@link KLDivergence}; absent arguments take their defaults.
   *
   * @throws IllegalArgumentException if the reduction or dtype names nothing known
   */
  @Override
  public Loss create(LossConfig config) {
    return KLDivergence.builder()
        .commonArguments(config)
        .build();
  }
}
