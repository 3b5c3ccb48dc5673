package org.loss4j.api;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A test-only loss: Keras's base-class test loss {@code ExampleLoss}, the element-wise squared
 * error {@code scale * (y_true - y_pred)^2} with no reduction over any axis, so that the per-sample
 * shape is the (aligned) shape of {@code y_pred}.
 *
 * <p>Its gradient is {@code d/dp scale * (t - p)^2 = 2 * scale * (p - t)}.
 */
final class ExampleLoss extends AbstractLoss {
  static final String NAME = "example_loss";

  private final double scale;

  private ExampleLoss(double scale, Reduction reduction, DType dtype, String name) {
    super(name, reduction, dtype);
    if (!(scale > 0)) {
      throw new IllegalArgumentException("ExampleLoss: scale must be > 0, got " + scale);
    }
    this.scale = scale;
  }

  /** Returns the loss with scale 1, the given reduction and float64 arithmetic. */
  static ExampleLoss float64(Reduction reduction) {
    return new ExampleLoss(1.0, reduction, DType.FLOAT64, NAME);
  }

  /** Returns the loss with scale 1, the given reduction and float32 arithmetic (Keras's). */
  static ExampleLoss float32(Reduction reduction) {
    return new ExampleLoss(1.0, reduction, DType.FLOAT32, NAME);
  }

  /** Returns the loss a complete configuration describes. */
  static ExampleLoss fromConfig(LossConfig config) {
    String reduction = config.getString("reduction");
    return new ExampleLoss(config.getDouble("scale"), Reduction.parse(reduction),
        DType.parseCompute(config.getString("dtype")), config.getString("name"));
  }

  @Override
  protected int[] perSampleShape(Operands operands) {
    if (!Arrays.equals(operands.yTrueShape(), operands.yPredShape())) {
      throw new IllegalArgumentException(String.format(
          "ExampleLoss: y_true shape %s must equal y_pred shape %s",
          Tensor.formatShape(operands.yTrueShape()), Tensor.formatShape(operands.yPredShape())));
    }
    return operands.yPredShape().clone();
  }

  @Override
  protected void forward(Operands operands, double[] perSample) {
    double[] yTrue = operands.yTrue();
    double[] yPred = operands.yPred();
    for (int i = 0; i < perSample.length; i++) {
      double difference = yTrue[i] - yPred[i];
      perSample[i] = scale * difference * difference;
    }
  }

  @Override
  protected void backward(Operands operands, double[] upstream, double[] gradient) {
    double[] yTrue = operands.yTrue();
    double[] yPred = operands.yPred();
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] = upstream[i] * 2 * scale * (yPred[i] - yTrue[i]);
    }
  }

  @Override
  public LossConfig config() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("scale", scale);
    values.put("reduction", reduction() == Reduction.NONE ? null : reduction().kerasName());
    values.put("name", name());
    values.put("dtype", dtype().kerasName());
    return LossConfig.of(NAME, values);
  }
}
