package org.loss4j.api.spi;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Objects;

/**
 * Describes one parameter of a loss: its Keras name, type, default and meaning.
 *
 * <p>The registry uses the specs of a {@link LossProvider} to refuse unknown names and ill-typed
 * values, to fill in defaults, and to list what a loss accepts. Range checks ({@code gamma >= 0})
 * belong to the loss, which is built once from the coerced values.
 */
public final class ParameterSpec {
  private final String name;
  private final ParameterType type;
  private final Object defaultValue;
  private final boolean nullable;
  private final String description;

  private ParameterSpec(
      String name, ParameterType type, Object defaultValue, boolean nullable,
      String description) {
    this.name = name;
    this.type = type;
    this.defaultValue = defaultValue;
    this.nullable = nullable;
    this.description = description;
  }

  /**
   * Returns a spec whose value may not be null.
   *
   * @param name the Keras name, such as {@code "label_smoothing"}
   * @param type the type values are coerced to
   * @param defaultValue the default, already in canonical form
   * @param description one sentence for listings
   */
  public static ParameterSpec of(
      String name, ParameterType type, Object defaultValue, String description) {
    return new ParameterSpec(checkNotNull(name), checkNotNull(type), defaultValue, false,
        checkNotNull(description));
  }

  /** Returns a spec whose value may be null (the default may be null too). */
  public static ParameterSpec nullable(
      String name, ParameterType type, Object defaultValue, String description) {
    return new ParameterSpec(checkNotNull(name), checkNotNull(type), defaultValue, true,
        checkNotNull(description));
  }

  /** Returns the Keras name. */
  public String name() {
    return name;
  }

  /** Returns the type. */
  public ParameterType type() {
    return type;
  }

  /** Returns the default in canonical form; possibly null. */
  public Object defaultValue() {
    return defaultValue;
  }

  /** Returns whether null is a valid value. */
  public boolean isNullable() {
    return nullable;
  }

  /** Returns the one-sentence description. */
  public String description() {
    return description;
  }

  /**
   * Returns the canonical form of a raw value.
   *
   * @throws IllegalArgumentException naming this parameter and what it expects
   */
  public Object coerce(Object raw) {
    if (raw == null || (nullable && "null".equals(raw))) {
      if (nullable) {
        return null;
      }
      if (type == ParameterType.DTYPE) {
        return type.coerce(null);
      }
      throw new IllegalArgumentException(name + " must not be null, expected " + type.expected());
    }
    try {
      return type.coerce(raw);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ParameterSpec)) {
      return false;
    }
    ParameterSpec that = (ParameterSpec) other;
    return name.equals(that.name) && type == that.type && nullable == that.nullable
        && Objects.equals(defaultValue, that.defaultValue);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, type, defaultValue, nullable);
  }

  /** Returns {@code name: type = default}. */
  @Override
  public String toString() {
    return name + ": " + type.name().toLowerCase(java.util.Locale.ROOT) + " = " + defaultValue;
  }
}
