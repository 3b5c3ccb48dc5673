package org.loss4j.core.internal.vector;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LT;
import static jdk.incubator.vector.VectorOperators.MAX;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.loss4j.core.kernel.vector.VectorMath;

/** Lanewise reductions and transforms over one row that several vector kernels share. */
final class VectorRows {
  private static final VectorSpecies<Float> SPECIES = VectorMath.SPECIES;

  private VectorRows() {}

  /**
   * Returns the largest of {@code length} values from {@code start}, by plain compares: NaN is
   * skipped, as in {@code FloatRows.max}, so a caller finds a NaN through the sums it feeds; a
   * row of NaN and -infinity only gives -infinity.
   */
  static float max(float[] values, int start, int length) {
    int bound = SPECIES.loopBound(length);
    FloatVector lanes = FloatVector.broadcast(SPECIES, Float.NEGATIVE_INFINITY);
    for (int k = 0; k < bound; k += SPECIES.length()) {
      FloatVector v = FloatVector.fromArray(SPECIES, values, start + k);
      lanes = lanes.blend(v, v.compare(GT, lanes));
    }
    float max = lanes.reduceLanes(MAX);
    for (int i = start + bound; i < start + length; i++) {
      max = values[i] > max ? values[i] : max;
    }
    return max;
  }

  /**
   * Returns the index of the first negative value (below 0, so not -0 or NaN), or -1: four
   * vectors' compares joined into one test per step, and the scalar search only from the step
   * that holds one (and over the last elements of fewer than four vectors).
   */
  static int firstNegative(float[] values) {
    int lanes = SPECIES.length();
    int step = 4 * lanes;
    int bound = values.length - values.length % step;
    int k = 0;
    while (k < bound && !FloatVector.fromArray(SPECIES, values, k).compare(LT, 0f)
        .or(FloatVector.fromArray(SPECIES, values, k + lanes).compare(LT, 0f))
        .or(FloatVector.fromArray(SPECIES, values, k + 2 * lanes).compare(LT, 0f))
        .or(FloatVector.fromArray(SPECIES, values, k + 3 * lanes).compare(LT, 0f))
        .anyTrue()) {
      k += step;
    }
    for (int i = k; i < values.length; i++) {
      if (values[i] < 0) {
        return i;
      }
    }
    return -1;
  }
}
