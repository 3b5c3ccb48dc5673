package org.loss4j.core.internal.vector;

import static jdk.incubator.vector.VectorOperators.MAX;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.loss4j.core.kernel.vector.VectorMath;

/** Lanewise reductions and transforms over one row that several vector kernels share. */
final class VectorRows {
  private static final VectorSpecies<Float> SPECIES = VectorMath.SPECIES;

  private VectorRows() {}

  /** Returns the largest of {@code length} values from {@code start}; NaN if one is NaN. */
  static float max(float[] values, int start, int length) {
    int bound = SPECIES.loopBound(length);
    FloatVector lanes = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
    for (int k = 0; k < bound; k += SPECIES.length()) {
      lanes = lanes.max(FloatVector.fromArray(SPECIES, values, start + k));
    }
    float max = lanes.reduceLanes(MAX);
    for (int i = start + bound; i < start + length; i++) {
      max = Math.max(max, values[i]);
    }
    return max;
  }

  /** Writes {@code values - max} of {@code length} values from {@code start} into {@code out}. */
  static void shift(float[] values, int start, int length, float max, float[] out) {
    int bound = SPECIES.loopBound(length);
    for (int k = 0; k < bound; k += SPECIES.length()) {
      FloatVector.fromArray(SPECIES, values, start + k).sub(max).intoArray(out, k);
    }
    for (int k = bound; k < length; k++) {
      out[k] = values[start + k] - max;
    }
  }

  /**
   * Returns the sum of {@code length} values from {@code start}: lane by lane over whole
   * vectors, the lanes in order, then the rest in order; the same bits on every JIT tier.
   */
  static double sum(float[] values, int start, int length, float[] lanes) {
    int bound = SPECIES.loopBound(length);
    FloatVector sum = FloatVector.zero(SPECIES);
    for (int k = 0; k < bound; k += SPECIES.length()) {
      sum = sum.add(FloatVector.fromArray(SPECIES, values, start + k));
    }
    sum.intoArray(lanes, 0);
    double total = VectorMath.sumInOrder(lanes);
    for (int i = start + bound; i < start + length; i++) {
      total += values[i];
    }
    return total;
  }
}
