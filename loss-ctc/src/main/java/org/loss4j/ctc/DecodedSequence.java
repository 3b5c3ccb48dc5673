package org.loss4j.ctc;

import java.util.Arrays;

/**
 * One decoded label sequence and its natural-log probability under the logits it was decoded
 * from. Immutable.
 */
public final class DecodedSequence {
  private final int[] labels;
  private final double logProbability;

  /**
   * Creates a result; the array is copied.
   *
   * @param labels the labels, blanks removed and repeats merged; never null
   * @param logProbability the natural log of its probability, {@code <= 0}
   */
  public DecodedSequence(int[] labels, double logProbability) {
    this.labels = labels.clone();
    this.logProbability = logProbability;
  }

  /** Returns a copy of the labels. */
  public int[] labels() {
    return labels.clone();
  }

  /**
   * Returns the natural log of the probability: of the single best path for greedy decoding, of
   * the labeling summed over the alignments the beam kept for beam search.
   */
  public double logProbability() {
    return logProbability;
  }

  /** Returns whether {@code other} holds the same labels and log-probability. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof DecodedSequence)) {
      return false;
    }
    DecodedSequence that = (DecodedSequence) other;
    return Arrays.equals(labels, that.labels)
        && Double.compare(logProbability, that.logProbability) == 0;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(labels) + Double.hashCode(logProbability);
  }

  /** Returns the labels and the log-probability, such as {@code [1, 2] @ -1.25}. */
  @Override
  public String toString() {
    return Arrays.toString(labels) + " @ " + logProbability;
  }
}
