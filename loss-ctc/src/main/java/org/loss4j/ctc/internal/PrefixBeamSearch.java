package org.loss4j.ctc.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CTC prefix beam search over the log-probabilities of one sample.
 *
 * <p>Each hypothesis is a label prefix with two log-probabilities: of the alignments so far that
 * collapse to it and end in a blank ({@code pb}), and of those that end in its last label
 * ({@code pn}). One frame with log-probabilities {@code p} turns prefix {@code y} into:
 *
 * <pre>{@code
 * y        pb += logsumexp(pb, pn)(y) + p(blank)      pn += pn(y) + p(last(y))
 * y + k    pn += (k == last(y) ? pb(y) : logsumexp(pb, pn)(y)) + p(k)    for every label k
 * }</pre>
 *
 * <p>after which the {@code width} most probable prefixes (by {@code logsumexp(pb, pn)}) are kept,
 * ties broken by the shorter, then lexicographically smaller, prefix so that results do not depend
 * on hash order. With a width at least the number of distinct prefixes, the result is exact: the
 * labelings with the highest total probability over all their alignments.
 */
public final class PrefixBeamSearch {
  private static final double NEG_INF = Double.NEGATIVE_INFINITY;
  private static final Comparator<Beam> MOST_PROBABLE_FIRST = Comparator
      .comparingDouble((Beam beam) -> -beam.total())
      .thenComparingInt(beam -> beam.prefix.length)
      .thenComparing(beam -> beam.prefix, Arrays::compare);

  private PrefixBeamSearch() {}

  /** One hypothesis: a label prefix and its log-probabilities ending in blank and in a label. */
  private static final class Beam {
    final int[] prefix;
    double blankEnding = NEG_INF;
    double labelEnding = NEG_INF;

    Beam(int[] prefix) {
      this.prefix = prefix;
    }

    double total() {
      return LogSpace.add(blankEnding, labelEnding);
    }
  }

  /**
   * Returns up to {@code topPaths} labelings, most probable first, as label arrays, with their
   * log-probabilities written into {@code logProbabilities[i]}.
   *
   * @param logProbs log-softmax values, frame {@code t} and class {@code k} at
   *     {@code offset + t * classes + k}
   */
  public static List<int[]> search(
      double[] logProbs, int offset, int frames, int classes, int blank, int width,
      int topPaths, double[] logProbabilities) {
    Beam empty = new Beam(new int[0]);
    empty.blankEnding = 0.0;
    List<Beam> beams = List.of(empty);
    for (int t = 0; t < frames; t++) {
      int frame = offset + t * classes;
      Map<Key, Beam> next = new HashMap<>();
      for (Beam beam : beams) {
        extend(beam, logProbs, frame, classes, blank, next);
      }
      List<Beam> ranked = new ArrayList<>(next.values());
      ranked.sort(MOST_PROBABLE_FIRST);
      beams = ranked.subList(0, Math.min(width, ranked.size()));
    }
    List<int[]> best = new ArrayList<>();
    for (int i = 0; i < Math.min(topPaths, beams.size()); i++) {
      best.add(beams.get(i).prefix);
      logProbabilities[i] = beams.get(i).total();
    }
    return best;
  }

  private static void extend(
      Beam beam, double[] logProbs, int frame, int classes, int blank, Map<Key, Beam> next) {
    double total = beam.total();
    int[] prefix = beam.prefix;
    int last = prefix.length == 0 ? -1 : prefix[prefix.length - 1];
    Beam same = next.computeIfAbsent(new Key(prefix), key -> new Beam(prefix));
    same.blankEnding = LogSpace.add(same.blankEnding, total + logProbs[frame + blank]);
    if (last >= 0) {
      same.labelEnding = LogSpace.add(same.labelEnding, beam.labelEnding + logProbs[frame + last]);
    }
    for (int k = 0; k < classes; k++) {
      if (k == blank) {
        continue;
      }
      int[] longer = Arrays.copyOf(prefix, prefix.length + 1);
      longer[prefix.length] = k;
      Beam extended = next.computeIfAbsent(new Key(longer), key -> new Beam(longer));
      double from = k == last ? beam.blankEnding : total;
      extended.labelEnding = LogSpace.add(extended.labelEnding, from + logProbs[frame + k]);
    }
  }

  /** A label prefix as a hash key. */
  private static final class Key {
    private final int[] labels;
    private final int hash;

    Key(int[] labels) {
      this.labels = labels;
      this.hash = Arrays.hashCode(labels);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key && Arrays.equals(labels, ((Key) other).labels);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
