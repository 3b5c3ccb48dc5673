package org.loss4j.core;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.LossBuilder;
import org.loss4j.api.Tensor;

/**
 * A loss configuration that takes a float32 row kernel, built twice: float32 (the kernel) and
 * float64 (forward and backward in double, the reference), with inputs of any shape drawn from a
 * seeded generator in the loss's domain.
 */
final class KernelCase {
  private final String name;
  private final Supplier<LossBuilder<?, ?>> builder;
  private final boolean sparse;
  private final Domain domain;

  /** Where the inputs of a case live. */
  enum Domain {
    /** Logits in [-12, 12] and labels in [0, 1]. */
    LOGITS,
    /** Probabilities in [0.01, 0.99] and labels in [0, 1]. */
    PROBABILITIES,
    /** Rates in [0, 5] and counts 0..6. */
    RATES
  }

  private KernelCase(
      String name, Supplier<LossBuilder<?, ?>> builder, boolean sparse, Domain domain) {
    this.name = name;
    this.builder = builder;
    this.sparse = sparse;
    this.domain = domain;
  }

  /** Returns every loss-core configuration that has a kernel, on every reduction. */
  static List<KernelCase> all() {
    return List.of(
        new KernelCase("bce from logits",
            () -> BinaryCrossentropy.builder().fromLogits(true), false, Domain.LOGITS),
        new KernelCase("bce from logits, smoothing 0.2",
            () -> BinaryCrossentropy.builder().fromLogits(true).labelSmoothing(0.2), false,
            Domain.LOGITS),
        new KernelCase("bce from probabilities",
            () -> BinaryCrossentropy.builder().labelSmoothing(0.1), false,
            Domain.PROBABILITIES),
        new KernelCase("cce from logits",
            () -> CategoricalCrossentropy.builder().fromLogits(true), false, Domain.LOGITS),
        new KernelCase("cce from logits, smoothing 0.1",
            () -> CategoricalCrossentropy.builder().fromLogits(true).labelSmoothing(0.1),
            false, Domain.LOGITS),
        new KernelCase("scce from logits",
            () -> SparseCategoricalCrossentropy.builder().fromLogits(true), true,
            Domain.LOGITS),
        new KernelCase("kl divergence", KLDivergence::builder, false, Domain.PROBABILITIES),
        new KernelCase("poisson", Poisson::builder, false, Domain.RATES));
  }

  /** Returns the loss in the given dtype and reduction. */
  Loss loss(DType dtype, String reduction) {
    return builder.get().dtype(dtype).reduction(reduction).build();
  }

  /** Returns {@code y_pred} of shape {@code [rows, length]}, float32. */
  Tensor yPred(SplittableRandom random, int rows, int length) {
    float[] values = new float[rows * length];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) switch (domain) {
        case LOGITS -> random.nextDouble(-12, 12);
        case PROBABILITIES -> random.nextDouble(0.01, 0.99);
        case RATES -> random.nextDouble(0, 5);
      };
    }
    return Tensor.of(values, rows, length);
  }

  /** Returns {@code y_true} fitting {@link #yPred}: class ids for a sparse loss. */
  Tensor yTrue(SplittableRandom random, int rows, int length) {
    if (sparse) {
      int[] labels = new int[rows];
      for (int i = 0; i < rows; i++) {
        labels[i] = random.nextInt(length);
      }
      return Tensor.ofInts(labels, rows);
    }
    float[] values = new float[rows * length];
    for (int i = 0; i < values.length; i++) {
      values[i] = domain == Domain.RATES ? random.nextInt(7) : (float) random.nextDouble();
    }
    return Tensor.of(values, rows, length);
  }

  /** Returns whether {@code y_pred} rows need at least two classes. */
  boolean needsClasses() {
    return name.startsWith("cce") || name.startsWith("scce");
  }

  @Override
  public String toString() {
    return name;
  }
}
