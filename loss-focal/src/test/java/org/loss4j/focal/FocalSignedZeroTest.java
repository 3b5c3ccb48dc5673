package org.loss4j.focal;

import org.junit.jupiter.api.Test;
import org.loss4j.testkit.assertions.SignedZeroAssertions;

/**
 * A logit of -0 takes the form of +0 (as {@code x < 0} is false for both) in the vector lanes
 * and in the scalar kernel alike, so its gradient does not depend on which of them ran.
 */
class FocalSignedZeroTest {

  @Test
  void negativeZeroLogitHasTheGradientOfPositiveZeroInLanesAndScalarCode() {
    SignedZeroAssertions.assertNegativeZeroActsAsPositiveZero(
        BinaryFocalCrossentropy.builder().gamma(2).fromLogits(true).reduction("none").build());
  }
}
