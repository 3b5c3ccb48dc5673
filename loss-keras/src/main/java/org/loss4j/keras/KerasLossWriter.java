package org.loss4j.keras;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.loss4j.api.Loss;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.keras.internal.Json;
import org.loss4j.keras.internal.LossEncoder;

/**
 * Writes a loss4j loss in the form Keras's {@code keras.losses.serialize} gives, which Keras's
 * {@code keras.losses.deserialize} and {@link KerasLossReader#fromJson} read back.
 *
 * <pre>{@code
 * Loss loss = LossRegistry.global().create("bce", Map.of("from_logits", true));
 * KerasLossWriter.toJson(loss, LossRegistry.global());
 * // {"module":"keras.losses","class_name":"BinaryCrossentropy","config":{
 * //   "name":"binary_crossentropy","reduction":"sum_over_batch_size","from_logits":true,
 * //   "label_smoothing":0.0,"axis":-1,"dtype":"float32"},"registered_name":null}
 * }</pre>
 *
 * <p>For Keras's eight built-in losses the config holds the keys of Keras's {@code get_config}
 * in its order, values as loss4j holds them (numbers as JSON numbers, {@code 0.0} written as
 * {@code 0.0}). A custom loss is written with a null module, its provider's class name and its
 * {@link org.loss4j.api.spi.LossProvider#kerasRegisteredName()} (else its class name) as
 * registered name, and {@code name}, {@code reduction} and its own arguments as config.
 *
 * <h2>Differences from Keras</h2>
 *
 * <ul>
 *   <li>Every built-in config ends with {@code dtype}, and SparseCategoricalCrossentropy's holds
 *       {@code axis} (choice P18), so that both survive the round trip; Keras 3.13 omits them from
 *       {@code get_config} but accepts both as constructor arguments, so Keras reads the JSON.
 *   <li>An argument loss4j has beyond Keras's constructor is written only when it differs from its
 *       default (Keras could not build such a loss anyway); so a default-valued loss is always
 *       readable by Keras. A custom loss's {@code dtype} is written only when it is float64.
 * </ul>
 */
public final class KerasLossWriter {
  private KerasLossWriter() {}

  /**
   * Returns the serialized form of a loss: an unmodifiable map {@code {"module", "class_name",
   * "config", "registered_name"}} whose config is an unmodifiable map in Keras's key order.
   *
   * @param loss the loss; never null
   * @param registry the registry holding the loss's provider; never null
   * @throws IllegalArgumentException if no provider in the registry answers to the loss's name
   */
  public static Map<String, Object> serialize(Loss loss, LossRegistry registry) {
    requireNonNull(loss, "loss");
    requireNonNull(registry, "registry");
    return LossEncoder.encode(loss, registry);
  }

  /**
   * Returns {@link #serialize} as compact JSON text, as Keras writes it into a model's
   * {@code config.json}.
   *
   * @throws IllegalArgumentException if no provider in the registry answers to the loss's name
   */
  public static String toJson(Loss loss, LossRegistry registry) {
    return Json.write(serialize(loss, registry));
  }
}
