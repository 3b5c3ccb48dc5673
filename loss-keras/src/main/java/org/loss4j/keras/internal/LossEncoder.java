package org.loss4j.keras.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.api.spi.ParameterSpec;

/**
 * Writes a loss in the form {@code keras.losses.serialize} gives:
 * {@code {"module", "class_name", "config", "registered_name"}}.
 *
 * <p>For Keras's built-in classes the module is {@code "keras.losses"}, the registered name is
 * null and the config keys come in Keras's order (see {@link KerasLayout}), {@code dtype} last;
 * an argument loss4j has beyond Keras's constructor is written only when it differs from its
 * default, so that Keras can read every default-valued loss. For a custom loss the module is
 * null (as Keras writes it for the registered custom class in the shipped model files), the
 * registered name is the provider's {@link LossProvider#kerasRegisteredName()} (else the class
 * name), and the config holds {@code name}, {@code reduction}, the loss's own arguments and
 * {@code dtype} only when it is not the default float32, since a custom Keras class need not
 * accept it.
 */
public final class LossEncoder {
  private LossEncoder() {}

  /**
   * Returns the serialized form of a loss, as an unmodifiable map whose {@code config} is an
   * unmodifiable map in Keras's key order.
   *
   * @throws IllegalArgumentException if no provider in {@code registry} answers to the loss's
   *     configuration name
   */
  public static Map<String, Object> encode(Loss loss, LossRegistry registry) {
    LossConfig config = loss.config();
    LossProvider provider = registry.find(config.loss()).orElseThrow(() ->
        new IllegalArgumentException(loss.getClass().getSimpleName() + ": no provider in the "
            + "registry answers to " + config.loss() + ", expected the registry the loss came "
            + "from"));
    Optional<List<String>> builtIn = KerasLayout.keysOf(provider.className());
    Map<String, Object> serialized = new LinkedHashMap<>();
    serialized.put("module", builtIn.isPresent() ? KerasLayout.MODULE : null);
    serialized.put("class_name", provider.className());
    serialized.put("config", Collections.unmodifiableMap(builtIn.isPresent()
        ? builtInConfig(config, builtIn.get(), provider) : customConfig(config)));
    serialized.put("registered_name", builtIn.isPresent() ? null
        : provider.kerasRegisteredName().orElse(provider.className()));
    return Collections.unmodifiableMap(serialized);
  }

  private static Map<String, Object> builtInConfig(
      LossConfig config, List<String> keys, LossProvider provider) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String key : keys) {
      if (!key.equals("dtype") && config.has(key)) {
        out.put(key, config.get(key));
      }
    }
    for (ParameterSpec spec : provider.parameters()) {
      String key = spec.name();
      if (!keys.contains(key) && config.has(key)
          && !Objects.equals(config.get(key), spec.defaultValue())) {
        out.put(key, config.get(key));
      }
    }
    if (config.has("dtype")) {
      out.put("dtype", config.get("dtype"));
    }
    return out;
  }

  private static Map<String, Object> customConfig(LossConfig config) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String key : KerasLayout.commonKeys()) {
      if (config.has(key)) {
        out.put(key, config.get(key));
      }
    }
    config.values().forEach((key, value) -> {
      if (!out.containsKey(key) && !key.equals("dtype")) {
        out.put(key, value);
      }
    });
    if (config.has("dtype") && !"float32".equals(config.get("dtype"))) {
      out.put("dtype", config.get("dtype"));
    }
    return out;
  }
}
