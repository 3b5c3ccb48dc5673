package org.loss4j.core.internal;

import java.util.Locale;

/**
 * Validates the constructor arguments several losses of this module share, with messages that
 * name the loss; {@code reduction}, {@code name} and {@code dtype} are validated by
 * {@link org.loss4j.api.AbstractLoss} for every loss.
 */
public final class Arguments {
  private Arguments() {}

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
