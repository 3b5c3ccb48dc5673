package org.loss4j.ctc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loss4j.api.Tensor;
import org.loss4j.ctc.CtcDecoder.Strategy;

/** Greedy and beam-search decoding on cases whose best answer is known or enumerated. */
class CtcDecoderTest {
  private static final double EXACT = 1e-12;
  private static final CtcDecoder GREEDY = CtcDecoder.builder().build();

  /** Frame probabilities {@code [0.6 blank, 0.4 label 1]} twice, given as log-probabilities. */
  private static Tensor bestPathIsNotBestLabeling() {
    double[] frame = {Math.log(0.6), Math.log(0.4)};
    return Tensor.of(new double[][][] {{frame, frame}});
  }

  @Test
  void greedyMergesRepeatsThenRemovesBlanks() {
    int[] argmax = {1, 1, 0, 2, 2, 0, 2, 1};
    double[][] logits = new double[argmax.length][3];
    for (int t = 0; t < argmax.length; t++) {
      logits[t][argmax[t]] = 2.0;
    }

    List<DecodedSequence> decoded = GREEDY.decode(CtcTestData.batchOf(logits)).get(0);

    assertEquals(1, decoded.size());
    assertArrayEquals(new int[] {1, 2, 2, 1}, decoded.get(0).labels());
    // Each frame: softmax of (2, 0, 0) at the 2 is e^2 / (e^2 + 2); eight such frames.
    double frame = Math.log(Math.exp(2) / (Math.exp(2) + 2));
    assertEquals(8 * frame, decoded.get(0).logProbability(), EXACT);
  }

  @Test
  void greedyReturnsTheBestPathEvenWhenAnotherLabelingIsMoreProbable() {
    DecodedSequence best = GREEDY.decode(bestPathIsNotBestLabeling()).get(0).get(0);

    // Path (blank, blank): 0.6 * 0.6 = 0.36.
    assertArrayEquals(new int[] {}, best.labels());
    assertEquals(Math.log(0.36), best.logProbability(), EXACT);
  }

  @Test
  void beamSearchFindsTheMostProbableLabeling() {
    CtcDecoder beam = CtcDecoder.builder().strategy(Strategy.BEAM_SEARCH).beamWidth(4)
        .topPaths(2).build();

    List<DecodedSequence> decoded = beam.decode(bestPathIsNotBestLabeling()).get(0);

    // [1] sums paths (1,b), (b,1), (1,1): 0.24 + 0.24 + 0.16 = 0.64; [] only (b,b): 0.36.
    assertEquals(2, decoded.size());
    assertArrayEquals(new int[] {1}, decoded.get(0).labels());
    assertEquals(Math.log(0.64), decoded.get(0).logProbability(), EXACT);
    assertArrayEquals(new int[] {}, decoded.get(1).labels());
    assertEquals(Math.log(0.36), decoded.get(1).logProbability(), EXACT);
  }

  @Test
  void wideBeamSearchMatchesEnumerationOfAllLabelings() {
    double[][] logits = CtcTestData.randomLogits(21, 4, 3);
    Map<List<Integer>, Double> byLabeling = new HashMap<>();
    double[][] probs = BruteForce.softmax(logits);
    for (int[] path : BruteForce.allPaths(4, 3)) {
      byLabeling.merge(BruteForce.collapse(path, 0), BruteForce.pathProbability(probs, path),
          Double::sum);
    }
    List<Map.Entry<List<Integer>, Double>> ranked = new ArrayList<>(byLabeling.entrySet());
    ranked.sort(Map.Entry.<List<Integer>, Double>comparingByValue().reversed());
    CtcDecoder beam = CtcDecoder.builder().strategy(Strategy.BEAM_SEARCH).beamWidth(100)
        .topPaths(3).build();

    List<DecodedSequence> decoded = beam.decode(CtcTestData.batchOf(logits)).get(0);

    for (int i = 0; i < 3; i++) {
      int[] expected = ranked.get(i).getKey().stream().mapToInt(Integer::intValue).toArray();
      assertArrayEquals(expected, decoded.get(i).labels(), "rank " + i);
      assertEquals(Math.log(ranked.get(i).getValue()), decoded.get(i).logProbability(), EXACT);
    }
  }

  @Test
  void logitLengthsLimitTheFramesDecoded() {
    double[][] logits = new double[3][3];
    logits[0][1] = 5;
    logits[1][2] = 5;
    logits[2][1] = 5;
    Tensor batch = Tensor.of(new double[][][] {logits, logits});

    List<List<DecodedSequence>> decoded = GREEDY.decode(batch, new int[] {2, 0});

    assertArrayEquals(new int[] {1, 2}, decoded.get(0).get(0).labels());
    assertArrayEquals(new int[] {}, decoded.get(1).get(0).labels());
    assertEquals(0.0, decoded.get(1).get(0).logProbability());
  }

  @Test
  void blankIndexOtherThanZeroIsRemoved() {
    double[][] logits = new double[3][3];
    logits[0][0] = 5;
    logits[1][2] = 5;
    logits[2][0] = 5;
    CtcDecoder lastBlank = CtcDecoder.builder().blankIndex(2).build();

    DecodedSequence decoded = lastBlank.decode(CtcTestData.batchOf(logits)).get(0).get(0);

    assertArrayEquals(new int[] {0, 0}, decoded.labels());
  }

  @Test
  void rejectsLogitsNotOfRankThree() {
    Tensor rank2 = Tensor.of(new double[6], 2, 3);

    String message = assertThrows(IllegalArgumentException.class, () -> GREEDY.decode(rank2))
        .getMessage();

    assertEquals("CtcDecoder: logits must have shape [batch, time, classes], got shape [2, 3]",
        message);
  }

  @Test
  void rejectsLengthLongerThanTheTimeAxis() {
    Tensor logits = Tensor.of(new double[12], 2, 2, 3);

    String message = assertThrows(IllegalArgumentException.class,
        () -> GREEDY.decode(logits, new int[] {2, 3})).getMessage();

    assertEquals("CtcDecoder: logit_lengths[1] = 3, expected a length in 0..2 (the time"
        + " dimension)", message);
  }

  @Test
  void rejectsMoreTopPathsThanTheBeamKeeps() {
    String message = assertThrows(IllegalArgumentException.class, () -> CtcDecoder.builder()
        .strategy(Strategy.BEAM_SEARCH).beamWidth(2).topPaths(3).build()).getMessage();

    assertEquals("CtcDecoder: top_paths = 3, expected at most beam_width (2)", message);
  }

  @Test
  void rejectsSeveralPathsForGreedyDecoding() {
    String message = assertThrows(IllegalArgumentException.class,
        () -> CtcDecoder.builder().topPaths(2).build()).getMessage();

    assertEquals("CtcDecoder: top_paths = 2, expected 1 for greedy decoding", message);
  }

  @Test
  void rejectsBlankOutsideTheClasses() {
    CtcDecoder blankFive = CtcDecoder.builder().blankIndex(5).build();

    String message = assertThrows(IllegalArgumentException.class,
        () -> blankFive.decode(Tensor.of(new double[6], 1, 2, 3))).getMessage();

    assertEquals("CtcDecoder: blank_index = 5, expected a class in 0..2 of logits shape"
        + " [1, 2, 3]", message);
  }
}
