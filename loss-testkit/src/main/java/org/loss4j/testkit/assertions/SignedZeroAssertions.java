package org.loss4j.testkit.assertions;

import java.util.Arrays;
import org.loss4j.api.Loss;
import org.loss4j.api.Tensor;
import org.opentest4j.AssertionFailedError;

/**
 * Asserts that a loss of logits treats a logit of {@code -0} exactly as {@code +0}, whichever
 * code computed it: a fast kernel that picks a formula by the sign bit, and another by
 * {@code x < 0}, round differently at zero.
 *
 * <pre>{@code
 * SignedZeroAssertions.assertNegativeZeroActsAsPositiveZero(
 *     BinaryCrossentropy.builder().fromLogits(true).build());
 * }</pre>
 *
 * <p>For losses that average elementwise terms over the last axis, such as binary cross-entropy
 * and its focal form. The label is {@code nextUp(0.3f)}, whose last bit makes the two forms of
 * {@code sigmoid(0) - t}, {@code (1 - t) - 1/2} and {@code 1/2 - t}, round apart. Rows of 16 and
 * of 4 logits ({@code -0}, {@code +0}, then 0.5) take the lanes and the scalar code of a
 * vectorised kernel with 8 lanes; both scale by a power of two, so gradient times row length
 * compares exactly.
 */
public final class SignedZeroAssertions {
  private static final float LABEL = Math.nextUp(0.3f);
  private static final int WIDE = 16;
  private static final int NARROW = 4;

  private SignedZeroAssertions() {}

  /**
   * Asserts that the gradients at {@code -0} and {@code +0} are the same bits, in rows of 16
   * and of 4.
   *
   * @param loss a loss from logits, averaging over the last axis
   * @throws AssertionFailedError naming the two rows or the row length that differ
   */
  public static void assertNegativeZeroActsAsPositiveZero(Loss loss) {
    float[] wide = gradientOfZeroLogits(loss, WIDE);
    float[] narrow = gradientOfZeroLogits(loss, NARROW);
    assertSameBits(wide[1] * WIDE, wide[0] * WIDE, "-0 against +0, row of 16");
    assertSameBits(narrow[1] * NARROW, narrow[0] * NARROW, "-0 against +0, row of 4");
    assertSameBits(wide[0] * WIDE, narrow[0] * NARROW, "row of 16 against row of 4");
  }

  private static float[] gradientOfZeroLogits(Loss loss, int length) {
    float[] logits = new float[length];
    float[] labels = new float[length];
    Arrays.fill(logits, 0.5f);
    Arrays.fill(labels, LABEL);
    logits[0] = -0f;
    logits[1] = 0f;
    float[] gradient = new float[length];
    loss.valueAndGradient(Tensor.of(labels, 1, length), Tensor.of(logits, 1, length), null,
        null).gradient().copyTo(gradient);
    return gradient;
  }

  private static void assertSameBits(float expected, float actual, String what) {
    if (Float.floatToIntBits(expected) != Float.floatToIntBits(actual)) {
      throw new AssertionFailedError(what + ": expected " + expected + " but was " + actual,
          expected, actual);
    }
  }
}
