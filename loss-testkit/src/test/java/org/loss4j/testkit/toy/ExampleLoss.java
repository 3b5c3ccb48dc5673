package org.loss4j.testkit.toy;

import java.util.Arrays;
import org.loss4j.api.AbstractLoss;
import org.loss4j.api.DType;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Operands;
import org.loss4j.api.Reduction;
import org.loss4j.api.Tensor;

/**
 * A correct toy loss for the kit's self-tests: the element-wise squared error
 * {@code (y_true - y_pred)^2} with no reduction over any axis, the loss Keras's own base-class
 * tests call {@code ExampleLoss} (so the kit's base-class cases apply to it).
 */
public final class ExampleLoss extends AbstractLoss {
  private final String name;

  ExampleLoss(String name, Reduction reduction, DType dtype) {
    super(name, reduction, dtype);
    this.name = name;
  }

  @Override
  protected int[] perSampleShape(Operands operands) {
    if (!Arrays.equals(operands.yTrueShape(), operands.yPredShape())) {
      throw new IllegalArgumentException("ExampleLoss: y_true shape "
          + Tensor.formatShape(operands.yTrueShape()) + " differs from y_pred shape "
          + Tensor.formatShape(operands.yPredShape()));
    }
    return operands.yPredShape().clone();
  }

  @Override
  protected void forward(Operands operands, double[] perSample) {
    for (int i = 0; i < perSample.length; i++) {
      double difference = operands.yTrue()[i] - operands.yPred()[i];
      perSample[i] = difference * difference;
    }
  }

  @Override
  protected void backward(Operands operands, double[] upstream, double[] gradient) {
    for (int i = 0; i < gradient.length; i++) {
      gradient[i] = upstream[i] * 2 * (operands.yPred()[i] - operands.yTrue()[i]);
    }
  }

  @Override
  public LossConfig config() {
    return LossConfig.builder(ExampleLossProvider.NAME)
        .put("reduction", reduction().kerasName())
        .put("name", name)
        .put("dtype", dtype().kerasName())
        .build();
  }
}
