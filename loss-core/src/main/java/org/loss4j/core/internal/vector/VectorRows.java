package org.loss4j.core.internal.vector;

import static jdk.incubator.vector.VectorOperators.MAX;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.loss4j.core.kernel.vector.VectorMath;

/** Lanewise reductions over one row that several vector kernels share. */
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

  /**
   * Returns {@code sum(exp(values - max))} over {@code length} values from {@code start}, and
   * stores each {@code exp(values - max)} at its index in {@code exps} unless it is null.
   */
  static double sumExp(float[] values, int start, int length, float max, float[] exps) {
    int bound = SPECIES.loopBound(length);
    FloatVector sum = FloatVector.zero(SPECIES);
    for (int k = 0; k < bound; k += SPECIES.length()) {
      FloatVector e = VectorMath.expNonPositive(
          FloatVector.fromArray(SPECIES, values, start + k).sub(max));
      sum = sum.add(e);
      if (exps != null) {
        e.intoArray(exps, start + k);
      }
    }
    double total = VectorMath.sum(sum);
    for (int i = start + bound; i < start + length; i++) {
      float e = (float) Math.exp(values[i] - max);
      total += e;
      if (exps != null) {
        exps[i] = e;
      }
    }
    return total;
  }

  /** Multiplies {@code length} values from {@code start} by {@code factor}, in place. */
  static void scale(float[] values, int start, int length, float factor) {
    int bound = SPECIES.loopBound(length);
    for (int k = 0; k < bound; k += SPECIES.length()) {
      FloatVector.fromArray(SPECIES, values, start + k).mul(factor)
          .intoArray(values, start + k);
    }
    for (int i = start + bound; i < start + length; i++) {
      values[i] *= factor;
    }
  }
}
