package org.loss4j.core.internal.vector;

import org.loss4j.core.internal.kernel.SparseSoftmaxRows;
import org.loss4j.core.kernel.vector.RowBuffers;
import org.loss4j.core.kernel.vector.VectorMath;

/**
 * The sparse categorical cross-entropy of rows of logits in float32 lanes, in one pass with its
 * gradient, with {@code m = max(x)}, {@code e = exp(x - m)} and {@code y} the row's label:
 *
 * <pre>{@code
 * loss = log(sum(e)) - (x_y - m)
 * grad = upstream * (e / sum(e) - onehot(y))
 * }</pre>
 */
final class VectorSparseSoftmaxRows extends SparseSoftmaxRows {

  VectorSparseSoftmaxRows(float[] labels, float[] yPred, int rowLength) {
    super(labels, yPred, rowLength);
  }

  @Override
  protected double row(int row, double upstream, float[] gradient) {
    int length = rowLength();
    int start = row * length;
    float label = label(row);
    float max = VectorRows.max(yPred, start, length);
    if (Float.isNaN(label) || !Float.isFinite(max)) {
      return super.row(row, upstream, gradient);
    }
    int target = (int) label;
    RowBuffers buffers = RowBuffers.of(length);
    float[] exps = gradient != null ? gradient : buffers.first();
    int expsStart = gradient != null ? start : 0;
    double sumExp =
        VectorMath.expShifted(yPred, start, max, exps, expsStart, length, buffers.lanes());
    double loss = Math.log(sumExp) - (yPred[start + target] - max);
    if (!Double.isFinite(loss)) {
      return super.row(row, upstream, gradient);
    }
    if (gradient != null) {
      float targetShare = gradient[start + target];
      VectorMath.scale(gradient, start, length, (float) (upstream / sumExp));
      gradient[start + target] = (float) (upstream * (targetShare / sumExp - 1.0));
    }
    return loss;
  }

  @Override
  public String toString() {
    return "vector SparseCategoricalCrossentropy rows from logits ("
        + VectorSelfCheck.describe() + ")";
  }
}
