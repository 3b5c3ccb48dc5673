package org.loss4j.testkit.toy;

import java.util.List;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Reduction;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.api.spi.ParameterSpec;
import org.loss4j.api.spi.StandardParameters;

/** Provides the correct toy {@link ExampleLoss}, registered under {@code example_loss}. */
public final class ExampleLossProvider implements LossProvider {
  static final String NAME = "example_loss";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String className() {
    return "ExampleLoss";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return StandardParameters.withCommon(NAME);
  }

  @Override
  public Loss create(LossConfig config) {
    return new ExampleLoss(config.getString("name"),
        Reduction.parse((String) config.get("reduction")),
        DType.parseCompute(config.getString("dtype")));
  }
}
