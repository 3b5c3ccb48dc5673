package org.loss4j.core.kernel;

import java.util.Arrays;
import org.loss4j.api.Operands;
import org.loss4j.api.Tensor;

/**
 * Checks the aligned inputs of a loss before anything is computed, with messages that name the
 * loss, the argument, what was received and what was expected, such as
 * {@code CategoricalCrossentropy: y_pred[1, :] sums to 0 along axis 1, expected probabilities
 * with a positive sum}. The loss modules share them so that every loss refuses the same input
 * with the same words; a third-party loss may use them too.
 *
 * <pre>{@code
 * protected int[] perSampleShape(Operands operands) {
 *   InputChecks.requireSameShape("AcmeLoss", operands);
 *   ClassAxis classes = InputChecks.classAxis("AcmeLoss", operands.yPredShape(), -1, "AcmeBinary");
 *   InputChecks.requireNonZeroSums("AcmeLoss", operands.yPred(), operands.yPredShape(), classes,
 *       null);
 *   return classes.reducedShape();
 * }
 * }</pre>
 */
public final class InputChecks {
  private InputChecks() {}

  /**
   * Requires {@code y_true} and {@code y_pred} to have equal shapes of rank at least 1, after the
   * base class's {@code [N]} against {@code [N, 1]} alignment; nothing is broadcast.
   *
   * @param loss the loss's class name, for the message
   * @throws IllegalArgumentException if the shapes differ or have rank 0
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
   * Returns the axis {@code axis} of {@code y_pred} after {@link #requireSameShape}; its
   * {@link ClassAxis#reducedShape()} is then the per-sample shape of a loss reduced over it.
   *
   * @param loss the loss's class name, for the message
   * @param axis the reduced axis, negative counting from the end
   * @throws IllegalArgumentException if the shapes differ, have rank 0, lack the axis, or hold
   *     samples with no values along it (their mean would be 0 / 0)
   */
  public static ClassAxis sameShapeAxis(String loss, Operands operands, int axis) {
    requireSameShape(loss, operands);
    ClassAxis lanes = ClassAxis.of(operands.yPredShape(), axis, loss);
    if (lanes.length() == 0 && lanes.lanes() > 0) {
      throw new IllegalArgumentException(String.format(
          "%s: y_pred shape %s has no values along axis %d, expected at least 1 per sample",
          loss, Tensor.formatShape(operands.yPredShape()), axis));
    }
    return lanes;
  }

  /**
   * Requires {@code y_pred} to have rank at least 1.
   *
   * @param loss the loss's class name, for the message
   * @throws IllegalArgumentException if the shape is {@code []}
   */
  public static void requireRank(String loss, int[] yPredShape) {
    if (yPredShape.length == 0) {
      throw new IllegalArgumentException(
          loss + ": y_pred shape [] has rank 0, expected rank >= 1");
    }
  }

  /**
   * Returns the class axis of {@code y_pred}, which must hold at least 2 classes: along a single
   * class every normalised prediction is 1 and the loss would be about 0 whatever the input.
   *
   * @param loss the loss's class name, for the message
   * @param axis the class axis, negative counting from the end
   * @param binaryLoss the loss the message suggests for one class, such as
   *     {@code BinaryCrossentropy}
   * @throws IllegalArgumentException if the rank is 0, the axis is out of range or it holds fewer
   *     than 2 classes
   */
  public static ClassAxis classAxis(String loss, int[] yPredShape, int axis, String binaryLoss) {
    requireRank(loss, yPredShape);
    ClassAxis classes = ClassAxis.of(yPredShape, axis, loss);
    if (classes.length() < 2) {
      throw new IllegalArgumentException(String.format(
          "%s: y_pred shape %s has %d class%s along axis %d, expected at least 2"
              + " (the loss would be 0 whatever the prediction; use %s)",
          loss, Tensor.formatShape(yPredShape), classes.length(),
          classes.length() == 1 ? "" : "es", axis, binaryLoss));
    }
    return classes;
  }

  /**
   * Requires every lane of probabilities along the class axis to have a non-zero sum: a zero sum
   * cannot be renormalised (Keras gives NaN).
   *
   * @param loss the loss's class name, for the message
   * @param skip lanes not to check (such as ignored labels), or null to check every lane
   * @throws IllegalArgumentException naming the first such lane, as {@code y_pred[1, :]}
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

  /**
   * Formats the position of a flat row-major index in a shape for a message, such as
   * {@code [1, 0, 3]}.
   */
  public static String index(int flat, int[] shape) {
    return Arrays.toString(unravel(flat, shape));
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

  private static int[] unravel(int flat, int[] shape) {
    int[] index = new int[shape.length];
    for (int d = shape.length - 1; d >= 0; d--) {
      index[d] = shape[d] == 0 ? 0 : flat % shape[d];
      flat = shape[d] == 0 ? flat : flat / shape[d];
    }
    return index;
  }
}
