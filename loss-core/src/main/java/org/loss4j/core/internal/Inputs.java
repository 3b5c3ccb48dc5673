package org.loss4j.core.internal;

import java.util.Arrays;
import org.loss4j.api.Operands;
import org.loss4j.api.Tensor;
import org.loss4j.core.kernel.ClassAxis;

/**
 * Checks the shapes of aligned inputs, with messages that name the loss, the argument, the shape
 * received and what was expected.
 */
public final class Inputs {
  private Inputs() {}

  /**
   * Requires {@code y_true} and {@code y_pred} to have equal shapes of rank at least 1 (after the
   * base class's {@code [N]} against {@code [N, 1]} alignment; nothing is broadcast).
   *
   * @throws IllegalArgumentException otherwise
   */
  public static void requireSameShape(String loss, Operands operands) {
    int[] yTrue = operands.yTrueShape();
    int[] yPred = operands.yPredShape();
    if (!Arrays.equals(yTrue, yPred)) {
      throw new IllegalArgumentException(String.format(
          "%s: y_true shape %s does not match y_pred shape %s, expected equal shapes"
              + " ([N] against [N, 1] is aligned, nothing else is broadcast)",
          loss, Tensor.formatShape(yTrue), Tensor.formatShape(yPred)));
    }
    requireRank(loss, yPred);
  }

  /**
   * Requires {@code y_pred} to have rank at least 1.
   *
   * @throws IllegalArgumentException otherwise
   */
  public static void requireRank(String loss, int[] yPredShape) {
    if (yPredShape.length == 0) {
      throw new IllegalArgumentException(
          loss + ": y_pred shape [] has rank 0, expected rank >= 1");
    }
  }

  /**
   * Returns the class axis of {@code y_pred}, refusing an axis of size 1 (every prediction would
   * then cost about 0) or 0.
   *
   * @throws IllegalArgumentException if the axis is out of range or shorter than 2
   */
  public static ClassAxis classAxis(String loss, int[] yPredShape, int axis) {
    requireRank(loss, yPredShape);
    ClassAxis classes = ClassAxis.of(yPredShape, axis, loss);
    if (classes.length() < 2) {
      throw new IllegalArgumentException(String.format(
          "%s: y_pred shape %s has %d class%s along axis %d, expected at least 2"
              + " (the loss would be 0 whatever the prediction; use BinaryCrossentropy)",
          loss, Tensor.formatShape(yPredShape), classes.length(),
          classes.length() == 1 ? "" : "es", axis));
    }
    return classes;
  }

  /**
   * Requires every lane of probabilities to have a non-zero sum: a zero sum cannot be
   * renormalised (Keras gives NaN).
   *
   * @param skip lanes not to check (ignored labels), or null
   * @throws IllegalArgumentException naming the first such lane
   */
  public static void requireNonZeroSums(
      String loss, double[] yPred, int[] yPredShape, ClassAxis classes, boolean[] skip) {
    for (int lane = 0; lane < classes.lanes(); lane++) {
      if (skip != null && skip[lane]) {
        continue;
      }
      int start = classes.laneStart(lane);
      double sum = 0;
      for (int k = 0, i = start; k < classes.length(); k++, i += classes.stride()) {
        sum += yPred[i];
      }
      if (sum == 0) {
        throw new IllegalArgumentException(String.format(
            "%s: y_pred%s sums to 0 along axis %d, expected probabilities with a positive sum",
            loss, laneIndex(yPredShape, classes, start), classes.axis()));
      }
    }
  }

  /** Formats the position of a lane, such as {@code [1, :, 3]}, with {@code :} on the axis. */
  static String laneIndex(int[] shape, ClassAxis classes, int start) {
    int[] index = unravel(start, shape);
    StringBuilder text = new StringBuilder("[");
    for (int d = 0; d < shape.length; d++) {
      text.append(d == 0 ? "" : ", ").append(d == classes.axis() ? ":" : index[d]);
    }
    return text.append(']').toString();
  }

  /** Formats a flat index of a shape as {@code [i, j, ...]}. */
  public static String index(int flat, int[] shape) {
    return Arrays.toString(unravel(flat, shape));
  }

  private static int[] unravel(int flat, int[] shape) {
    int[] index = new int[shape.length];
    for (int d = shape.length - 1; d >= 0; d--) {
      index[d] = shape[d] == 0 ? 0 : flat % shape[d];
      flat = shape[d] == 0 ? flat : flat / shape[d];
    }
    return index;
  }
}
