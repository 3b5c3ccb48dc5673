package org.loss4j.cli.testing;

import java.util.List;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.api.spi.ParameterSpec;
import org.loss4j.api.spi.ParameterType;
import org.loss4j.api.spi.StandardParameters;

/**
 * Provides {@code cli_test_wrong_gradient}: the squared error of {@link SquaredErrorProvider} with
 * a gradient twice too large, so that the conformance kit has something to fail.
 */
public final class WrongGradientProvider implements LossProvider {
  /** The registry name. */
  public static final String NAME = "cli_test_wrong_gradient";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String className() {
    return "CliTestWrongGradient";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return StandardParameters.withCommon(NAME,
        ParameterSpec.of("scale", ParameterType.DOUBLE, 1.0, "A factor on the loss, >= 0."));
  }

  @Override
  public Loss create(LossConfig config) {
    return new SquaredErrorProvider.SquaredError(config, 2.0);
  }
}
