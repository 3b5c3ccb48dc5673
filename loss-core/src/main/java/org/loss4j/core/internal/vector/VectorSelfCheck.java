package org.loss4j.core.internal.vector;

import jdk.incubator.vector.FloatVector;
import org.loss4j.core.kernel.vector.VectorMath;

/**
 * Proves, before the vector path is chosen, that the Vector API links and computes: the lanewise
 * functions of {@link VectorMath} at known points. Called reflectively by {@code KernelPath}.
 */
public final class VectorSelfCheck {
  private static final double TOLERANCE = 1e-6;

  private VectorSelfCheck() {}

  /**
   * Checks {@code exp(-ln 2) = 1/2}, {@code log1p(e - 1) = 1} and {@code log(1) = 0} in every
   * lane.
   *
   * @throws IllegalStateException if a lane sum is off by more than {@code 1e-6} per lane
   */
  public static void run() {
    int lanes = VectorMath.SPECIES.length();
    double sumOfExp = VectorMath.sum(VectorMath.expNonPositive(
        FloatVector.broadcast(VectorMath.SPECIES, (float) -Math.log(2))));
    double sumOfLog1p = VectorMath.sum(VectorMath.log1pUnit(
        FloatVector.broadcast(VectorMath.SPECIES, (float) (Math.E - 1))));
    double sumOfLog = VectorMath.sum(
        VectorMath.log(FloatVector.broadcast(VectorMath.SPECIES, 1f)));
    boolean right = Math.abs(sumOfExp - 0.5 * lanes) <= TOLERANCE * lanes
        && Math.abs(sumOfLog1p - lanes) <= TOLERANCE * lanes
        && Math.abs(sumOfLog) <= TOLERANCE * lanes;
    if (!right) {
      throw new IllegalStateException(String.format(
          "lanewise exp, log1p, log gave sums %s, %s, %s over %d lanes, expected %s, %d, 0",
          sumOfExp, sumOfLog1p, sumOfLog, lanes, 0.5 * lanes, lanes));
    }
  }

  /** Returns the vector shape in use, such as {@code 8 float lanes (256 bits)}. */
  public static String describe() {
    return VectorMath.SPECIES.length() + " float lanes (" + VectorMath.SPECIES.vectorBitSize()
        + " bits)";
  }
}
