package org.loss4j.focal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.loss4j.api.Loss;
import org.loss4j.api.Tensor;

/**
 * A logit of -0 takes the form of +0 (as {@code x < 0} is false for both) in the vector lanes
 * and in the scalar kernel alike, so its gradient does not depend on which of them ran.
 */
class FocalSignedZeroTest {

  @Test
  void negativeZeroLogitHasTheGradientOfPositiveZeroInLanesAndScalarCode() {
    // A label whose last bit is odd makes the two forms round apart; rows of 16 run the lanes
    // on the vector path and rows of 4 the scalar kernel, and both scale by a power of two, so
    // gradient * row length compares exactly.
    float label = Math.nextUp(0.3f);
    float[] wide = gradientOfZeroLogits(16, label);
    float[] narrow = gradientOfZeroLogits(4, label);
    assertEquals(wide[1] * 16, wide[0] * 16, "-0 against +0, row of 16");
    assertEquals(narrow[1] * 4, narrow[0] * 4, "-0 against +0, row of 4");
    assertEquals(wide[0] * 16, narrow[0] * 4, "row of 16 against row of 4");
  }

  /** Returns the focal gradient (gamma 2) of one row of {@code length}: -0, +0, then 0.5s. */
  private static float[] gradientOfZeroLogits(int length, float label) {
    float[] logits = new float[length];
    float[] labels = new float[length];
    Arrays.fill(logits, 0.5f);
    Arrays.fill(labels, label);
    logits[0] = -0f;
    logits[1] = 0f;
    Loss loss = BinaryFocalCrossentropy.builder().gamma(2).fromLogits(true).reduction("none")
        .build();
    float[] gradient = new float[length];
    loss.valueAndGradient(Tensor.of(labels, 1, length), Tensor.of(logits, 1, length), null,
        null).gradient().copyTo(gradient);
    return gradient;
  }
}
