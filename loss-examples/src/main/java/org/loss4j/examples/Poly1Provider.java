package org.loss4j.examples;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Reduction;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.api.spi.ParameterSpec;
import org.loss4j.api.spi.ParameterType;
import org.loss4j.api.spi.StandardParameters;

/**
 * Registers {@link Poly1} under {@code poly1} (alias {@code poly1_crossentropy}, class name
 * {@code Poly1}), with the Keras registered name {@code acme>Poly1} that a Keras model saved with
 * {@code @keras.saving.register_keras_serializable(package="acme")} carries.
 *
 * <p>Parameters: {@code epsilon} (default 1.0), {@code from_logits} (default false), then
 * {@code reduction}, {@code name} and {@code dtype}.
 */
public final class Poly1Provider implements LossProvider {
  /** The registry name. */
  static final String NAME = "poly1";

  /** The {@code epsilon} parameter: the weight of {@code (1 - pT)}, {@code >= -1}. */
  static final ParameterSpec EPSILON = ParameterSpec.of("epsilon", ParameterType.DOUBLE, 1.0,
      "Weight of the first polynomial term (1 - pT), >= -1.");

  /** Creates the provider; the registry calls this through ServiceLoader. */
  public Poly1Provider() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String className() {
    return "Poly1";
  }

  @Override
  public Set<String> aliases() {
    return Set.of("poly1_crossentropy");
  }

  @Override
  public List<ParameterSpec> parameters() {
    return StandardParameters.withCommon(NAME, EPSILON, StandardParameters.FROM_LOGITS);
  }

  @Override
  public Loss create(LossConfig config) {
    return Poly1.builder()
        .epsilon(config.getDouble("epsilon"))
        .fromLogits(config.getBoolean("from_logits"))
        .reduction(Reduction.parse((String) config.get("reduction")))
        .name(config.getString("name"))
        .dtype(DType.parseCompute(config.getString("dtype")))
        .build();
  }

  @Override
  public Optional<String> kerasRegisteredName() {
    return Optional.of("acme>Poly1");
  }
}
