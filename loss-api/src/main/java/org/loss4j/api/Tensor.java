package org.loss4j.api;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable, dense, row-major array of any rank with a {@link DType}: the values loss4j takes
 * and returns.
 *
 * <p>A tensor is an exchange type, not a numerics library. It is built from Java arrays of any
 * rank ({@code float[]}, {@code double[][][]}, {@code int[][]}…), from a flat array plus a shape,
 * or from nested lists; it gives back its elements, its shape and arrays. The factories copy
 * their argument, except {@link #wrap(float[], int...)} and {@link #wrap(double[], int...)}, which
 * share it: the caller promises not to change the array afterwards.
 *
 * <pre>{@code
 * Tensor yPred = Tensor.of(new float[][] {{0.6f, 0.4f}, {0.4f, 0.6f}});
 * yPred.shape();       // [2, 2]
 * yPred.getDouble(3);  // 0.6000000238418579, the float 0.6f
 * }</pre>
 *
 * <p>Equality is exact (same dtype, shape and bits of every element);
 * {@link #allClose(Tensor, double, double)} compares with a tolerance.
 */
public final class Tensor {
  private final DType dtype;
  private final int[] shape;
  private final float[] floats;
  private final double[] doubles;
  private final int[] ints;

  private Tensor(DType dtype, int[] shape, float[] floats, double[] doubles, int[] ints) {
    this.dtype = dtype;
    this.shape = shape;
    this.floats = floats;
    this.doubles = doubles;
    this.ints = ints;
  }

  /** Returns a float32 tensor with a copy of {@code values} and the given shape. */
  public static Tensor of(float[] values, int... shape) {
    checkSize(values.length, shape);
    return new Tensor(DType.FLOAT32, shape.clone(), values.clone(), null, null);
  }

  /** Returns a float64 tensor with a copy of {@code values} and the given shape. */
  public static Tensor of(double[] values, int... shape) {
    checkSize(values.length, shape);
    return new Tensor(DType.FLOAT64, shape.clone(), null, values.clone(), null);
  }

  /** Returns an int32 tensor with a copy of {@code values} and the given shape. */
  public static Tensor ofInts(int[] values, int... shape) {
    checkSize(values.length, shape);
    return new Tensor(DType.INT32, shape.clone(), null, null, values.clone());
  }

  /** Returns a float32 tensor that shares {@code values}; the caller must not change them. */
  public static Tensor wrap(float[] values, int... shape) {
    checkSize(values.length, shape);
    return new Tensor(DType.FLOAT32, shape.clone(), values, null, null);
  }

  /** Returns a float64 tensor that shares {@code values}; the caller must not change them. */
  public static Tensor wrap(double[] values, int... shape) {
    checkSize(values.length, shape);
    return new Tensor(DType.FLOAT64, shape.clone(), null, values, null);
  }

  /** Returns a rank-1 float32 tensor. */
  public static Tensor of(float[] values) {
    return of(values, values.length);
  }

  /** Returns a rank-1 float64 tensor. */
  public static Tensor of(double[] values) {
    return of(values, values.length);
  }

  /** Returns a rank-1 int32 tensor. */
  public static Tensor of(int[] values) {
    return ofInts(values, values.length);
  }

  /** Returns a rank-2 float32 tensor; rows must have equal lengths. */
  public static Tensor of(float[][] values) {
    return fromArray(values, DType.FLOAT32);
  }

  /** Returns a rank-3 float32 tensor; the array must be rectangular. */
  public static Tensor of(float[][][] values) {
    return fromArray(values, DType.FLOAT32);
  }

  /** Returns a rank-2 float64 tensor; rows must have equal lengths. */
  public static Tensor of(double[][] values) {
    return fromArray(values, DType.FLOAT64);
  }

  /** Returns a rank-3 float64 tensor; the array must be rectangular. */
  public static Tensor of(double[][][] values) {
    return fromArray(values, DType.FLOAT64);
  }

  /** Returns a rank-2 int32 tensor; rows must have equal lengths. */
  public static Tensor of(int[][] values) {
    return fromArray(values, DType.INT32);
  }

  /** Returns a rank-0 float32 tensor holding one value. */
  public static Tensor scalar(float value) {
    return new Tensor(DType.FLOAT32, new int[0], new float[] {value}, null, null);
  }

  /** Returns a rank-0 float64 tensor holding one value. */
  public static Tensor scalar(double value) {
    return new Tensor(DType.FLOAT64, new int[0], null, new double[] {value}, null);
  }

  /**
   * Returns a tensor of the given dtype from a rectangular Java array of any rank and element
   * type ({@code float[][][]}, {@code long[]}, {@code boolean[][]}…), from nested
   * {@link List}s of {@link Number}s or {@link Boolean}s, or from a single {@link Number}.
   *
   * <p>Booleans become 1 and 0. For {@link DType#INT32} every value must be a whole number. An
   * empty Java array keeps its declared rank ({@code new float[0][]} has shape {@code [0, 0]});
   * an empty list has shape {@code [0]}. Use {@link #of(double[], int...)} for an empty batch of
   * a given shape, such as {@code [0, 3]}.
   *
   * @param nested the values; never null
   * @param dtype the element type of the result; never null
   * @throws IllegalArgumentException if the nesting is ragged or holds something else
   */
  public static Tensor fromNested(Object nested, DType dtype) {
    return fromArray(checkNotNull(nested, "nested"), checkNotNull(dtype, "dtype"));
  }

  private static Tensor fromArray(Object nested, DType dtype) {
    List<Integer> dims = new ArrayList<>();
    Object probe = nested;
    while (isSequence(probe)) {
      int length = lengthOf(probe);
      dims.add(length);
      if (length == 0) {
        // An empty Java array still knows its rank: new float[0][] is [0, 0], not [0].
        for (Class<?> type = probe.getClass().getComponentType();
            type != null && type.isArray(); type = type.getComponentType()) {
          dims.add(0);
        }
        break;
      }
      probe = elementOf(probe, 0);
    }
    int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
    double[] flat = new double[checkSize(-1, shape)];
    int filled = flatten(nested, shape, 0, flat, 0);
    checkArgument(filled == flat.length, "ragged nested values for shape %s", formatShape(shape));
    return fromDoubles(flat, shape, dtype);
  }

  private static int flatten(Object node, int[] shape, int depth, double[] out, int position) {
    if (depth == shape.length) {
      checkArgument(!isSequence(node), "ragged nested values: too deep for shape %s",
          formatShape(shape));
      out[position] = toDouble(node);
      return position + 1;
    }
    checkArgument(isSequence(node) && lengthOf(node) == shape[depth],
        "ragged nested values: expected %s elements at depth %s", shape[depth], depth);
    int next = position;
    for (int i = 0; i < shape[depth]; i++) {
      next = flatten(elementOf(node, i), shape, depth + 1, out, next);
    }
    return next;
  }

  private static boolean isSequence(Object node) {
    return node instanceof List || (node != null && node.getClass().isArray());
  }

  private static int lengthOf(Object sequence) {
    return sequence instanceof List ? ((List<?>) sequence).size() : Array.getLength(sequence);
  }

  private static Object elementOf(Object sequence, int index) {
    return sequence instanceof List ? ((List<?>) sequence).get(index) : Array.get(sequence, index);
  }

  private static double toDouble(Object leaf) {
    if (leaf instanceof Number) {
      return ((Number) leaf).doubleValue();
    }
    if (leaf instanceof Boolean) {
      return ((Boolean) leaf) ? 1.0 : 0.0;
    }
    throw new IllegalArgumentException(
        "tensor values must be numbers or booleans, got " + (leaf == null ? "null" : leaf));
  }

  /**
   * Returns a tensor of the given dtype holding {@code values} converted to it (rounded to float
   * for float32; for int32 each value must be a whole number in the int range).
   */
  public static Tensor fromDoubles(double[] values, int[] shape, DType dtype) {
    checkSize(values.length, shape);
    switch (dtype) {
      case FLOAT64:
        return of(values, shape);
      case FLOAT32:
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
          floats[i] = (float) values[i];
        }
        return wrap(floats, shape);
      default:
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) {
          double value = values[i];
          if (value != Math.rint(value) || value < Integer.MIN_VALUE
              || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(
                "int32 tensor values must be whole numbers, got " + value + " at index " + i);
          }
          ints[i] = (int) value;
        }
        return new Tensor(DType.INT32, shape.clone(), null, null, ints);
    }
  }

  private static int checkSize(int length, int[] shape) {
    checkNotNull(shape, "shape");
    long size = 1;
    for (int dim : shape) {
      checkArgument(dim >= 0, "shape dimensions must be >= 0, got %s", formatShape(shape));
      size *= dim;
      checkArgument(size <= Integer.MAX_VALUE, "tensor too large: %s", formatShape(shape));
    }
    checkArgument(length < 0 || length == size,
        "%s values cannot fill shape %s (%s elements)", length, formatShape(shape), size);
    return (int) size;
  }

  /** Returns the element type. */
  public DType dtype() {
    return dtype;
  }

  /** Returns a copy of the shape; rank 0 for a scalar. */
  public int[] shape() {
    return shape.clone();
  }

  /** Returns the number of axes. */
  public int rank() {
    return shape.length;
  }

  /** Returns the length of one axis; a negative axis counts from the end. */
  public int dim(int axis) {
    int resolved = axis < 0 ? axis + shape.length : axis;
    checkArgument(resolved >= 0 && resolved < shape.length,
        "axis %s out of range for shape %s", axis, formatShape(shape));
    return shape[resolved];
  }

  /** Returns the number of elements (1 for a scalar). */
  public int size() {
    return floats != null ? floats.length : doubles != null ? doubles.length : ints.length;
  }

  /** Returns the element at a row-major flat index, widened to double. */
  public double getDouble(int flatIndex) {
    if (floats != null) {
      return floats[flatIndex];
    }
    return doubles != null ? doubles[flatIndex] : ints[flatIndex];
  }

  /** Returns the element at the given indices, one per axis, widened to double. */
  public double getDouble(int... indices) {
    checkArgument(indices.length == shape.length,
        "%s indices for a tensor of rank %s", indices.length, shape.length);
    int flat = 0;
    for (int axis = 0; axis < shape.length; axis++) {
      checkArgument(indices[axis] >= 0 && indices[axis] < shape[axis],
          "index %s out of range for shape %s", Arrays.toString(indices), formatShape(shape));
      flat = flat * shape[axis] + indices[axis];
    }
    return getDouble(flat);
  }

  /** Returns the only element of a tensor with one element, widened to double. */
  public double doubleValue() {
    checkArgument(size() == 1, "doubleValue() needs one element, shape is %s",
        formatShape(shape));
    return getDouble(0);
  }

  /** Copies the elements, widened to double, into {@code target} from index 0. */
  public void copyTo(double[] target) {
    checkArgument(target.length >= size(), "target holds %s, need %s", target.length, size());
    if (doubles != null) {
      System.arraycopy(doubles, 0, target, 0, doubles.length);
    } else if (floats != null) {
      for (int i = 0; i < floats.length; i++) {
        target[i] = floats[i];
      }
    } else {
      for (int i = 0; i < ints.length; i++) {
        target[i] = ints[i];
      }
    }
  }

  /** Copies the elements, rounded to float, into {@code target} from index 0. */
  public void copyTo(float[] target) {
    checkArgument(target.length >= size(), "target holds %s, need %s", target.length, size());
    if (floats != null) {
      System.arraycopy(floats, 0, target, 0, floats.length);
    } else {
      for (int i = 0; i < size(); i++) {
        target[i] = (float) getDouble(i);
      }
    }
  }

  /** Returns the float32 storage itself, or null for another dtype; callers must not write it. */
  float[] floatStorage() {
    return floats;
  }

  /** Returns a new row-major array of the elements, widened to double. */
  public double[] toDoubleArray() {
    double[] result = new double[size()];
    copyTo(result);
    return result;
  }

  /** Returns a new row-major array of the elements, rounded to float. */
  public float[] toFloatArray() {
    if (floats != null) {
      return floats.clone();
    }
    float[] result = new float[size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = (float) getDouble(i);
    }
    return result;
  }

  /**
   * Returns a new row-major array of the elements as ints.
   *
   * @throws IllegalArgumentException if an element is not a whole number in the int range
   */
  public int[] toIntArray() {
    if (ints != null) {
      return ints.clone();
    }
    return fromDoubles(toDoubleArray(), shape, DType.INT32).ints;
  }

  /**
   * Returns the elements as nested {@link List}s of {@link Double} (a lone {@link Double} for a
   * scalar), the form JSON writers take.
   */
  public Object toNestedList() {
    if (shape.length == 0) {
      return getDouble(0);
    }
    return nestedFrom(0, 0);
  }

  private List<Object> nestedFrom(int axis, int offset) {
    int stride = 1;
    for (int i = axis + 1; i < shape.length; i++) {
      stride *= shape[i];
    }
    List<Object> list = new ArrayList<>(shape[axis]);
    for (int i = 0; i < shape[axis]; i++) {
      int start = offset + i * stride;
      list.add(axis == shape.length - 1 ? (Object) getDouble(start) : nestedFrom(axis + 1, start));
    }
    return list;
  }

  /** Returns a tensor with the same elements and another shape of the same size. */
  public Tensor reshape(int... newShape) {
    checkSize(size(), newShape);
    return new Tensor(dtype, newShape.clone(), floats, doubles, ints);
  }

  /** Returns this tensor converted to another dtype (itself if the dtype is the same). */
  public Tensor asType(DType target) {
    return target == dtype ? this : fromDoubles(toDoubleArray(), shape, target);
  }

  /**
   * Returns whether both tensors have the same shape and every pair of elements satisfies
   * {@code |a - b| <= atol + rtol * |b|}, where {@code b} is the element of {@code expected}.
   * NaNs match NaNs and infinities match infinities of the same sign; dtypes may differ.
   */
  public boolean allClose(Tensor expected, double rtol, double atol) {
    if (!Arrays.equals(shape, expected.shape)) {
      return false;
    }
    for (int i = 0; i < size(); i++) {
      double a = getDouble(i);
      double b = expected.getDouble(i);
      boolean same = Double.isFinite(a) && Double.isFinite(b)
          ? Math.abs(a - b) <= atol + rtol * Math.abs(b)
          // NaN and infinities match only themselves: with rtol > 0, atol + rtol * inf would
          // accept any value against an expected infinity
          : Double.compare(a, b) == 0;
      if (!same) {
        return false;
      }
    }
    return true;
  }

  /** Formats a shape as Keras messages and loss4j messages show it, such as {@code [4, 7]}. */
  public static String formatShape(int[] shape) {
    return Arrays.toString(shape);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Tensor)) {
      return false;
    }
    Tensor that = (Tensor) other;
    return dtype == that.dtype
        && Arrays.equals(shape, that.shape)
        && Arrays.equals(floats, that.floats)
        && Arrays.equals(doubles, that.doubles)
        && Arrays.equals(ints, that.ints);
  }

  @Override
  public int hashCode() {
    int result = 31 * dtype.hashCode() + Arrays.hashCode(shape);
    result = 31 * result + Arrays.hashCode(floats);
    result = 31 * result + Arrays.hashCode(doubles);
    return 31 * result + Arrays.hashCode(ints);
  }

  /** Returns the dtype, the shape and up to 8 leading elements. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Tensor(").append(dtype.kerasName())
        .append(", ").append(formatShape(shape)).append(", [");
    int shown = Math.min(size(), 8);
    for (int i = 0; i < shown; i++) {
      text.append(i == 0 ? "" : ", ").append(dtype == DType.INT32 ? (int) getDouble(i)
          : (Object) getDouble(i));
    }
    return text.append(size() > shown ? ", …])" : "])").toString();
  }
}
