package org.loss4j.ctc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.loss4j.api.Loss;
import org.loss4j.api.Reduction;
import org.loss4j.api.Tensor;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.testkit.cases.LossCase;
import org.loss4j.testkit.cases.LossCases;

/** Keras's own CTC test values, with loss4j's P7 choice applied where the case file says so. */
class CTCKerasTest {
  /** Keras's assertAllClose default, as recorded in keras-test-cases.json. */
  private static final double KERAS_TOLERANCE = 1e-6;

  /** Keras's test logits: {@code (arange(24).reshape(2, 4, 3) - 12) / 100}. */
  private static float[][][] kerasLogits() {
    float[][][] logits = new float[2][4][3];
    for (int i = 0; i < 24; i++) {
      logits[i / 12][(i / 3) % 4][i % 3] = (i - 12) / 100f;
    }
    return logits;
  }

  @Test
  void kerasCorrectnessCaseIsRefusedForItsPaddingZeroBeforeALabel() {
    LossCase kerasCase = LossCases.kerasUnitTests().stream()
        .filter(c -> c.id().equals("CTCTest.test_correctness"))
        .findFirst()
        .orElseThrow();
    Loss ctc = LossRegistry.of(new CTCProvider()).create(kerasCase.loss(), kerasCase.config());

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ctc.compute(kerasCase.yTrue(), kerasCase.yPred()));

    assertTrue(kerasCase.expectedError().isPresent());
    assertTrue(error.getMessage().contains("padding 0 before a label"), error.getMessage());
    assertTrue(error.getMessage().startsWith("CTC: y_true[1]"), error.getMessage());
  }

  @Test
  void kerasCorrectnessFirstSampleMatchesKerasPerSampleValue() {
    Tensor logits = Tensor.of(new float[][][] {kerasLogits()[0]});
    Tensor labels = Tensor.of(new int[][] {{1, 2, 1, 0}});

    double loss = CTC.builder().reduction(Reduction.NONE).build()
        .perSample(labels, logits).getDouble(0);

    // keras-semantics.md section 7 CTC item 9: per-sample values [2.4429317, 2.45436].
    assertEquals(2.4429317, loss, 2.4429317 * KERAS_TOLERANCE);
  }

  @Test
  void kerasOpLevelCaseWithExplicitLengthsMatches() {
    // keras/src/ops/nn_test.py test_ctc_loss; expected values quoted in keras-semantics.md
    // section 7 CTC item 9. Sample 0 has the single alignment (1, 2, 1); by hand:
    // -log_softmax: 0.850444 + 1.267950 + 1.322790 = 3.441184.
    Tensor labels = Tensor.of(new int[][] {{1, 2, 1}, {1, 2, 2}});
    Tensor logits = Tensor.of(new float[][][] {
        {{0.4f, 0.8f, 0.4f}, {0.2f, 0.8f, 0.3f}, {0.9f, 0.4f, 0.5f}},
        {{0.4f, 0.8f, 0.4f}, {0.2f, 0.3f, 0.3f}, {0.4f, 0.3f, 0.2f}}});
    CTC ctc = CTC.builder().reduction(Reduction.NONE).build()
        .withLengths(new int[] {3, 2}, new int[] {3, 2});

    double[] losses = ctc.perSample(labels, logits).toDoubleArray();

    assertArrayEquals(new double[] {3.4411672, 1.91680186}, losses, 3.5 * KERAS_TOLERANCE);
  }
}
