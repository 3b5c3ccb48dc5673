package org.loss4j.testkit.internal;

import java.util.Arrays;
import org.loss4j.api.DType;
import org.loss4j.api.Tensor;

/** Batch-axis arithmetic on tensors for the properties: reordering, extending, row sums. */
public final class Batches {
  private Batches() {}

  /** Returns the tensor with its samples (first axis) in the order {@code order} gives. */
  public static Tensor permute(Tensor tensor, int[] order) {
    int rows = tensor.dim(0);
    int width = tensor.size() / Math.max(rows, 1);
    double[] values = tensor.toDoubleArray();
    double[] result = new double[values.length];
    for (int i = 0; i < order.length; i++) {
      System.arraycopy(values, order[i] * width, result, i * width, width);
    }
    return Tensor.fromDoubles(result, tensor.shape(), tensor.dtype());
  }

  /** Returns the order that reverses a batch of {@code size} samples. */
  public static int[] reversed(int size) {
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = size - 1 - i;
    }
    return order;
  }

  /** Returns the tensor with its first sample repeated once more at the end of the batch. */
  public static Tensor withExtraSample(Tensor tensor) {
    int[] shape = tensor.shape();
    int width = tensor.size() / shape[0];
    double[] values = Arrays.copyOf(tensor.toDoubleArray(), tensor.size() + width);
    System.arraycopy(values, 0, values, tensor.size(), width);
    shape[0]++;
    return Tensor.fromDoubles(values, shape, tensor.dtype());
  }

  /** Returns the sum of each sample's elements (first axis kept). */
  public static double[] sampleSums(Tensor perSample) {
    int rows = perSample.rank() == 0 ? 1 : perSample.dim(0);
    int width = perSample.size() / Math.max(rows, 1);
    double[] sums = new double[rows];
    for (int i = 0; i < perSample.size(); i++) {
      sums[i / width] += perSample.getDouble(i);
    }
    return sums;
  }

  /** Returns a float64 vector of one value per sample. */
  public static Tensor filled(int batch, double value) {
    double[] values = new double[batch];
    Arrays.fill(values, value);
    return Tensor.of(values, batch);
  }

  /** Returns the float64 vector {@code [1, 2, ..., batch]}. */
  public static Tensor ramp(int batch) {
    double[] values = new double[batch];
    for (int i = 0; i < batch; i++) {
      values[i] = i + 1;
    }
    return Tensor.of(values, batch);
  }

  /** Returns an exact, independent copy of a tensor (same dtype, shape and values). */
  public static Tensor copy(Tensor tensor) {
    return Tensor.fromDoubles(tensor.toDoubleArray(), tensor.shape(), tensor.dtype());
  }

  /** Returns whether every element is finite. */
  public static boolean allFinite(Tensor tensor) {
    for (int i = 0; i < tensor.size(); i++) {
      if (!Double.isFinite(tensor.getDouble(i))) {
        return false;
      }
    }
    return true;
  }

  /** Returns the tensor as float64 (exact for float32 and int32 values). */
  public static Tensor asDoubles(Tensor tensor) {
    return tensor.asType(DType.FLOAT64);
  }
}
