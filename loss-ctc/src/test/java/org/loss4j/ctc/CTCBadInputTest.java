package org.loss4j.ctc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.loss4j.api.DType;
import org.loss4j.api.Tensor;

/** Bad input is refused before anything is computed, with a message naming what and why. */
class CTCBadInputTest {
  private static final CTC CTC_LOSS = CTC.builder().build();
  private static final Tensor LOGITS = Tensor.of(new double[2 * 4 * 3], 2, 4, 3);

  private static String refusal(Executable call) {
    return assertThrows(IllegalArgumentException.class, call).getMessage();
  }

  @Test
  void rejectsPredictionsNotOfRankThree() {
    Tensor rank2 = Tensor.of(new double[2 * 4], 2, 4);

    String message = refusal(() -> CTC_LOSS.compute(Tensor.of(new int[][] {{1}, {2}}), rank2));

    assertEquals("CTC: y_pred must have shape [batch, time, classes], got shape [2, 4]", message);
  }

  @Test
  void rejectsLabelsNotOfRankTwo() {
    Tensor rank3 = Tensor.ofInts(new int[] {1, 2, 1, 2}, 2, 2, 1);

    String message = refusal(() -> CTC_LOSS.compute(rank3, LOGITS));

    assertEquals("CTC: y_true must have shape [batch, max_label_length], got shape [2, 2, 1]",
        message);
  }

  @Test
  void rejectsMismatchedBatchSizes() {
    Tensor threeRows = Tensor.of(new int[][] {{1}, {2}, {1}});

    String message = refusal(() -> CTC_LOSS.compute(threeRows, LOGITS));

    assertEquals("CTC: y_true shape [3, 1] and y_pred shape [2, 4, 3] disagree on the batch"
        + " size, expected equal first dimensions", message);
  }

  @Test
  void rejectsLabelNotBelowTheClassCount() {
    Tensor labels = Tensor.of(new int[][] {{1, 2}, {3, 0}});

    String message = refusal(() -> CTC_LOSS.compute(labels, LOGITS));

    assertEquals("CTC: y_true[1, 0] = 3, expected an integer label in 0..2 other than"
        + " blank_index 0", message);
  }

  @Test
  void rejectsNegativeLabel() {
    Tensor labels = Tensor.of(new int[][] {{1, -1}, {2, 0}});

    String message = refusal(() -> CTC_LOSS.compute(labels, LOGITS));

    assertEquals("CTC: y_true[0, 1] = -1, expected an integer label in 0..2 other than"
        + " blank_index 0", message);
  }

  @Test
  void rejectsFractionalLabel() {
    Tensor labels = Tensor.of(new double[][] {{1.5, 0}, {2, 0}});

    String message = refusal(() -> CTC_LOSS.compute(labels, LOGITS));

    assertEquals("CTC: y_true[0, 0] = 1.5, expected an integer label in 0..2 other than"
        + " blank_index 0", message);
  }

  @Test
  void rejectsTheBlankInsideAnExplicitLengthLabel() {
    Tensor labels = Tensor.of(new int[][] {{1, 0}, {2, 1}});
    CTC bound = CTC_LOSS.withLengths(new int[] {2, 2}, null);

    String message = refusal(() -> bound.compute(labels, LOGITS));

    assertEquals("CTC: y_true[0, 1] = 0, expected an integer label in 0..2 other than"
        + " blank_index 0", message);
  }

  @Test
  void rejectsPaddingZeroBeforeALabel() {
    Tensor labels = Tensor.of(new int[][] {{1, 0, 2}, {2, 0, 0}});

    String message = refusal(() -> CTC_LOSS.compute(labels, LOGITS));

    assertEquals("CTC: y_true[0] = [1, 0, 2] has a padding 0 before a label (at index 1),"
        + " expected 0 only as trailing padding, or explicit label lengths", message);
  }

  @Test
  void rejectsLabelLengthLongerThanTheLabelArray() {
    CTC bound = CTC_LOSS.withLengths(new int[] {1, 3}, null);

    String message = refusal(() -> bound.compute(Tensor.of(new int[][] {{1, 2}, {2, 1}}), LOGITS));

    assertEquals("CTC: label_lengths[1] = 3, expected a length in 0..2 (max_label_length)",
        message);
  }

  @Test
  void rejectsLogitLengthLongerThanTheTimeAxis() {
    CTC bound = CTC_LOSS.withLengths(null, new int[] {5, 4});

    String message = refusal(() -> bound.compute(Tensor.of(new int[][] {{1}, {2}}), LOGITS));

    assertEquals("CTC: logit_lengths[0] = 5, expected a length in 0..4 (the time dimension)",
        message);
  }

  @Test
  void rejectsLengthsThatDoNotMatchTheBatch() {
    CTC bound = CTC_LOSS.withLengths(new int[] {1, 1, 1}, null);

    String message = refusal(() -> bound.compute(Tensor.of(new int[][] {{1}, {2}}), LOGITS));

    assertEquals("CTC: label_lengths has 3 entries, expected one per sample (2)", message);
  }

  @Test
  void rejectsNegativeLengthWhenBinding() {
    String message = refusal(() -> CTC_LOSS.withLengths(null, new int[] {4, -1}));

    assertEquals("CTC: logit_lengths[1] = -1, expected a length >= 0", message);
  }

  @Test
  void rejectsBlankIndexOutsideTheClasses() {
    CTC blankThree = CTC.builder().blankIndex(3).build();

    String message = refusal(() -> blankThree.compute(Tensor.of(new int[][] {{1}, {2}}), LOGITS));

    assertEquals("CTC: blank_index = 3, expected a class in 0..2 of y_pred shape [2, 4, 3]",
        message);
  }

  @Test
  void rejectsNegativeBlankIndex() {
    String message = refusal(() -> CTC.builder().blankIndex(-1));

    assertEquals("CTC: blank_index must be >= 0, got -1", message);
  }

  @Test
  void rejectsIntegerDtype() {
    String message = refusal(() -> CTC.builder().dtype(DType.INT32));

    assertEquals("CTC: dtype must be one of [float32, float64], got int32", message);
  }
}
