package org.loss4j.core.internal.kernel;

/**
 * Per-thread work arrays for the scalar row kernels that reuse the double helpers of
 * {@code org.loss4j.core.kernel}: grown when needed, never shrunk, so a kernel allocates nothing
 * per row.
 */
final class RowScratch {
  private static final ThreadLocal<RowScratch> PER_THREAD =
      ThreadLocal.withInitial(RowScratch::new);

  private double[] input = new double[0];
  private double[] output = new double[0];
  private double[] spare = new double[0];

  private RowScratch() {}

  /** Returns this thread's scratch with all three arrays holding at least {@code length} values. */
  static RowScratch of(int length) {
    RowScratch scratch = PER_THREAD.get();
    if (scratch.input.length < length) {
      scratch.input = new double[length];
      scratch.output = new double[length];
      scratch.spare = new double[length];
    }
    return scratch;
  }

  /** Returns the input array, for a row widened to double. */
  double[] input() {
    return input;
  }

  /** Returns the output array. */
  double[] output() {
    return output;
  }

  /** Returns a third array, for a second result. */
  double[] spare() {
    return spare;
  }

  /** Copies {@code length} floats from {@code start} into {@link #input()} and returns it. */
  double[] widen(float[] values, int start, int length) {
    for (int k = 0; k < length; k++) {
      input[k] = values[start + k];
    }
    return input;
  }
}
