package org.loss4j.core.internal.kernel;

/** Row reductions the float32 scalar kernels share. */
final class FloatRows {
  private FloatRows() {}

  /** Returns the largest of {@code length} values from {@code start}; NaN if one is NaN. */
  static float max(float[] values, int start, int length) {
    float max = Float.NEGATIVE_INFINITY;
    for (int i = start; i < start + length; i++) {
      max = Math.max(max, values[i]);
    }
    return max;
  }
}
