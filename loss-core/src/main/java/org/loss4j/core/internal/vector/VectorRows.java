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
}
