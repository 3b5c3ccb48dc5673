package org.loss4j.core.internal.kernel;

/** Row reductions the float32 scalar kernels share. */
final class FloatRows {
  private FloatRows() {}

  /**
   * Returns the largest of {@code length} values from {@code start}, skipping NaN (a row that
   * holds one gets a NaN sum of exponentials, and its kernel falls back to the reference
   * formulas). A plain compare, which a row's few new maxima rarely take, costs about half of
   * {@code Math.max}, whose NaN and signed-zero rules take several instructions per element.
   */
  static float max(float[] values, int start, int length) {
    float max = Float.NEGATIVE_INFINITY;
    for (int i = start; i < start + length; i++) {
      float value = values[i];
      max = value > max ? value : max;
    }
    return max;
  }
}
