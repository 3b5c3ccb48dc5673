package org.loss4j.ctc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import org.loss4j.api.Tensor;
import org.loss4j.core.kernel.LogSoftmax;
import org.loss4j.ctc.internal.PrefixBeamSearch;

/**
 * Decodes CTC logits of shape {@code [batch, time, classes]} into label sequences, as Keras's
 * {@code ctc_decode} does beside the loss. The logits are normalised with a log-softmax over the
 * classes first.
 *
 * <ul>
 *   <li>{@link Strategy#GREEDY}: the best path, the most probable class of every frame (the
 *       lowest class on ties), then repeats merged and blanks removed. Its log-probability is that
 *       of the path, {@code sum_t max_k log softmax(x_t)(k)}.
 *   <li>{@link Strategy#BEAM_SEARCH}: prefix beam search keeping {@code beam_width} label
 *       prefixes per frame; returns the {@code top_paths} most probable labelings, each with the
 *       log of its probability summed over the alignments the beam kept. With a beam at least as
 *       wide as the number of distinct prefixes, this is the exact most probable labeling, which
 *       the best path need not be.
 * </ul>
 *
 * <pre>{@code
 * CtcDecoder decoder = CtcDecoder.builder().strategy(Strategy.BEAM_SEARCH).beamWidth(16).build();
 * List<List<DecodedSequence>> best = decoder.decode(logits);
 * best.get(0).get(0).labels();   // the most probable labels of sample 0
 * }</pre>
 *
 * <p>Immutable and thread-safe. NaN in a frame gives a NaN log-probability.
 */
public final class CtcDecoder {
  /** How label sequences are searched for. */
  public enum Strategy {
    /** The best path: one argmax per frame. */
    GREEDY,
    /** Prefix beam search of configurable width. */
    BEAM_SEARCH
  }

  private final Strategy strategy;
  private final int beamWidth;
  private final int topPaths;
  private final int blankIndex;

  private CtcDecoder(Builder builder) {
    this.strategy = builder.strategy;
    this.beamWidth = builder.beamWidth;
    this.topPaths = builder.topPaths;
    this.blankIndex = builder.blankIndex;
  }

  /** Returns a builder with Keras's defaults: greedy, beam width 100, one path, blank 0. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the strategy. */
  public Strategy strategy() {
    return strategy;
  }

  /** Returns the number of prefixes beam search keeps per frame. */
  public int beamWidth() {
    return beamWidth;
  }

  /** Returns how many sequences are returned per sample. */
  public int topPaths() {
    return topPaths;
  }

  /** Returns the blank class. */
  public int blankIndex() {
    return blankIndex;
  }

  /**
   * Decodes every sample over all its frames.
   *
   * @see #decode(Tensor, int[])
   */
  public List<List<DecodedSequence>> decode(Tensor logits) {
    return decode(logits, null);
  }

  /**
   * Decodes every sample over its first {@code logitLengths[b]} frames.
   *
   * @param logits unnormalised scores of shape {@code [batch, time, classes]}; never null
   * @param logitLengths one frame count per sample in {@code 0..time}, or null for all frames
   * @return per sample, up to {@link #topPaths()} sequences, most probable first (exactly one for
   *     greedy decoding)
   * @throws IllegalArgumentException if the shape, the blank or a length does not fit
   */
  public List<List<DecodedSequence>> decode(Tensor logits, int[] logitLengths) {
    checkNotNull(logits, "CtcDecoder: logits must not be null");
    int[] shape = logits.shape();
    checkArgument(shape.length == 3,
        "CtcDecoder: logits must have shape [batch, time, classes], got shape %s",
        Tensor.formatShape(shape));
    int batch = shape[0];
    int time = shape[1];
    int classes = shape[2];
    checkArgument(blankIndex < classes,
        "CtcDecoder: blank_index = %s, expected a class in 0..%s of logits shape %s", blankIndex,
        classes - 1, Tensor.formatShape(shape));
    if (logitLengths != null) {
      checkArgument(logitLengths.length == batch,
          "CtcDecoder: logit_lengths has %s entries, expected one per sample (%s)",
          logitLengths.length, batch);
      for (int b = 0; b < batch; b++) {
        checkArgument(logitLengths[b] >= 0 && logitLengths[b] <= time,
            "CtcDecoder: logit_lengths[%s] = %s, expected a length in 0..%s (the time dimension)",
            b, logitLengths[b], time);
      }
    }

    double[] values = logits.toDoubleArray();
    double[] logProbs = new double[values.length];
    for (int row = 0; row < batch * time; row++) {
      LogSoftmax.apply(values, row * classes, 1, classes, logProbs);
    }
    List<List<DecodedSequence>> decoded = new ArrayList<>(batch);
    for (int b = 0; b < batch; b++) {
      int frames = logitLengths == null ? time : logitLengths[b];
      int offset = b * time * classes;
      decoded.add(strategy == Strategy.GREEDY
          ? List.of(greedy(logProbs, offset, frames, classes))
          : beamSearch(logProbs, offset, frames, classes));
    }
    return List.copyOf(decoded);
  }

  private DecodedSequence greedy(double[] logProbs, int offset, int frames, int classes) {
    List<Integer> labels = new ArrayList<>();
    double logProbability = 0;
    int previous = -1;
    for (int t = 0; t < frames; t++) {
      int frame = offset + t * classes;
      int best = 0;
      for (int k = 1; k < classes; k++) {
        if (logProbs[frame + k] > logProbs[frame + best]) {
          best = k;
        }
      }
      logProbability += logProbs[frame + best];
      if (best != blankIndex && best != previous) {
        labels.add(best);
      }
      previous = best;
    }
    return new DecodedSequence(labels.stream().mapToInt(Integer::intValue).toArray(),
        logProbability);
  }

  private List<DecodedSequence> beamSearch(
      double[] logProbs, int offset, int frames, int classes) {
    double[] scores = new double[topPaths];
    List<int[]> paths = PrefixBeamSearch.search(
        logProbs, offset, frames, classes, blankIndex, beamWidth, topPaths, scores);
    List<DecodedSequence> sequences = new ArrayList<>(paths.size());
    for (int i = 0; i < paths.size(); i++) {
      sequences.add(new DecodedSequence(paths.get(i), scores[i]));
    }
    return List.copyOf(sequences);
  }

  /** Returns the strategy and its settings. */
  @Override
  public String toString() {
    return "CtcDecoder{strategy=" + strategy + ", beam_width=" + beamWidth + ", top_paths="
        + topPaths + ", blank_index=" + blankIndex + "}";
  }

  /** Collects the settings of a {@link CtcDecoder}; every setter validates its argument. */
  public static final class Builder {
    private Strategy strategy = Strategy.GREEDY;
    private int beamWidth = 100;
    private int topPaths = 1;
    private int blankIndex = 0;

    private Builder() {}

    /** Sets the strategy; never null. Default {@link Strategy#GREEDY}. */
    public Builder strategy(Strategy strategy) {
      this.strategy = checkNotNull(strategy, "CtcDecoder: strategy must not be null");
      return this;
    }

    /**
     * Sets how many prefixes beam search keeps per frame; default 100, as in Keras.
     *
     * @throws IllegalArgumentException if {@code beamWidth < 1}
     */
    public Builder beamWidth(int beamWidth) {
      checkArgument(beamWidth >= 1, "CtcDecoder: beam_width must be >= 1, got %s", beamWidth);
      this.beamWidth = beamWidth;
      return this;
    }

    /**
     * Sets how many sequences beam search returns per sample; default 1.
     *
     * @throws IllegalArgumentException if {@code topPaths < 1}
     */
    public Builder topPaths(int topPaths) {
      checkArgument(topPaths >= 1, "CtcDecoder: top_paths must be >= 1, got %s", topPaths);
      this.topPaths = topPaths;
      return this;
    }

    /**
     * Sets the blank class; default 0.
     *
     * @throws IllegalArgumentException if {@code blankIndex < 0}
     */
    public Builder blankIndex(int blankIndex) {
      checkArgument(blankIndex >= 0, "CtcDecoder: blank_index must be >= 0, got %s",
          blankIndex);
      this.blankIndex = blankIndex;
      return this;
    }

    /**
     * Returns the decoder.
     *
     * @throws IllegalArgumentException if {@code top_paths} exceeds {@code beam_width}, or is
     *     above 1 with greedy decoding
     */
    public CtcDecoder build() {
      checkArgument(topPaths <= beamWidth,
          "CtcDecoder: top_paths = %s, expected at most beam_width (%s)", topPaths, beamWidth);
      checkArgument(strategy == Strategy.BEAM_SEARCH || topPaths == 1,
          "CtcDecoder: top_paths = %s, expected 1 for greedy decoding", topPaths);
      return new CtcDecoder(this);
    }
  }
}
