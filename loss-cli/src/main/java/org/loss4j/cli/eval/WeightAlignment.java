package org.loss4j.cli.eval;

import java.util.Arrays;
import org.loss4j.api.Tensor;

/**
 * Aligns a {@code sample_weight} with a per-sample loss shape by the rule
 * {@link org.loss4j.api.AbstractLoss} documents, for the streamed evaluation that reduces outside
 * the loss: a single value applies everywhere; a shape that, with trailing 1s dropped, is a
 * leading part of the loss shape gives one value per block; a shape of the same rank whose
 * dimensions are 1 or equal to the loss's broadcasts as in NumPy.
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
    if (weights.size() == 1 && shape.length <= Math.max(target.length, 1)) {
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
        "%s: sample_weight shape %s cannot broadcast to loss shape %s", lossName,
        Tensor.formatShape(shape), Tensor.formatShape(target)));
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
