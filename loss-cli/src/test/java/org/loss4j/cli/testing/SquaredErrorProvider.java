package org.loss4j.cli.testing;

import java.util.List;
import java.util.Set;
import org.loss4j.api.AbstractLoss;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Operands;
import org.loss4j.api.Reduction;
import org.loss4j.api.Shapes;
import org.loss4j.api.Tensor;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.api.spi.ParameterSpec;
import org.loss4j.api.spi.ParameterType;
import org.loss4j.api.spi.StandardParameters;

/**
 * Provides {@code cli_test_squared_error}: {@code scale * mean((y_pred - y_true)^2)} over the last
 * axis, a loss whose values the tests can compute by hand. {@code scale} must be {@code >= 0}.
 */
public final class SquaredErrorProvider implements LossProvider {
  /** The registry name. */
  public static final String NAME = "cli_test_squared_error";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String className() {
    return "CliTestSquaredError";
  }

  @Override
  public Set<String> aliases() {
    return Set.of("cli_sq");
  }

  @Override
  public List<ParameterSpec> parameters() {
    return StandardParameters.withCommon(NAME,
        ParameterSpec.of("scale", ParameterType.DOUBLE, 1.0, "A factor on the loss, >= 0."));
  }

  @Override
  public Loss create(LossConfig config) {
    return new SquaredError(config, 1.0);
  }

  /** The loss itself; a {@code gradientFactor} other than 1 makes its gradient wrong. */
  static final class SquaredError extends AbstractLoss {
    private final LossConfig config;
    private final double scale;
    private final double gradientFactor;
    private final String displayName;

    SquaredError(LossConfig config, double gradientFactor) {
      this(config, gradientFactor, "CliTestSquaredError");
    }

    /** Creates the loss under another name for messages, for a provider that wraps it. */
    SquaredError(LossConfig config, double gradientFactor, String displayName) {
      super(config.getString("name"), Reduction.parse(config.getString("reduction")),
          DType.parseCompute(config.getString("dtype")));
      this.config = config;
      this.scale = config.getDouble("scale");
      this.gradientFactor = gradientFactor;
      this.displayName = displayName;
      if (scale < 0) {
        throw new IllegalArgumentException(displayName + ": scale must be >= 0, got " + scale);
      }
    }

    @Override
    protected String displayName() {
      return displayName;
    }

    @Override
    public LossConfig config() {
      return config;
    }

    @Override
    protected int[] perSampleShape(Operands operands) {
      int[] shape = operands.yPredShape();
      if (!java.util.Arrays.equals(shape, operands.yTrueShape()) || shape.length == 0) {
        throw new IllegalArgumentException(displayName + ": y_true shape "
            + Tensor.formatShape(operands.yTrueShape()) + " must equal y_pred shape "
            + Tensor.formatShape(shape));
      }
      return Shapes.dropLast(shape);
    }

    @Override
    protected void forward(Operands operands, double[] perSample) {
      int[] shape = operands.yPredShape();
      int classes = shape[shape.length - 1];
      for (int i = 0; i < perSample.length; i++) {
        double sum = 0;
        for (int k = 0; k < classes; k++) {
          double diff = operands.yPred()[i * classes + k] - operands.yTrue()[i * classes + k];
          sum += diff * diff;
        }
        perSample[i] = scale * sum / classes;
      }
    }

    @Override
    protected void backward(Operands operands, double[] upstream, double[] gradient) {
      int[] shape = operands.yPredShape();
      int classes = shape[shape.length - 1];
      for (int j = 0; j < gradient.length; j++) {
        double diff = operands.yPred()[j] - operands.yTrue()[j];
        gradient[j] = gradientFactor * upstream[j / classes] * scale * 2 * diff / classes;
      }
    }
  }
}
