package org.loss4j.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Says how the per-sample losses of a batch become the value a loss returns.
 *
 * <p>With per-sample losses {@code l}, weights {@code w} (1 when none are given) and a mask
 * {@code m} (1 when none is given), all broadcast to the per-sample shape with {@code n}
 * elements:
 *
 * <ul>
 *   <li>{@link #NONE}: {@code l * w * m}, element-wise, in the per-sample shape;
 *   <li>{@link #SUM}: {@code sum(l * w * m)};
 *   <li>{@link #SUM_OVER_BATCH_SIZE} and {@link #MEAN}: {@code sum(l * w * m) / n} without a
 *       mask, {@code sum(l * w * m) / sum(m)} with one;
 *   <li>{@link #MEAN_WITH_SAMPLE_WEIGHT}: {@code sum(l * w * m) / sum(w * m)}.
 * </ul>
 *
 * <p>A zero divisor gives 0, never NaN: an empty batch, all-zero weights and an all-masked batch
 * all reduce to 0. {@link ReductionSums} implements this arithmetic, for whole batches and for
 * batches reduced in chunks.
 *
 * <h2>Differences from Keras</h2>
 *
 * {@link #MEAN_WITH_SAMPLE_WEIGHT} divides by the weights broadcast to the per-sample shape; Keras
 * divides by the weights as given, so that a scalar weight turns it into {@code sum}. An empty
 * batch gives 0 where Keras returns an empty tensor.
 */
public enum Reduction {
  /** No reduction: the weighted per-sample losses. Keras {@code None} or {@code "none"}. */
  NONE("none"),
  /** The weighted sum. Keras {@code "sum"}. */
  SUM("sum"),
  /** The weighted sum over the number of (unmasked) elements. */
  SUM_OVER_BATCH_SIZE("sum_over_batch_size"),
  /** The same as {@link #SUM_OVER_BATCH_SIZE}. Keras {@code "mean"}. */
  MEAN("mean"),
  /** The weighted sum over the sum of the (unmasked) weights. */
  MEAN_WITH_SAMPLE_WEIGHT("mean_with_sample_weight");

  private final String kerasName;

  Reduction(String kerasName) {
    this.kerasName = kerasName;
  }

  /** Returns the Keras spelling, such as {@code "sum_over_batch_size"}. */
  public String kerasName() {
    return kerasName;
  }

  /** Returns whether this reduction returns a scalar. */
  public boolean reduces() {
    return this != NONE;
  }

  /**
   * Returns the reduction a Keras string names; {@code null} means {@link #NONE}.
   *
   * <p>Matching ignores case; Keras's own check is exact.
   *
   * @param name a Keras reduction string, or null
   * @throws IllegalArgumentException if the string names no reduction (Keras's {@code "auto"}
   *     included: Keras 3 refuses it too)
   */
  public static Reduction parse(String name) {
    if (name == null) {
      return NONE;
    }
    String wanted = name.toLowerCase(Locale.ROOT);
    for (Reduction reduction : values()) {
      if (reduction.kerasName.equals(wanted)) {
        return reduction;
      }
    }
    throw new IllegalArgumentException(
        "reduction must be one of " + allowedNames() + " or null, got " + name);
  }

  /** Returns the accepted Keras strings, in declaration order, for messages. */
  public static String allowedNames() {
    return Arrays.stream(values())
        .map(Reduction::kerasName)
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
