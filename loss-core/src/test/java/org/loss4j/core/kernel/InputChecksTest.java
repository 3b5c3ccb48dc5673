package org.loss4j.core.kernel;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * The shared input checks on plain arrays; the shape checks on {@code Operands} are exercised
 * through every loss's bad-input tests.
 */
class InputChecksTest {
  @Test
  void classAxisNamesTheSuggestedBinaryLossForOneClass() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> InputChecks.classAxis("AcmeLoss", new int[] {4, 1}, -1, "AcmeBinaryLoss"));

    assertEquals("AcmeLoss: y_pred shape [4, 1] has 1 class along axis -1, expected at least 2"
        + " (the loss would be 0 whatever the prediction; use AcmeBinaryLoss)",
        error.getMessage());
  }

  @Test
  void classAxisRefusesRankZero() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> InputChecks.classAxis("AcmeLoss", new int[0], -1, "AcmeBinaryLoss"));

    assertEquals("AcmeLoss: y_pred shape [] has rank 0, expected rank >= 1", error.getMessage());
  }

  @Test
  void classAxisReturnsTheAxisOfTwoOrMoreClasses() {
    ClassAxis classes = InputChecks.classAxis("AcmeLoss", new int[] {2, 3, 4}, 1, "Binary");

    assertEquals(3, classes.length());
    assertEquals(8, classes.lanes());
  }

  @Test
  void nonZeroSumsNamesTheFirstZeroLaneWithAColonOnTheAxis() {
    // shape [2, 3], classes along axis 0: lanes are the columns; column 1 sums to 0 + 0 = 0
    double[] yPred = {0.5, 0, 0.25, 0.5, 0, 0.75};
    int[] shape = {2, 3};
    ClassAxis classes = ClassAxis.of(shape, 0, "AcmeLoss");

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> InputChecks.requireNonZeroSums("AcmeLoss", yPred, shape, classes, null));

    assertEquals("AcmeLoss: y_pred[:, 1] sums to 0 along axis 0, expected probabilities with a"
        + " positive sum", error.getMessage());
  }

  @Test
  void nonZeroSumsPassesOverSkippedLanes() {
    double[] yPred = {0.5, 0, 0.25, 0.5, 0, 0.75};
    int[] shape = {2, 3};
    ClassAxis classes = ClassAxis.of(shape, 0, "AcmeLoss");

    assertDoesNotThrow(() -> InputChecks.requireNonZeroSums("AcmeLoss", yPred, shape, classes,
        new boolean[] {false, true, false}));
  }

  @Test
  void indexFormatsAFlatRowMajorIndex() {
    // 7 in shape [2, 2, 3]: 7 = 1 * 6 + 0 * 3 + 1
    assertEquals("[1, 0, 1]", InputChecks.index(7, new int[] {2, 2, 3}));
  }
}
