package org.loss4j.keras;

import org.loss4j.api.AbstractLoss;
import org.loss4j.api.DType;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Operands;
import org.loss4j.api.Reduction;

/**
 * A test-only stand-in for a third party's custom loss, Poly-1 cross-entropy on one-hot
 * probabilities: {@code loss = -sum(y * log(p)) + epsilon * (1 - sum(y * p))} per row.
 *
 * <p>It exists so that the custom-loss path of the reader is tested without depending on
 * loss-examples; it does no input validation beyond the shapes.
 */
final class Poly1 extends AbstractLoss {
  private final double epsilon;

  Poly1(double epsilon, Reduction reduction, String name, DType dtype) {
    super(name, reduction, dtype);
    this.epsilon = epsilon;
  }

  @Override
  protected int[] perSampleShape(Operands operands) {
    int[] shape = operands.yPredShape();
    if (shape.length != 2 || !java.util.Arrays.equals(shape, operands.yTrueShape())) {
      throw new IllegalArgumentException("Poly1: expected y_true and y_pred of one shape [N, C]");
    }
    return new int[] {shape[0]};
  }

  @Override
  protected void forward(Operands operands, double[] perSample) {
    int classes = operands.yPredShape()[1];
    for (int row = 0; row < perSample.length; row++) {
      double crossEntropy = 0;
      double pTarget = 0;
      for (int c = 0; c < classes; c++) {
        double y = operands.yTrue()[row * classes + c];
        double p = operands.yPred()[row * classes + c];
        crossEntropy -= y * Math.log(p);
        pTarget += y * p;
      }
      perSample[row] = crossEntropy + epsilon * (1 - pTarget);
    }
  }

  @Override
  protected void backward(Operands operands, double[] upstream, double[] gradient) {
    int classes = operands.yPredShape()[1];
    for (int i = 0; i < gradient.length; i++) {
      double y = operands.yTrue()[i];
      gradient[i] = upstream[i / classes] * (-y / operands.yPred()[i] - epsilon * y);
    }
  }

  @Override
  public LossConfig config() {
    return LossConfig.builder(Poly1Provider.NAME)
        .put("epsilon", epsilon)
        .put("reduction", reduction() == Reduction.NONE ? null : reduction().kerasName())
        .put("name", name())
        .put("dtype", dtype().kerasName())
        .build();
  }
}
