package org.loss4j.ctc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.loss4j.core.kernel.LogSoftmax;

/**
 * Checks which sequences the scaled recursion resolves itself and which it hands to log space,
 * and that what it resolves agrees with {@link ForwardBackward}.
 */
class ScaledRecursionTest {
  /** Both recursions run in double; they differ by rounding, a few ulps per frame. */
  private static final double RELATIVE = 1e-10;
  private static final double GRADIENT = 1e-10;

  @Test
  void speechSizedSequenceResolvesWithoutFlaggingAFrame() {
    // Workload W7's shape: 200 frames, 32 classes, a label of 40, logits in [-3, 3).
    Sequence sequence = Sequence.random(31, 200, 32, 40, 3.0);
    ScaledRecursion recursion = new ScaledRecursion(32, 0, 200, 40);

    double nll = recursion.negLogLikelihood(sequence.probs(), 200, sequence.label);

    assertFalse(recursion.flagged());
    assertEquals(sequence.logSpaceLoss(), nll, nll * RELATIVE);
  }

  @Test
  void thousandFramesBelowDoubleUnderflowResolveWithTheGradient() {
    Sequence sequence = Sequence.random(32, 1000, 32, 150, 3.0);
    ScaledRecursion recursion = new ScaledRecursion(32, 0, 1000, 150);
    double[] probs = sequence.probs();
    double[] softmax = probs.clone();

    double nll = recursion.negLogLikelihood(probs, 1000, sequence.label);
    boolean resolved = recursion.backward(probs, 1.0, true);

    assertTrue(nll > 745, "P = exp(-" + nll + ") is below Double.MIN_VALUE");
    assertTrue(resolved);
    assertEquals(sequence.logSpaceLoss(), nll, nll * RELATIVE);
    double[] expected = sequence.logSpaceGradient();
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], probs[i], GRADIENT, "gradient[" + i + "]");
    }
    assertTrue(softmax[0] != probs[0], "the gradient replaced the probabilities");
  }

  @Test
  void labelAgainstPeakedLogitsIsUnresolved() {
    // Label [1] over 3 frames where class 1 sits 1e4 below the others: P ~ exp(-1e4).
    double[] logits = new double[3 * 3];
    for (int t = 0; t < 3; t++) {
      logits[t * 3 + 1] = -1e4;
    }
    Sequence sequence = new Sequence(logits, 3, 3, new int[] {1});
    ScaledRecursion recursion = new ScaledRecursion(3, 0, 3, 1);

    double nll = recursion.negLogLikelihood(sequence.probs(), 3, sequence.label);

    assertTrue(Double.isNaN(nll), "unresolved, got " + nll);
  }

  @Test
  void peakedLogitsAlongTheLabelResolveThoughFramesAreFlagged() {
    // Label [1, 2] over 4 frames peaked by 1e4 at classes 1, 1, 2, 2: the alignment (1, 1, 2, 2)
    // has probability ~1, while every other softmax entry, the blank's included, underflows.
    double[] logits = new double[4 * 5];
    int[] peaks = {1, 1, 2, 2};
    for (int t = 0; t < 4; t++) {
      logits[t * 5 + peaks[t]] = 1e4;
    }
    int[] label = {1, 2};
    Sequence sequence = new Sequence(logits, 4, 5, label);
    ScaledRecursion recursion = new ScaledRecursion(5, 0, 4, 2);
    double[] probs = sequence.probs();

    double nll = recursion.negLogLikelihood(probs, 4, label);

    assertTrue(recursion.flagged());
    assertTrue(recursion.backward(probs, 1.0, false));
    // -log P = -log(p(1) p(1) p(2) p(2) + ~exp(-1e4)), p = 1 / (1 + 4 exp(-1e4)): 0 in double.
    assertEquals(0.0, nll);
  }

  /** One sequence's logits, row-major {@code [frames, classes]}, and its label (blank 0). */
  private static final class Sequence {
    private final double[] logits;
    private final int frames;
    private final int classes;
    private final int[] label;

    Sequence(double[] logits, int frames, int classes, int[] label) {
      this.logits = logits;
      this.frames = frames;
      this.classes = classes;
      this.label = label;
    }

    /** Draws logits from [-range, range) and a label of classes 1..C-1 with some repeats. */
    static Sequence random(long seed, int frames, int classes, int length, double range) {
      Random random = new Random(seed);
      double[] logits = new double[frames * classes];
      for (int i = 0; i < logits.length; i++) {
        logits[i] = range * (2 * random.nextDouble() - 1);
      }
      int[] label = new int[length];
      for (int i = 0; i < length; i++) {
        label[i] = i > 0 && random.nextInt(4) == 0 ? label[i - 1] : 1 + random.nextInt(classes - 1);
      }
      return new Sequence(logits, frames, classes, label);
    }

    double[] probs() {
      double[] probs = new double[logits.length];
      assertTrue(FrameSoftmax.of(logits, 0, frames, classes, probs));
      return probs;
    }

    double logSpaceLoss() {
      return new ForwardBackward(classes, 0, frames, label.length, false)
          .negLogLikelihood(logProbs(), 0, frames, label);
    }

    double[] logSpaceGradient() {
      double[] gradient = new double[logits.length];
      new ForwardBackward(classes, 0, frames, label.length, true)
          .gradient(logProbs(), 0, frames, label, 1.0, false, gradient);
      return gradient;
    }

    private double[] logProbs() {
      double[] logProbs = logits.clone();
      for (int t = 0; t < frames; t++) {
        LogSoftmax.apply(logProbs, t * classes, 1, classes, logProbs);
      }
      return logProbs;
    }
  }
}
