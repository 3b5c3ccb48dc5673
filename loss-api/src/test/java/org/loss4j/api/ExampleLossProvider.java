package org.loss4j.api;

import java.util.List;
import java.util.Set;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.api.spi.ParameterSpec;
import org.loss4j.api.spi.ParameterType;
import org.loss4j.api.spi.StandardParameters;

/** A test-only provider of {@link ExampleLoss}: {@code example_loss}, alias {@code exl}. */
public final class ExampleLossProvider implements LossProvider {
  static final ParameterSpec SCALE = ParameterSpec.of("scale", ParameterType.DOUBLE, 1.0,
      "Factor in front of the squared error, > 0.");

  @Override
  public String name() {
    return ExampleLoss.NAME;
  }

  @Override
  public String className() {
    return "ExampleLoss";
  }

  @Override
  public Set<String> aliases() {
    return Set.of("exl");
  }

  @Override
  public List<ParameterSpec> parameters() {
    return StandardParameters.withCommon(ExampleLoss.NAME, SCALE);
  }

  @Override
  public Loss create(LossConfig config) {
    return ExampleLoss.fromConfig(config);
  }
}
