package org.loss4j.core.kernel;

import org.loss4j.api.Shapes;
import org.loss4j.api.Tensor;

/**
 * Addresses one axis of a row-major array (the class axis of a categorical loss, the averaged
 * axis of a binary one) as {@code outer × length × inner}: element {@code k} of lane
 * {@code (o, i)} sits at {@code (o * length + k) * inner + i}, so lanes are visited without
 * copying whatever the axis.
 */
public final class ClassAxis {
  private final int axis;
  private final int outer;
  private final int length;
  private final int inner;
  private final int[] reducedShape;

  private ClassAxis(int axis, int[] shape) {
    this.axis = axis;
    this.outer = Shapes.outerSize(shape, axis);
    this.length = shape[axis];
    this.inner = Shapes.innerSize(shape, axis);
    this.reducedShape = Shapes.without(shape, axis);
  }

  /**
   * Returns the axis {@code axis} (negative counts from the end) of {@code shape}.
   *
   * @param lossName the loss, for the message
   * @throws IllegalArgumentException if the axis is out of range for the shape
   */
  public static ClassAxis of(int[] shape, int axis, String lossName) {
    int resolved = Shapes.resolveAxis(axis, shape.length);
    if (resolved < 0) {
      throw new IllegalArgumentException(String.format(
          "%s: axis %d is out of range for y_pred shape %s, expected -%d..%d", lossName, axis,
          Tensor.formatShape(shape), shape.length, shape.length - 1));
    }
    return new ClassAxis(resolved, shape);
  }

  /** Returns the resolved, non-negative axis. */
  public int axis() {
    return axis;
  }

  /** Returns the number of lanes, {@code outer * inner}: one per element of the result. */
  public int lanes() {
    return outer * inner;
  }

  /** Returns the length of the axis (the number of classes). */
  public int length() {
    return length;
  }

  /** Returns the distance between consecutive elements of one lane. */
  public int stride() {
    return inner;
  }

  /**
   * Returns the flat index of the first element of a lane; lanes are numbered in the row-major
   * order of the shape without the axis, so lane {@code j} is element {@code j} of the result.
   */
  public int laneStart(int lane) {
    int o = lane / inner;
    int i = lane % inner;
    return o * length * inner + i;
  }

  /** Returns a copy of the shape without the axis: the per-sample shape. */
  public int[] reducedShape() {
    return reducedShape.clone();
  }
}
