package org.loss4j.core.internal.kernel;

import java.util.Arrays;
import org.loss4j.core.kernel.LogSoftmax;
import org.loss4j.core.kernel.RowKernel;

/**
 * The sparse categorical cross-entropy of rows of logits with one integer label per row, on the
 * scalar path: {@code -log_softmax(x)_label}, and its gradient
 * {@code upstream * (softmax(x) - onehot(label))}. A NaN label gives NaN.
 */
public class SparseSoftmaxRows extends RowKernel {

  /** Creates the kernel over labels already checked to be classes of the row (or NaN). */
  public SparseSoftmaxRows(float[] labels, float[] yPred, int rowLength) {
    super(labels, yPred, rowLength);
  }

  /** Returns the label of {@code row}, possibly NaN. */
  protected final float label(int row) {
    return yTrue[row];
  }

  @Override
  protected double row(int row, double upstream, float[] gradient) {
    int length = rowLength();
    int start = row * length;
    float label = yTrue[row];
    if (Float.isNaN(label)) {
      if (gradient != null) {
        Arrays.fill(gradient, start, start + length, Float.NaN);
      }
      return Double.NaN;
    }
    int target = (int) label;
    RowScratch scratch = RowScratch.of(length);
    double[] logSoftmax = scratch.output();
    LogSoftmax.apply(scratch.widen(yPred, start, length), 0, 1, length, logSoftmax);
    if (gradient != null) {
      for (int k = 0; k < length; k++) {
        double share = Math.exp(logSoftmax[k]);
        gradient[start + k] = (float) (upstream * (share - (k == target ? 1.0 : 0.0)));
      }
    }
    return -logSoftmax[target];
  }

  @Override
  public String toString() {
    return "scalar SparseCategoricalCrossentropy rows from logits";
  }
}
