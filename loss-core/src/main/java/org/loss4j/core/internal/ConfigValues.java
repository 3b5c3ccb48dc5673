package org.loss4j.core.internal;

import org.loss4j.api.LossConfig;

/**
 * Reads a provider's arguments from a {@link LossConfig}, taking the loss's own default where an
 * argument is absent, so that a hand-written partial configuration also builds a loss.
 */
public final class ConfigValues {
  private ConfigValues() {}

  /** Returns a boolean argument, or {@code absent} if the configuration lacks it. */
  public static boolean bool(LossConfig config, String key, boolean absent) {
    return config.has(key) ? config.getBoolean(key) : absent;
  }

  /** Returns a numeric argument, or {@code absent} if the configuration lacks it. */
  public static double number(LossConfig config, String key, double absent) {
    return config.has(key) ? config.getDouble(key) : absent;
  }

  /** Returns an integer argument, or {@code absent} if the configuration lacks it. */
  public static int integer(LossConfig config, String key, int absent) {
    return config.has(key) ? config.getInt(key) : absent;
  }

  /** Returns an integer argument that may be null, or null if the configuration lacks it. */
  public static Integer nullableInteger(LossConfig config, String key) {
    return config.has(key) && config.get(key) != null ? config.getInt(key) : null;
  }
}
