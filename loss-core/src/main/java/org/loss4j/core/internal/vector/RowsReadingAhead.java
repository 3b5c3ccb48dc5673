package org.loss4j.core.internal.vector;

import org.loss4j.core.kernel.vector.RowBuffers;
import org.loss4j.core.kernel.vector.VectorMath;

/**
 * A softmax row kernel whose row, computed with its maximum already known, also reads the next
 * row and leaves that row's maximum in the buffers' ahead lanes; {@link #evaluate} then runs a
 * range of rows so that each row's maximum is ready when it starts (the CCE and SCCE vector
 * kernels share it).
 */
interface RowsReadingAhead {

  /**
   * Returns the loss of row {@code row}, whose maximum is {@code max}, and writes its gradient
   * when {@code gradient} is not null; also leaves in {@code buffers.aheadLanes()} values whose
   * largest, with the tail of the row from {@code ahead}, is that row's maximum.
   */
  double rowWithMax(int row, float max, int ahead, double upstream, float[] gradient,
      RowBuffers buffers);

  /**
   * Evaluates rows {@code from} to {@code to} of {@code kernel} in order, as
   * {@link org.loss4j.api.SampleKernel#evaluate} describes: the first row's maximum by a plain
   * scan, each later one from the row before. The last row reads itself again, so that every
   * row takes the same path through the code.
   */
  static void evaluate(RowsReadingAhead kernel, float[] yPred, int length, int from, int to,
      double[] values, double[] upstream, float[] gradient) {
    if (from >= to) {
      return;
    }
    RowBuffers buffers = RowBuffers.of(length);
    float max = VectorRows.max(yPred, from * length, length);
    for (int row = from; row < to; row++) {
      int ahead = Math.min(row + 1, to - 1) * length;
      values[row] = upstream == null
          ? kernel.rowWithMax(row, max, ahead, 0.0, null, buffers)
          : kernel.rowWithMax(row, max, ahead, upstream[row], gradient, buffers);
      max = VectorMath.maxAfterLanes(buffers.aheadLanes(), yPred, ahead, length);
    }
  }
}
