package org.loss4j.ctc;

import java.util.Arrays;
import java.util.Random;
import org.loss4j.api.DType;
import org.loss4j.api.Reduction;
import org.loss4j.api.Tensor;

/**
 * A random CTC batch with explicit lengths: logits drawn uniformly from {@code [-range, range)}
 * (rounded to float, so that float32 and float64 read the same numbers), labels of non-blank
 * classes with some equal neighbours, and label and logit lengths that vary by sequence; some
 * labels do not fit their frames.
 */
final class RandomCtcBatch {
  private final int time;
  private final int classes;
  private final int blank;
  private final int maxLabelLength;
  private final int[][] labels;
  private final int[] frames;
  private final double[] logits;

  private RandomCtcBatch(int time, int classes, int blank, int maxLabelLength, int[][] labels,
      int[] frames, double[] logits) {
    this.time = time;
    this.classes = classes;
    this.blank = blank;
    this.maxLabelLength = maxLabelLength;
    this.labels = labels;
    this.frames = frames;
    this.logits = logits;
  }

  /**
   * Draws a batch; with {@code fullLengths} every sequence uses all frames and its label is as
   * long as {@code maxLabelLength}.
   */
  static RandomCtcBatch draw(long seed, int batch, int time, int classes, int blank,
      int maxLabelLength, double range, boolean fullLengths) {
    Random random = new Random(seed);
    int[][] labels = new int[batch][];
    int[] frames = new int[batch];
    for (int b = 0; b < batch; b++) {
      frames[b] = fullLengths ? time : random.nextInt(time + 1);
      int length = fullLengths ? maxLabelLength : random.nextInt(maxLabelLength + 1);
      labels[b] = new int[length];
      for (int i = 0; i < length; i++) {
        boolean repeat = i > 0 && random.nextInt(4) == 0;
        int label = repeat ? labels[b][i - 1] : random.nextInt(classes - 1);
        labels[b][i] = repeat || label < blank ? label : label + 1;
      }
    }
    double[] logits = new double[batch * time * classes];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = (float) (range * (2 * random.nextDouble() - 1));
    }
    return new RandomCtcBatch(time, classes, blank, maxLabelLength, labels, frames, logits);
  }

  /** Returns a copy of this batch with {@code value} at {@code [b, t, k]} of the logits. */
  RandomCtcBatch withLogit(int b, int t, int k, double value) {
    double[] changed = logits.clone();
    changed[(b * time + t) * classes + k] = value;
    return new RandomCtcBatch(time, classes, blank, maxLabelLength, labels, frames, changed);
  }

  /** Returns a copy of this batch with {@code label} for sequence {@code b}. */
  RandomCtcBatch withLabel(int b, int[] label) {
    int[][] changed = labels.clone();
    changed[b] = label.clone();
    return new RandomCtcBatch(time, classes, blank, maxLabelLength, changed, frames, logits);
  }

  /** Returns a copy of this batch in which sequence {@code b} uses {@code count} frames. */
  RandomCtcBatch withFrames(int b, int count) {
    int[] changed = frames.clone();
    changed[b] = count;
    return new RandomCtcBatch(time, classes, blank, maxLabelLength, labels, changed, logits);
  }

  /** Returns sequence {@code b} alone, as a batch of one. */
  RandomCtcBatch sequence(int b) {
    int perSample = time * classes;
    double[] own = Arrays.copyOfRange(logits, b * perSample, (b + 1) * perSample);
    return new RandomCtcBatch(time, classes, blank, maxLabelLength, new int[][] {labels[b]},
        new int[] {frames[b]}, own);
  }

  int batch() {
    return labels.length;
  }

  int time() {
    return time;
  }

  int classes() {
    return classes;
  }

  int blank() {
    return blank;
  }

  int[] label(int b) {
    return labels[b];
  }

  int frames(int b) {
    return frames[b];
  }

  /** Returns the logits, row-major {@code [batch, time, classes]}; do not modify. */
  double[] logits() {
    return logits;
  }

  /** Returns the labels {@code [batch, max_label_length]}, padded with the blank. */
  Tensor labels() {
    int[] padded = new int[batch() * maxLabelLength];
    Arrays.fill(padded, blank);
    for (int b = 0; b < batch(); b++) {
      System.arraycopy(labels[b], 0, padded, b * maxLabelLength, labels[b].length);
    }
    return Tensor.ofInts(padded, batch(), maxLabelLength);
  }

  /** Returns the logits as a tensor of {@code dtype}. */
  Tensor logits(DType dtype) {
    if (dtype == DType.FLOAT64) {
      return Tensor.of(logits.clone(), batch(), time, classes);
    }
    float[] floats = new float[logits.length];
    for (int i = 0; i < floats.length; i++) {
      floats[i] = (float) logits[i];
    }
    return Tensor.of(floats, batch(), time, classes);
  }

  /** Returns a CTC with no reduction, this batch's blank and lengths, in {@code dtype}. */
  CTC ctc(DType dtype, boolean zeroInfinity) {
    int[] labelLengths = new int[batch()];
    for (int b = 0; b < batch(); b++) {
      labelLengths[b] = labels[b].length;
    }
    return CTC.builder().blankIndex(blank).zeroInfinity(zeroInfinity).dtype(dtype)
        .reduction(Reduction.NONE).build().withLengths(labelLengths, frames);
  }
}
