package org.loss4j.ctc.internal;

import java.util.Arrays;
import org.loss4j.api.Tensor;

/**
 * A validated CTC batch: the label sequence and the number of frames of every sample, the
 * dimensions of the logits and the blank class.
 *
 * <p>{@link #of} checks everything before any loss is computed, with messages that name the
 * loss, the argument, what was received and what was expected.
 */
public final class CtcBatch {
  private final int batch;
  private final int time;
  private final int classes;
  private final int blank;
  private final int[][] labels;
  private final int[] frames;

  private CtcBatch(int batch, int time, int classes, int blank, int[][] labels, int[] frames) {
    this.batch = batch;
    this.time = time;
    this.classes = classes;
    this.blank = blank;
    this.labels = labels;
    this.frames = frames;
  }

  /**
   * Validates one batch and extracts its label sequences.
   *
   * @param loss the loss name for messages, such as {@code CTC}
   * @param yTrue the labels, row-major, of shape {@code yTrueShape}
   * @param yPredShape the shape of the logits
   * @param blank the blank class
   * @param labelLengths the label length of every sample, or null to take every row up to its
   *     first 0 (Keras's padding), refusing a non-zero entry after a 0
   * @param logitLengths the number of frames of every sample, or null for the full time axis
   * @throws IllegalArgumentException if a shape, length or label does not fit
   */
  public static CtcBatch of(
      String loss, double[] yTrue, int[] yTrueShape, int[] yPredShape, int blank,
      int[] labelLengths, int[] logitLengths) {
    if (yPredShape.length != 3) {
      throw new IllegalArgumentException(String.format(
          "%s: y_pred must have shape [batch, time, classes], got shape %s", loss,
          Tensor.formatShape(yPredShape)));
    }
    if (yTrueShape.length != 2) {
      throw new IllegalArgumentException(String.format(
          "%s: y_true must have shape [batch, max_label_length], got shape %s", loss,
          Tensor.formatShape(yTrueShape)));
    }
    int batch = yPredShape[0];
    int time = yPredShape[1];
    int classes = yPredShape[2];
    if (yTrueShape[0] != batch) {
      throw new IllegalArgumentException(String.format(
          "%s: y_true shape %s and y_pred shape %s disagree on the batch size, expected equal"
              + " first dimensions", loss, Tensor.formatShape(yTrueShape),
          Tensor.formatShape(yPredShape)));
    }
    if (blank >= classes) {
      throw new IllegalArgumentException(String.format(
          "%s: blank_index = %d, expected a class in 0..%d of y_pred shape %s", loss, blank,
          classes - 1, Tensor.formatShape(yPredShape)));
    }
    int maxLength = yTrueShape[1];
    checkLengths(loss, "label_lengths", labelLengths, batch, maxLength, "max_label_length");
    checkLengths(loss, "logit_lengths", logitLengths, batch, time, "the time dimension");
    int[][] labels = new int[batch][];
    int[] frames = new int[batch];
    for (int b = 0; b < batch; b++) {
      int length = labelLengths == null
          ? paddedLength(loss, yTrue, b, maxLength) : labelLengths[b];
      labels[b] = readLabels(loss, yTrue, b, maxLength, length, classes, blank);
      frames[b] = logitLengths == null ? time : logitLengths[b];
    }
    return new CtcBatch(batch, time, classes, blank, labels, frames);
  }

  private static void checkLengths(
      String loss, String argument, int[] lengths, int batch, int max, String maxName) {
    if (lengths == null) {
      return;
    }
    if (lengths.length != batch) {
      throw new IllegalArgumentException(String.format(
          "%s: %s has %d entries, expected one per sample (%d)", loss, argument, lengths.length,
          batch));
    }
    for (int b = 0; b < batch; b++) {
      if (lengths[b] < 0 || lengths[b] > max) {
        throw new IllegalArgumentException(String.format(
            "%s: %s[%d] = %d, expected a length in 0..%d (%s)", loss, argument, b, lengths[b],
            max, maxName));
      }
    }
  }

  /** Returns the entries before the first 0 of row {@code b}, refusing a label after that 0. */
  private static int paddedLength(String loss, double[] yTrue, int b, int maxLength) {
    int offset = b * maxLength;
    int length = 0;
    while (length < maxLength && yTrue[offset + length] != 0) {
      length++;
    }
    for (int i = length + 1; i < maxLength; i++) {
      if (yTrue[offset + i] != 0) {
        double[] row = Arrays.copyOfRange(yTrue, offset, offset + maxLength);
        throw new IllegalArgumentException(String.format(
            "%s: y_true[%d] = %s has a padding 0 before a label (at index %d), expected 0 only"
                + " as trailing padding, or explicit label lengths", loss, b, format(row),
            length));
      }
    }
    return length;
  }

  private static int[] readLabels(
      String loss, double[] yTrue, int b, int maxLength, int length, int classes, int blank) {
    int[] labels = new int[length];
    for (int i = 0; i < length; i++) {
      double value = yTrue[b * maxLength + i];
      boolean integral = value == Math.rint(value) && !Double.isInfinite(value);
      if (!integral || value < 0 || value >= classes || value == blank) {
        throw new IllegalArgumentException(String.format(
            "%s: y_true[%d, %d] = %s, expected an integer label in 0..%d other than blank_index"
                + " %d", loss, b, i, format(value), classes - 1, blank));
      }
      labels[i] = (int) value;
    }
    return labels;
  }

  private static String format(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value) : Double.toString(value);
  }

  private static String format(double[] row) {
    StringBuilder text = new StringBuilder("[");
    for (int i = 0; i < row.length; i++) {
      text.append(i == 0 ? "" : ", ").append(format(row[i]));
    }
    return text.append(']').toString();
  }

  /** Returns the number of samples. */
  public int batch() {
    return batch;
  }

  /** Returns the length of the time axis of the logits. */
  public int time() {
    return time;
  }

  /** Returns the number of classes, the blank included. */
  public int classes() {
    return classes;
  }

  /** Returns the blank class. */
  public int blank() {
    return blank;
  }

  /** Returns the label sequence of sample {@code b}; do not modify. */
  public int[] labels(int b) {
    return labels[b];
  }

  /** Returns the number of frames sample {@code b} uses, from the start of its time axis. */
  public int frames(int b) {
    return frames[b];
  }

  /** Returns the longest label sequence of the batch. */
  public int maxLabelLength() {
    int max = 0;
    for (int[] label : labels) {
      max = Math.max(max, label.length);
    }
    return max;
  }
}
