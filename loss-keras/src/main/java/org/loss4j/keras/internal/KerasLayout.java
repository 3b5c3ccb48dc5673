package org.loss4j.keras.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The eight Keras losses loss4j implements, and the config keys Keras's constructors accept, in
 * the order Keras's {@code get_config} writes them (keras-semantics §9).
 *
 * <p>Two keys go beyond what Keras 3.13 writes (choice P18): {@code axis} for
 * SparseCategoricalCrossentropy, and {@code dtype} for every loss. Both are constructor
 * arguments, so Keras reads them back.
 */
public final class KerasLayout {
  /** The {@code module} Keras writes for its public loss classes. */
  public static final String MODULE = "keras.losses";

  private static final List<String> COMMON = List.of("name", "reduction");
  private static final List<String> CROSSENTROPY =
      List.of("name", "reduction", "from_logits", "label_smoothing", "axis", "dtype");

  private static final Map<String, List<String>> KEYS = Map.of(
      "BinaryCrossentropy", CROSSENTROPY,
      "BinaryFocalCrossentropy", List.of("name", "reduction", "from_logits", "label_smoothing",
          "axis", "apply_class_balancing", "alpha", "gamma", "dtype"),
      "CategoricalCrossentropy", CROSSENTROPY,
      "CategoricalFocalCrossentropy", List.of("name", "reduction", "from_logits",
          "label_smoothing", "axis", "alpha", "gamma", "dtype"),
      "SparseCategoricalCrossentropy",
      List.of("name", "reduction", "from_logits", "ignore_class", "axis", "dtype"),
      "Poisson", List.of("name", "reduction", "dtype"),
      "CTC", List.of("name", "reduction", "dtype"),
      "KLDivergence", List.of("name", "reduction", "dtype"));

  private KerasLayout() {}

  /**
   * Returns the config keys of a Keras built-in loss class, in Keras's order, {@code dtype}
   * last; empty for any other class name. Matching is exact, as in Keras.
   */
  public static Optional<List<String>> keysOf(String className) {
    return Optional.ofNullable(KEYS.get(className));
  }

  /** Returns {@code name} and {@code reduction}: the keys every Keras loss config starts with. */
  public static List<String> commonKeys() {
    return COMMON;
  }
}
