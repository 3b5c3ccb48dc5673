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
 * Registers {@link SparseCategoricalCrossentropy} as {@code sparse_categorical_crossentropy},
 * {@code SparseCategoricalCrossentropy} and {@code scce}, with the parameters
 * {@code from_logits}, {@code ignore_class}, {@code axis}, {@code reduction}, {@code name} and
 * {@code dtype}.
 */
public final class SparseCategoricalCrossentropyProvider implements LossProvider {
  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public SparseCategoricalCrossentropyProvider() {}

  /** Returns {@code sparse_categorical_crossentropy}. */
  @Override
  public String name() {
    return SparseCategoricalCrossentropy.NAME;
  }

  /** Returns {@code SparseCategoricalCrossentropy}. */
  @Override
  public String className() {
    return "SparseCategoricalCrossentropy";
  }

  /** Returns {@code scce}. */
  @Override
  public Set<String> aliases() {
    return Set.of("scce");
  }

  /**
   * Returns the parameters with Keras's defaults: {@code from_logits}, {@code ignore_class},
   * {@code axis}, then {@code reduction}, {@code name}, {@code dtype}. (Keras's constructor takes
   * {@code reduction} before {@code axis}; the shared parameters stay last here.)
   */
  @Override
  public List<ParameterSpec> parameters() {
    return StandardParameters.withCommon(SparseCategoricalCrossentropy.NAME,
        StandardParameters.FROM_LOGITS, StandardParameters.IGNORE_CLASS,
        StandardParameters.AXIS);
  }

  /**
   * Returns a {@link SparseCategoricalCrossentropy}; absent arguments take their defaults.
   *
   * @throws IllegalArgumentException if an argument is out of range
   */
  @Override
  public Loss create(LossConfig config) {
    return SparseCategoricalCrossentropy.builder()
        .fromLogits(ConfigValues.bool(config, "from_logits", false))
        .ignoreClass(ConfigValues.nullableInteger(config, "ignore_class"))
        .axis(ConfigValues.integer(config, "axis", -1))
        .commonArguments(config)
        .build();
  }
}
