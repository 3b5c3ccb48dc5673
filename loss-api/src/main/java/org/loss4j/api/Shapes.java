package org.loss4j.api;

import java.util.Arrays;

/**
 * Shape arithmetic on {@code int[]} shapes, shared by the base class and the loss kernels.
 */
public final class Shapes {
  private Shapes() {}

  /** Returns the product of the dimensions (1 for a scalar). */
  public static int size(int[] shape) {
    int size = 1;
    for (int dim : shape) {
      size *= dim;
    }
    return size;
  }

  /** Resolves a possibly negative axis against a rank, or returns -1 if it is out of range. */
  public static int resolveAxis(int axis, int rank) {
    int resolved = axis < 0 ? axis + rank : axis;
    return resolved >= 0 && resolved < rank ? resolved : -1;
  }

  /** Returns the shape without one axis. */
  public static int[] without(int[] shape, int axis) {
    int[] result = new int[shape.length - 1];
    for (int i = 0, j = 0; i < shape.length; i++) {
      if (i != axis) {
        result[j++] = shape[i];
      }
    }
    return result;
  }

  /** Returns the shape with a dimension of 1 appended. */
  public static int[] expandLast(int[] shape) {
    int[] result = Arrays.copyOf(shape, shape.length + 1);
    result[shape.length] = 1;
    return result;
  }

  /** Returns the shape without its last axis. */
  public static int[] dropLast(int[] shape) {
    return Arrays.copyOf(shape, shape.length - 1);
  }

  /** Returns the product of the dimensions before {@code axis}. */
  public static int outerSize(int[] shape, int axis) {
    int size = 1;
    for (int i = 0; i < axis; i++) {
      size *= shape[i];
    }
    return size;
  }

  /** Returns the product of the dimensions after {@code axis}. */
  public static int innerSize(int[] shape, int axis) {
    int size = 1;
    for (int i = axis + 1; i < shape.length; i++) {
      size *= shape[i];
    }
    return size;
  }

  /**
   * Applies Keras's {@code squeeze_or_expand_to_same_rank} to a pair of shapes: when the ranks
   * differ by one and the longer shape ends in 1, the rank-1 shape gains a trailing 1, or else the
   * longer one loses its trailing 1. Other pairs come back unchanged.
   *
   * @return the two adjusted shapes
   */
  public static int[][] squeezeOrExpand(int[] first, int[] second) {
    if (first.length == second.length + 1 && first.length > 0 && first[first.length - 1] == 1) {
      return second.length == 1
          ? new int[][] {first, expandLast(second)}
          : new int[][] {dropLast(first), second};
    }
    if (second.length == first.length + 1 && second.length > 0
        && second[second.length - 1] == 1) {
      return first.length == 1
          ? new int[][] {expandLast(first), second}
          : new int[][] {first, dropLast(second)};
    }
    return new int[][] {first, second};
  }
}
