package org.loss4j.api.internal;

import java.util.Arrays;

/**
 * Aligns a {@code sample_weight} or a mask with the per-sample loss shape, by the rules of
 * {@link org.loss4j.api.AbstractLoss}.
 *
 * <p>It works on plain arrays and shapes, not on the API's types, so that this package depends
 * on nothing in {@code org.loss4j.api} and no package cycle forms.
 */
public final class Broadcast {
  private Broadcast() {}

  /**
   * Returns {@code values}, of shape {@code shape}, spread over {@code target}, row-major.
   *
   * <p>Accepted, in order: a single value (a scalar, or a shape of ones at most one axis longer
   * than the target, as Keras's squeeze-or-expand step allows); a shape that, with trailing
   * dimensions of 1 dropped from both, is a leading part of the target's, so that each value
   * covers a whole block ({@code [batch]} or {@code [batch, 1]}
   * weights every timestep of its sample); a shape of the target's rank whose every dimension is
   * 1 or the target's (NumPy broadcasting).
   *
   * @param lossName the loss, for the message
   * @param argument {@code "sample_weight"} or {@code "mask"}, for the message
   * @throws IllegalArgumentException if none of the rules applies
   */
  public static double[] toShape(double[] values, int[] shape, int[] target, String lossName,
      String argument) {
    int targetSize = size(target);
    double[] result = new double[targetSize];
    if (values.length == 1 && shape.length <= target.length + 1) {
      Arrays.fill(result, values[0]);
      return result;
    }
    int[] leading = stripTrailingOnes(shape);
    int[] targetLeading = stripTrailingOnes(target);
    if (isPrefix(leading, targetLeading)) {
      int block = targetSize / Math.max(size(leading), 1);
      for (int i = 0; i < values.length; i++) {
        Arrays.fill(result, i * block, (i + 1) * block, values[i]);
      }
      return result;
    }
    if (shape.length == target.length && broadcastsTo(shape, target)) {
      fillBroadcast(values, shape, target, result);
      return result;
    }
    throw new IllegalArgumentException(String.format(
        "%s: %s shape %s cannot broadcast to loss shape %s; expected a scalar, %s",
        lossName, argument, Arrays.toString(shape), Arrays.toString(target),
        expectedShapes(target)));
  }

  private static int size(int[] shape) {
    int size = 1;
    for (int dim : shape) {
      size *= dim;
    }
    return size;
  }

  private static String expectedShapes(int[] target) {
    if (target.length == 0) {
      return "as the per-sample loss is a scalar";
    }
    String perSample = target.length == 1 ? "[" + target[0] + "] or [" + target[0] + ", 1]"
        : "[" + target[0] + "] per sample";
    return perSample + " or " + Arrays.toString(target) + " per element";
  }

  private static int[] stripTrailingOnes(int[] shape) {
    int length = shape.length;
    while (length > 0 && shape[length - 1] == 1) {
      length--;
    }
    return Arrays.copyOf(shape, length);
  }

  private static boolean isPrefix(int[] prefix, int[] shape) {
    if (prefix.length == 0 || prefix.length > shape.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (prefix[i] != shape[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean broadcastsTo(int[] shape, int[] target) {
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] != 1 && shape[i] != target[i]) {
        return false;
      }
    }
    return true;
  }

  private static void fillBroadcast(double[] values, int[] shape, int[] target, double[] out) {
    int rank = target.length;
    int[] index = new int[rank];
    for (int flat = 0; flat < out.length; flat++) {
      int source = 0;
      for (int axis = 0; axis < rank; axis++) {
        source = source * shape[axis] + (shape[axis] == 1 ? 0 : index[axis]);
      }
      out[flat] = values[source];
      for (int axis = rank - 1; axis >= 0; axis--) {
        if (++index[axis] < target[axis]) {
          break;
        }
        index[axis] = 0;
      }
    }
  }
}
