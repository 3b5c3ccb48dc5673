package org.loss4j.core;

import java.util.List;
import java.util.Set;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.api.spi.ParameterSpec;
import org.loss4j.api.spi.StandardParameters;
import org.loss4j.core.internal.ConfigValues;

/**
 * Registers {@link CategoricalCrossentropy} as {@code categorical_crossentropy},
 * {@code CategoricalCrossentropy} and {@code cce}, with the parameters {@code from_logits},
 * {@code label_smoothing}, {@code axis}, {@code reduction}, {@code name} and {@code dtype}.
 */
public final class CategoricalCrossentropyProvider implements LossProvider {
  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public CategoricalCrossentropyProvider() {}

  /** Returns {@code categorical_crossentropy}. */
  @Override
  public String name() {
    return CategoricalCrossentropy.NAME;
  }

  /** Returns {@code CategoricalCrossentropy}. */
  @Override
  public String className() {
    return "CategoricalCrossentropy";
  }

  /** Returns {@code cce}. */
  @Override
  public Set<String> aliases() {
    return Set.of("cce");
  }

  /** Returns the parameters in Keras's order, with Keras's defaults. */
  @Override
  public List<ParameterSpec> parameters() {
    return StandardParameters.withCommon(CategoricalCrossentropy.NAME,
        StandardParameters.FROM_LOGITS, StandardParameters.LABEL_SMOOTHING,
        StandardParameters.AXIS);
  }

  /**
   * Returns a {@link CategoricalCrossentropy}; absent arguments take their defaults.
   *
   * @throws IllegalArgumentException if an argument is out of range
   */
  @Override
  public Loss create(LossConfig config) {
    return CategoricalCrossentropy.builder()
        .fromLogits(ConfigValues.bool(config, "from_logits", false))
        .labelSmoothing(ConfigValues.number(config, "label_smoothing", 0.0))
        .axis(ConfigValues.integer(config, "axis", -1))
        .commonArguments(config)
        .build();
  }
}
