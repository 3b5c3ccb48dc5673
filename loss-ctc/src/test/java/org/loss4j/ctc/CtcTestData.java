package org.loss4j.ctc;

import java.util.Random;
import org.loss4j.api.DType;
import org.loss4j.api.Reduction;
import org.loss4j.api.Tensor;

/** Builds the small inputs the CTC tests share. */
final class CtcTestData {
  private CtcTestData() {}

  /** Returns logits {@code [frames][classes]} drawn uniformly from [-2, 2) with a fixed seed. */
  static double[][] randomLogits(long seed, int frames, int classes) {
    Random random = new Random(seed);
    double[][] logits = new double[frames][classes];
    for (int t = 0; t < frames; t++) {
      for (int k = 0; k < classes; k++) {
        logits[t][k] = 4 * random.nextDouble() - 2;
      }
    }
    return logits;
  }

  /** Returns a float64 CTC with no reduction, so that values are the per-sample losses. */
  static CTC float64() {
    return CTC.builder().dtype(DType.FLOAT64).reduction(Reduction.NONE).build();
  }

  /** Returns one sample as a batch: logits {@code [1, T, C]}. */
  static Tensor batchOf(double[][] logits) {
    return Tensor.of(new double[][][] {logits});
  }

  /** Returns one label row as a batch {@code [1, L]}. */
  static Tensor labelsOf(int... label) {
    return Tensor.ofInts(label, 1, label.length);
  }
}
