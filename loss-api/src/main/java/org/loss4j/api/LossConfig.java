package org.loss4j.api;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration of one loss: which loss (its registry name) and every argument under its
 * Keras name, in the order the loss's provider declares them.
 *
 * <p>Values are {@link Boolean}, {@link Integer}, {@link Double}, {@link String},
 * {@code List<Double>} or null, as {@link org.loss4j.api.spi.ParameterSpec} coerces them.
 * Instances are immutable. Keras's {@code get_config} is {@link Loss#config()};
 * {@code from_config} is {@link org.loss4j.api.registry.LossRegistry#create(LossConfig)}.
 *
 * <pre>{@code
 * LossConfig config = loss.config();
 * config.loss();                       // "binary_crossentropy"
 * config.getBoolean("from_logits");    // true
 * LossRegistry.global().create(config.with("label_smoothing", 0.1));
 * }</pre>
 */
public final class LossConfig {
  private final String loss;
  private final Map<String, Object> values;

  private LossConfig(String loss, Map<String, Object> values) {
    this.loss = loss;
    this.values = values;
  }

  /**
   * Returns a configuration; the map is copied, keeping its iteration order.
   *
   * @param loss the registry name of the loss, such as {@code "binary_crossentropy"}
   * @param values Keras-named arguments; null values are allowed
   */
  public static LossConfig of(String loss, Map<String, ?> values) {
    checkNotNull(loss, "loss");
    checkNotNull(values, "values");
    Map<String, Object> copy = new LinkedHashMap<>();
    values.forEach((key, value) -> copy.put(checkNotNull(key, "key"), freeze(value)));
    return new LossConfig(loss, Collections.unmodifiableMap(copy));
  }

  private static Object freeze(Object value) {
    return value instanceof List ? List.copyOf((List<?>) value) : value;
  }

  /** Returns the registry name of the loss this configuration builds. */
  public String loss() {
    return loss;
  }

  /** Returns every argument, in declaration order, as an unmodifiable map. */
  public Map<String, Object> values() {
    return values;
  }

  /** Returns whether an argument of that name is present. */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /**
   * Returns an argument's value, possibly null.
   *
   * @throws IllegalArgumentException if there is no argument of that name
   */
  public Object get(String key) {
    if (!values.containsKey(key)) {
      throw new IllegalArgumentException(
          loss + ": no parameter " + key + ", expected one of " + values.keySet());
    }
    return values.get(key);
  }

  /** Returns a boolean argument. */
  public boolean getBoolean(String key) {
    return (Boolean) typed(key, Boolean.class);
  }

  /** Returns a numeric argument as a double. */
  public double getDouble(String key) {
    return ((Number) typed(key, Number.class)).doubleValue();
  }

  /**
   * Returns an integer argument.
   *
   * @throws IllegalArgumentException if the value is absent, not a number or not a whole number
   *     in the int range
   */
  public int getInt(String key) {
    Number value = (Number) typed(key, Number.class);
    double asDouble = value.doubleValue();
    if (asDouble != Math.rint(asDouble) || asDouble < Integer.MIN_VALUE
        || asDouble > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          String.format("%s: %s must be an integer, got %s", loss, key, value));
    }
    return value.intValue();
  }

  /** Returns a string argument, possibly null. */
  public String getString(String key) {
    Object value = get(key);
    return value == null ? null : (String) typed(key, String.class);
  }

  private Object typed(String key, Class<?> type) {
    Object value = get(key);
    if (!type.isInstance(value)) {
      throw new IllegalArgumentException(String.format("%s: %s must be a %s, got %s", loss, key,
          type.getSimpleName(), value == null ? "null" : value.getClass().getSimpleName()));
    }
    return value;
  }

  /** Returns a copy with one argument set (added at the end if it was absent). */
  public LossConfig with(String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(values);
    copy.put(key, value);
    return of(loss, copy);
  }

  /** Returns a builder for a configuration of the named loss. */
  public static Builder builder(String loss) {
    return new Builder(loss);
  }

  /** Collects arguments in order; {@link #build()} makes the immutable configuration. */
  public static final class Builder {
    private final String loss;
    private final Map<String, Object> values = new LinkedHashMap<>();

    private Builder(String loss) {
      this.loss = checkNotNull(loss, "loss");
    }

    /** Adds or replaces an argument; null values are allowed. */
    public Builder put(String key, Object value) {
      values.put(checkNotNull(key, "key"), value);
      return this;
    }

    /** Returns the configuration. */
    public LossConfig build() {
      return of(loss, values);
    }
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof LossConfig)) {
      return false;
    }
    LossConfig that = (LossConfig) other;
    return loss.equals(that.loss) && values.equals(that.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(loss, values);
  }

  @Override
  public String toString() {
    return loss + values;
  }
}
