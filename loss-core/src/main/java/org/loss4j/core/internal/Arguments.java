package org.loss4j.core.internal;

import java.util.Locale;
import org.loss4j.api.DType;
import org.loss4j.api.Reduction;

/**
 * Validates the constructor arguments the losses share and turns their Keras spellings into
 * loss4j values, with messages that name the loss.
 */
public final class Arguments {
  private Arguments() {}

  /**
   * Returns the canonical Keras spelling of a reduction ({@code "sum"}, ...), or null for null.
   *
   * @throws IllegalArgumentException naming the loss if the string names no reduction
   */
  public static String reductionName(String loss, String reduction) {
    return reduction == null ? null : reduction(loss, reduction).kerasName();
  }

  /**
   * Returns the reduction a Keras string names; null means {@link Reduction#NONE}.
   *
   * @throws IllegalArgumentException naming the loss if the string names no reduction
   */
  public static Reduction reduction(String loss, String reduction) {
    try {
      return Reduction.parse(reduction);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(loss + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns the compute type a dtype string names; null means float32.
   *
   * @throws IllegalArgumentException naming the loss for anything but float32 and float64
   */
  public static DType dtype(String loss, String dtype) {
    try {
      return DType.parseCompute(dtype);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(loss + ": " + e.getMessage(), e);
    }
  }

  /** Returns {@code name}, or {@code defaultName} when it is null or empty (as Keras does). */
  public static String name(String name, String defaultName) {
    return name == null || name.isEmpty() ? defaultName : name;
  }

  /**
   * Returns {@code labelSmoothing} if it lies in {@code [0, 1]}.
   *
   * @throws IllegalArgumentException naming the loss otherwise (NaN included)
   */
  public static double labelSmoothing(String loss, double labelSmoothing) {
    if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: label_smoothing must be in [0, 1], got %s", loss, labelSmoothing));
    }
    return labelSmoothing;
  }
}
