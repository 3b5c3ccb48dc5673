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
 * Registers {@link BinaryCrossentropy} as {@code binary_crossentropy}, {@code BinaryCrossentropy}
 * and {@code bce}, with the parameters {@code from_logits}, {@code label_smoothing}, {@code axis},
 * {@code reduction}, {@code name} and {@code dtype}.
 */
public final class BinaryCrossentropyProvider implements LossProvider {
  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public BinaryCrossentropyProvider() {}

  /** Returns {@code binary_crossentropy}. */
  @Override
  public String name() {
    return BinaryCrossentropy.NAME;
  }

  /** Returns {@code BinaryCrossentropy}. */
  @Override
  public String className() {
    return "BinaryCrossentropy";
  }

  /** Returns {@code bce}. */
  @Override
  public Set<String> aliases() {
    return Set.of("bce");
  }

  /** Returns the parameters in Keras's order, with Keras's defaults. */
  @Override
  public List<ParameterSpec> parameters() {
    return StandardParameters.withCommon(BinaryCrossentropy.NAME,
        StandardParameters.FROM_LOGITS, StandardParameters.LABEL_SMOOTHING,
        StandardParameters.AXIS);
  }

  /**
   * Returns a {@link BinaryCrossentropy}; absent arguments take their defaults.
   *
   * @throws IllegalArgumentException if an argument is out of range
   */
  @Override
  public Loss create(LossConfig config) {
    return BinaryCrossentropy.builder()
        .fromLogits(ConfigValues.bool(config, "from_logits", false))
        .labelSmoothing(ConfigValues.number(config, "label_smoothing", 0.0))
        .axis(ConfigValues.integer(config, "axis", -1))
        .commonArguments(config)
        .build();
  }
}
