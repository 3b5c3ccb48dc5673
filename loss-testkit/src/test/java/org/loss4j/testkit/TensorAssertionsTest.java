package org.loss4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.loss4j.api.Tensor;
import org.loss4j.testkit.assertions.TensorAssertions;

/** Failure messages of the tensor assertions show where and by how much tensors differ. */
class TensorAssertionsTest {
  @Test
  void acceptsDifferencesWithinTolerance() {
    // |1.0005 - 1| = 5e-4 <= atol 1e-3.
    TensorAssertions.assertAllClose(Tensor.of(new double[] {1, 2}),
        Tensor.of(new double[] {1.0005, 2}), 0, 1e-3);
  }

  @Test
  void matchesNaNWithNaN() {
    TensorAssertions.assertAllClose(Tensor.scalar(Double.NaN), Tensor.scalar(Double.NaN), 0, 0);
  }

  @Test
  void namesTheMismatchingIndexAndBothValues() {
    AssertionError error = assertThrows(AssertionError.class,
        () -> TensorAssertions.assertAllClose(Tensor.of(new double[] {1, 2, 3}),
            Tensor.of(new double[] {1, 2.5, 3}), 0, 1e-3, "per-sample loss"));

    assertTrue(error.getMessage().startsWith("per-sample loss: 1 of 3 elements differ"),
        error::getMessage);
    assertTrue(error.getMessage().contains("[1] expected 2.0, got 2.5"), error::getMessage);
  }

  @Test
  void namesBothShapesWhenTheyDiffer() {
    AssertionError error = assertThrows(AssertionError.class,
        () -> TensorAssertions.assertAllClose(Tensor.of(new double[] {1, 2}),
            Tensor.of(new double[] {1, 2}, 2, 1), 0, 0));

    assertEquals("expected shape [2], got [2, 1]", error.getMessage());
  }
}
