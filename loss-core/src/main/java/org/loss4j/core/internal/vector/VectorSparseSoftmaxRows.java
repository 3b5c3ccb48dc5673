package org.loss4j.core.internal.vector;

import java.util.Arrays;
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
final class VectorSparseSoftmaxRows extends SparseSoftmaxRows implements RowsReadingAhead {

  VectorSparseSoftmaxRows(float[] labels, float[] yPred, int rowLength) {
    super(labels, yPred, rowLength);
  }

  /** Evaluates the rows in order, each reading the next ({@link RowsReadingAhead}). */
  @Override
  public void evaluate(int from, int to, double[] values, double[] upstream, float[] gradient) {
    RowsReadingAhead.evaluate(this, yPred, rowLength(), from, to, values, upstream, gradient);
  }

  @Override
  protected double row(int row, double upstream, float[] gradient) {
    int length = rowLength();
    float max = VectorRows.max(yPred, row * length, length);
    return rowWithMax(row, max, row * length, upstream, gradient, RowBuffers.of(length));
  }

  @Override
  public double rowWithMax(int row, float max, int ahead, double upstream, float[] gradient,
      RowBuffers buffers) {
    int length = rowLength();
    int start = row * length;
    float label = label(row);
    if (Float.isNaN(label) || !Float.isFinite(max)) {
      Arrays.fill(buffers.aheadLanes(), VectorRows.max(yPred, ahead, length));
      return super.row(row, upstream, gradient);
    }
    int target = (int) label;
    float[] exps = gradient != null ? gradient : buffers.first();
    int expsStart = gradient != null ? start : 0;
    double sumExp = VectorMath.expShiftedReadingAhead(yPred, start, max, exps, expsStart, length,
        buffers.lanes(), ahead, buffers.aheadLanes());
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
