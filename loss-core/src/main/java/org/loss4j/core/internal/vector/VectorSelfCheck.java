package org.loss4j.core.internal.vector;

import java.util.Arrays;
import org.loss4j.core.kernel.vector.VectorMath;

/**
 * Proves, before the vector path is chosen, that the Vector API links and computes: the
 * functions of {@link VectorMath} at known points, over whole vectors. Called reflectively by
 * {@code KernelPath}.
 */
public final class VectorSelfCheck {
  private static final double TOLERANCE = 1e-6;

  private VectorSelfCheck() {}

  /**
   * Checks {@code exp(-ln 2) = 1/2}, {@code log1p(e - 1) = 1} and {@code log(1) = 0} in every
   * lane.
   *
   * @throws IllegalStateException if a lane is off by more than {@code 1e-6}
   */
  public static void run() {
    int lanes = VectorMath.SPECIES.length();
    float[] values = new float[lanes];
    float[] results = new float[lanes];
    Arrays.fill(values, (float) -Math.log(2));
    VectorMath.expNonPositive(values, 0, results, 0, lanes);
    check("exp(-ln 2)", results, 0.5);
    Arrays.fill(values, (float) (Math.E - 1));
    VectorMath.log1pUnit(values, 0, results, 0, lanes);
    check("log1p(e - 1)", results, 1);
    Arrays.fill(values, 1f);
    VectorMath.log(values, 0, results, 0, lanes);
    check("log(1)", results, 0);
  }

  private static void check(String what, float[] results, double expected) {
    for (float result : results) {
      if (!(Math.abs(result - expected) <= TOLERANCE)) {
        throw new IllegalStateException(String.format(
            "lanewise %s gave %s, expected %s", what, result, expected));
      }
    }
  }

  /** Returns the vector shape in use, such as {@code 8 float lanes (256 bits)}. */
  public static String describe() {
    return VectorMath.SPECIES.length() + " float lanes (" + VectorMath.SPECIES.vectorBitSize()
        + " bits)";
  }
}
