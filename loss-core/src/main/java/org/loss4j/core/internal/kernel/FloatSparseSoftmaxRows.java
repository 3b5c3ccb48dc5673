package org.loss4j.core.internal.kernel;

import org.loss4j.core.kernel.FloatMath;

/**
 * The sparse categorical cross-entropy of rows of logits in float32 arithmetic on the scalar
 * path, with {@code m = max(x)}, {@code e = exp(x - m)} by {@link FloatMath} and {@code y} the
 * row's label: loss {@code log(sum(e)) - (x_y - m)}, gradient
 * {@code upstream (e / sum(e) - onehot(y))}. A NaN label or a result that is not finite falls
 * back to the double formulas of {@link SparseSoftmaxRows}.
 */
public final class FloatSparseSoftmaxRows extends SparseSoftmaxRows {

  /** Creates the kernel over labels already checked to be classes of the row (or NaN). */
  public FloatSparseSoftmaxRows(float[] labels, float[] yPred, int rowLength) {
    super(labels, yPred, rowLength);
  }

  @Override
  protected double row(int row, double upstream, float[] gradient) {
    int length = rowLength();
    int start = row * length;
    float label = label(row);
    float max = FloatRows.max(yPred, start, length);
    if (Float.isNaN(label) || !Float.isFinite(max)) {
      return super.row(row, upstream, gradient);
    }
    int target = start + (int) label;
    double sumExp = 0;
    for (int i = start; i < start + length; i++) {
      float e = FloatMath.expNonPositive(yPred[i] - max);
      sumExp += e;
      if (gradient != null) {
        gradient[i] = e;
      }
    }
    double loss = Math.log(sumExp) - (yPred[target] - max);
    if (!Double.isFinite(loss)) {
      return super.row(row, upstream, gradient);
    }
    if (gradient != null) {
      float targetShare = gradient[target];
      float factor = (float) (upstream / sumExp);
      for (int i = start; i < start + length; i++) {
        gradient[i] *= factor;
      }
      gradient[target] = (float) (upstream * (targetShare / sumExp - 1.0));
    }
    return loss;
  }

  @Override
  public String toString() {
    return "float32 scalar SparseCategoricalCrossentropy rows from logits";
  }
}
