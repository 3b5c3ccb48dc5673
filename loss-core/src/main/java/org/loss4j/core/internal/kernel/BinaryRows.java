package org.loss4j.core.internal.kernel;

import org.loss4j.api.DType;
import org.loss4j.core.kernel.Clipping;
import org.loss4j.core.kernel.Logistic;
import org.loss4j.core.kernel.RowKernel;

/**
 * The binary cross-entropy of rows, on the scalar path: the mean over a row of
 * {@link Logistic#crossentropyFromLogit} (or {@code FromProbability}) of the smoothed label
 * {@code t = y * (1 - s) + s / 2}, and {@code upstream / n} times its derivative.
 */
public class BinaryRows extends RowKernel {
  private final boolean fromLogits;
  private final double smoothing;
  private final double lower;
  private final double upper;

  /** Creates the kernel; {@code smoothing} is the validated label smoothing. */
  public BinaryRows(float[] yTrue, float[] yPred, int rowLength, boolean fromLogits,
      double smoothing) {
    super(yTrue, yPred, rowLength);
    this.fromLogits = fromLogits;
    this.smoothing = smoothing;
    this.lower = Clipping.lower(DType.FLOAT32);
    this.upper = Clipping.upper(DType.FLOAT32);
  }

  /** Returns the smoothed label of element {@code i}. */
  protected final double target(int i) {
    double label = yTrue[i];
    return smoothing == 0 ? label : label * (1 - smoothing) + 0.5 * smoothing;
  }

  /** Returns the cross-entropy of element {@code i}. */
  protected final double term(int i) {
    return fromLogits ? Logistic.crossentropyFromLogit(target(i), yPred[i])
        : Logistic.crossentropyFromProbability(target(i), yPred[i], lower, upper);
  }

  /** Returns the derivative of {@link #term} with respect to {@code y_pred[i]}. */
  protected final double derivative(int i) {
    return fromLogits ? Logistic.crossentropyFromLogitDerivative(target(i), yPred[i])
        : Logistic.crossentropyFromProbabilityDerivative(target(i), yPred[i], lower, upper);
  }

  @Override
  protected double row(int row, double upstream, float[] gradient) {
    int length = rowLength();
    int start = row * length;
    double sum = 0;
    for (int i = start; i < start + length; i++) {
      sum += term(i);
    }
    if (gradient != null) {
      double scale = upstream / length;
      for (int i = start; i < start + length; i++) {
        gradient[i] = (float) (scale * derivative(i));
      }
    }
    return sum / length;
  }

  @Override
  public String toString() {
    return "scalar BinaryCrossentropy rows from " + (fromLogits ? "logits" : "probabilities");
  }
}
