package org.loss4j.cli.testing;

import java.util.List;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.LossAndGradient;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Reduction;
import org.loss4j.api.Tensor;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.api.spi.ParameterSpec;
import org.loss4j.api.spi.ParameterType;
import org.loss4j.api.spi.StandardParameters;

/**
 * Provides {@code cli_test_plain}: the squared error of {@link SquaredErrorProvider} behind a
 * class that implements {@link Loss} directly instead of extending
 * {@link org.loss4j.api.AbstractLoss}, so that it lacks {@link Loss#reductionSums} and cannot be
 * streamed.
 */
public final class PlainLossProvider implements LossProvider {
  /** The registry name. */
  public static final String NAME = "cli_test_plain";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String className() {
    return "CliTestPlain";
  }

  @Override
  public List<ParameterSpec> parameters() {
    return StandardParameters.withCommon(NAME,
        ParameterSpec.of("scale", ParameterType.DOUBLE, 1.0, "A factor on the loss, >= 0."));
  }

  @Override
  public Loss create(LossConfig config) {
    return new PlainLoss(new SquaredErrorProvider.SquaredError(config, 1.0, "CliTestPlain"));
  }

  /** Forwards every method but {@code reductionSums} to the squared error. */
  static final class PlainLoss implements Loss {
    private final Loss delegate;

    PlainLoss(Loss delegate) {
      this.delegate = delegate;
    }

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public Reduction reduction() {
      return delegate.reduction();
    }

    @Override
    public DType dtype() {
      return delegate.dtype();
    }

    @Override
    public LossConfig config() {
      return delegate.config();
    }

    @Override
    public Tensor perSample(Tensor yTrue, Tensor yPred) {
      return delegate.perSample(yTrue, yPred);
    }

    @Override
    public Tensor compute(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask) {
      return delegate.compute(yTrue, yPred, sampleWeight, mask);
    }

    @Override
    public Tensor gradient(
        Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask, Tensor upstream) {
      return delegate.gradient(yTrue, yPred, sampleWeight, mask, upstream);
    }

    @Override
    public LossAndGradient valueAndGradient(
        Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask) {
      return delegate.valueAndGradient(yTrue, yPred, sampleWeight, mask);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof PlainLoss && config().equals(((PlainLoss) other).config());
    }

    @Override
    public int hashCode() {
      return config().hashCode();
    }
  }
}
