package org.loss4j.keras;

import java.util.List;
import java.util.Optional;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Reduction;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.api.spi.ParameterSpec;
import org.loss4j.api.spi.ParameterType;
import org.loss4j.api.spi.StandardParameters;

/**
 * A test-only provider of {@link Poly1} that declares the Keras registered name
 * {@code acme>Poly1}, under which {@code custom_registered.keras} was saved.
 */
public final class Poly1Provider implements LossProvider {
  static final String NAME = "poly1";
  static final String REGISTERED_NAME = "acme>Poly1";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String className() {
    return "Poly1";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return StandardParameters.withCommon(NAME, ParameterSpec.of("epsilon", ParameterType.DOUBLE,
        1.0, "Weight of the (1 - p_t) term."));
  }

  @Override
  public Loss create(LossConfig config) {
    return new Poly1(config.getDouble("epsilon"), Reduction.parse(config.getString("reduction")),
        config.getString("name"), DType.parseCompute(config.getString("dtype")));
  }

  @Override
  public Optional<String> kerasRegisteredName() {
    return Optional.of(REGISTERED_NAME);
  }
}
