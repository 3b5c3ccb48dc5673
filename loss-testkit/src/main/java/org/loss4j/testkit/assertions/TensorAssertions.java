package org.loss4j.testkit.assertions;

import java.util.Arrays;
import org.loss4j.api.Tensor;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions on tensors for anyone's tests, with failure messages that show where and by how much
 * two tensors differ.
 *
 * <pre>{@code
 * TensorAssertions.assertAllClose(Tensor.scalar(1.177), loss.compute(yTrue, yPred), 0, 1e-3);
 * }</pre>
 *
 * <p>Elements match when {@code |actual - expected| <= atol + rtol * |expected|}; NaN matches NaN
 * and an infinity matches the same infinity. Dtypes may differ; shapes must be equal.
 */
public final class TensorAssertions {
  private static final int SHOWN_MISMATCHES = 5;

  private TensorAssertions() {}

  /**
   * Asserts that two tensors have the same shape and close elements.
   *
   * @param expected the reference; never null
   * @param actual the tensor under test; never null
   * @param rtol relative tolerance, {@code >= 0}
   * @param atol absolute tolerance, {@code >= 0}
   * @throws AssertionFailedError naming the shapes, or the first mismatching flat indices with
   *     both values, their difference and the allowed difference
   */
  public static void assertAllClose(Tensor expected, Tensor actual, double rtol, double atol) {
    assertAllClose(expected, actual, rtol, atol, "");
  }

  /**
   * Asserts like {@link #assertAllClose(Tensor, Tensor, double, double)}, prefixing the failure
   * message with {@code what}.
   *
   * @param what what is compared, such as {@code "per-sample loss"}; never null
   */
  public static void assertAllClose(
      Tensor expected, Tensor actual, double rtol, double atol, String what) {
    String prefix = what.isEmpty() ? "" : what + ": ";
    if (!Arrays.equals(expected.shape(), actual.shape())) {
      throw new AssertionFailedError(prefix + "expected shape "
          + Tensor.formatShape(expected.shape()) + ", got " + Tensor.formatShape(actual.shape()),
          expected, actual);
    }
    StringBuilder details = new StringBuilder();
    int mismatches = 0;
    double worst = 0;
    for (int i = 0; i < expected.size(); i++) {
      double e = expected.getDouble(i);
      double a = actual.getDouble(i);
      double allowed = atol + rtol * Math.abs(e);
      if (Double.compare(a, e) == 0 || Math.abs(a - e) <= allowed) {
        continue;
      }
      mismatches++;
      worst = Math.max(worst, Double.isNaN(a - e) ? Double.POSITIVE_INFINITY : Math.abs(a - e));
      if (mismatches <= SHOWN_MISMATCHES) {
        details.append(String.format("%n  [%d] expected %s, got %s (|diff| %.3g > allowed %.3g)",
            i, e, a, Math.abs(a - e), allowed));
      }
    }
    if (mismatches > 0) {
      throw new AssertionFailedError(String.format(
          "%s%d of %d elements differ (rtol %s, atol %s), largest |diff| %.3g:%s", prefix,
          mismatches, expected.size(), rtol, atol, worst, details), expected, actual);
    }
  }

  /**
   * Asserts that a scalar (a tensor of one element) is close to a number.
   *
   * @param expected the reference value
   * @param actual a tensor of one element; never null
   * @param what what is compared, shown first in the failure message; never null
   * @throws AssertionFailedError if the tensor has more than one element or is not close
   */
  public static void assertScalarClose(
      double expected, Tensor actual, double rtol, double atol, String what) {
    if (actual.size() != 1) {
      throw new AssertionFailedError(what + ": expected a single value, got shape "
          + Tensor.formatShape(actual.shape()));
    }
    assertAllClose(Tensor.scalar(expected), Tensor.scalar(actual.getDouble(0)), rtol, atol, what);
  }
}
