package org.loss4j.cli.eval;

import java.util.Arrays;
import org.loss4j.api.Tensor;

/**
 * Aligns a {@code sample_weight} with a per-sample loss shape by the rule
 * {@link org.loss4j.api.AbstractLoss} documents, for the streamed evaluation that reduces outside
 * the loss: a single value (a scalar, or ones at most one axis longer than the loss shape) applies
 * everywhere; a shape that, with trailing 1s dropped from both, is a leading part of the loss
 * shape gives one value per block; a shape of the same rank whose dimensions are 1 or equal to
 * the loss's broadcasts as in NumPy. A chunk's weights have the chunk's rows, so the rules give
 * the same alignment per chunk as for the whole batch.
 */
final class WeightAlignment {
  private WeightAlignment() {}

  /**
   * Returns the weights expanded to {@code target}, row-major.
   *
   * @throws IllegalArgumentException naming the loss and both shapes if they cannot be aligned
   */
  static double[] toShape(Tensor weights, int[] target, String lossName) {
    int size = 1;
    for (int dim : target) {
      size *= dim;
    }
    double[] result = new double[size];
    int[] shape = weights.shape();
    if (weights.size() == 1 && shape.length <= target.length + 1) {
      Arrays.fill(result, weights.getDouble(0));
      return result;
    }
    int[] stripped = stripTrailingOnes(shape);
    int[] targetStripped = stripTrailingOnes(target);
    if (stripped.length <= targetStripped.length
        && Arrays.equals(stripped, Arrays.copyOf(targetStripped, stripped.length))) {
      int blocks = weights.size();
      int block = blocks == 0 ? 0 : size / blocks;
      for (int i = 0; i < blocks; i++) {
        Arrays.fill(result, i * block, (i + 1) * block, weights.getDouble(i));
      }
      return result;
    }
    if (shape.length == target.length && broadcasts(shape, target)) {
      int[] index = new int[target.length];
      for (int flat = 0; flat < size; flat++) {
        int source = 0;
        for (int axis = 0; axis < target.length; axis++) {
          source = source * shape[axis] + (shape[axis] == 1 ? 0 : index[axis]);
        }
        result[flat] = weights.getDouble(source);
        for (int axis = target.length - 1; axis >= 0; axis--) {
          if (++index[axis] < target[axis]) {
            break;
          }
          index[axis] = 0;
        }
      }
      return result;
    }
    throw new IllegalArgumentException(String.format(
        "%s: sample_weight shape %s cannot broadcast to loss shape %s; expected a scalar, %s",
        lossName, Tensor.formatShape(shape), Tensor.formatShape(target), expected(target)));
  }

  private static String expected(int[] target) {
    if (target.length == 0) {
      return "as the per-sample loss is a scalar";
    }
    String perSample = target.length == 1 ? "[" + target[0] + "] or [" + target[0] + ", 1]"
        : "[" + target[0] + "] per sample";
    return perSample + " or " + Tensor.formatShape(target) + " per element";
  }

  private static int[] stripTrailingOnes(int[] shape) {
    int length = shape.length;
    while (length > 0 && shape[length - 1] == 1) {
      length--;
    }
    return Arrays.copyOf(shape, length);
  }

  private static boolean broadcasts(int[] shape, int[] target) {
    for (int axis = 0; axis < shape.length; axis++) {
      if (shape[axis] != 1 && shape[axis] != target[axis]) {
        return false;
      }
    }
    return true;
  }
}
