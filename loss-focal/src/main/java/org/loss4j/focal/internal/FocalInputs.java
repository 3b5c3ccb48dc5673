package org.loss4j.focal.internal;

import java.util.Arrays;
import org.loss4j.api.Operands;
import org.loss4j.api.Tensor;
import org.loss4j.core.kernel.ClassAxis;

/**
 * The input checks the focal losses share, with messages that name the loss, the argument, what
 * was received and what was expected. They repeat loss-core's checks for BinaryCrossentropy and
 * CategoricalCrossentropy, which loss-core keeps in a non-exported package.
 */
public final class FocalInputs {
  private FocalInputs() {}

  /**
   * Returns the axis {@code axis} of {@code y_pred} after requiring {@code y_true} and
   * {@code y_pred} to have one shape of rank at least 1 (after the base class's {@code [N]}
   * against {@code [N, 1]} alignment; nothing is broadcast).
   *
   * @throws IllegalArgumentException if the shapes differ, the rank is 0 or the axis is out of
   *     range
   */
  public static ClassAxis sameShapeAxis(String loss, Operands operands, int axis) {
    int[] yTrue = operands.yTrueShape();
    int[] yPred = operands.yPredShape();
    if (!Arrays.equals(yTrue, yPred)) {
      throw new IllegalArgumentException(String.format(
          "%s: y_true shape %s does not match y_pred shape %s, expected equal shapes"
              + " ([N] against [N, 1] is aligned, nothing else is broadcast)",
          loss, Tensor.formatShape(yTrue), Tensor.formatShape(yPred)));
    }
    if (yPred.length == 0) {
      throw new IllegalArgumentException(
          loss + ": y_pred shape [] has rank 0, expected rank >= 1");
    }
    return ClassAxis.of(yPred, axis, loss);
  }

  /**
   * Requires every lane of probabilities to have a non-zero sum, which renormalisation needs
   * (Keras gives NaN).
   *
   * @throws IllegalArgumentException naming the first such lane, as {@code y_pred[1, :]}
   */
  public static void requireNonZeroSums(String loss, double[] yPred, int[] shape,
      ClassAxis classes) {
    for (int lane = 0; lane < classes.lanes(); lane++) {
      int start = classes.laneStart(lane);
      double sum = 0;
      for (int k = 0, i = start; k < classes.length(); k++, i += classes.stride()) {
        sum += yPred[i];
      }
      if (sum == 0) {
        throw new IllegalArgumentException(String.format(
            "%s: y_pred%s sums to 0 along axis %d, expected probabilities with a positive sum",
            loss, laneIndex(shape, classes.axis(), start), classes.axis()));
      }
    }
  }

  /** Formats the position of a lane, such as {@code [1, :, 3]}, with {@code :} on the axis. */
  private static String laneIndex(int[] shape, int axis, int start) {
    int[] index = new int[shape.length];
    int rest = start;
    for (int d = shape.length - 1; d >= 0; d--) {
      index[d] = rest % shape[d];
      rest /= shape[d];
    }
    StringBuilder text = new StringBuilder("[");
    for (int d = 0; d < shape.length; d++) {
      text.append(d == 0 ? "" : ", ").append(d == axis ? ":" : String.valueOf(index[d]));
    }
    return text.append(']').toString();
  }
}
