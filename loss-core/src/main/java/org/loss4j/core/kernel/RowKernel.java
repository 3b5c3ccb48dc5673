package org.loss4j.core.kernel;

import org.loss4j.api.SampleKernel;

/**
 * A {@link SampleKernel} whose per-sample element {@code r} reduces row {@code r} of
 * {@code y_pred}: the {@code rowLength} contiguous elements from {@code r * rowLength}, that is
 * a reduction over the last axis. A subclass computes one row at a time.
 */
public abstract class RowKernel implements SampleKernel {
  /** The targets, row-major (one label per row for a sparse loss); never written. */
  protected final float[] yTrue;
  /** The predictions, row-major, {@code rowLength} per row; never written. */
  protected final float[] yPred;
  private final int rowLength;

  /** Creates a kernel over rows of {@code rowLength} elements of {@code yPred}. */
  protected RowKernel(float[] yTrue, float[] yPred, int rowLength) {
    this.yTrue = yTrue;
    this.yPred = yPred;
    this.rowLength = rowLength;
  }

  /** Returns the number of elements of a row. */
  protected final int rowLength() {
    return rowLength;
  }

  @Override
  public final int elementsPerSample() {
    return rowLength;
  }

  /**
   * Evaluates rows {@code from} to {@code to} in order, each by {@link #row}. A subclass may
   * override it to carry work from one row to the next, as the vector softmax kernels read the
   * next row while they compute this one; each row's value and gradient must stay what
   * {@link #row} gives.
   */
  @Override
  public void evaluate(
      int from, int to, double[] values, double[] upstream, float[] gradient) {
    for (int row = from; row < to; row++) {
      values[row] = upstream == null ? row(row, 0.0, null) : row(row, upstream[row], gradient);
    }
  }

  /**
   * Returns the loss of one row and, when {@code gradient} is not null, writes
   * {@code upstream * d loss / d y_pred} into every element of the row.
   */
  protected abstract double row(int row, double upstream, float[] gradient);
}
