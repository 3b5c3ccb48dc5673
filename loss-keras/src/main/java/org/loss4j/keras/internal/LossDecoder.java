package org.loss4j.keras.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.registry.InstalledLoss;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.api.spi.ParameterSpec;

/**
 * Builds the loss one serialized Keras loss describes, through a {@link LossRegistry}.
 *
 * <p>Accepted forms:
 *
 * <ul>
 *   <li>a name string, resolved as Keras's {@code losses.get} does: a class name
 *       ({@code "BinaryCrossentropy"}) or a function name ({@code "binary_crossentropy"},
 *       {@code "bce"}) gives that loss with its defaults, which is what {@code model.compile}
 *       trains with;
 *   <li>{@code {"module", "class_name", "config", "registered_name"}}: the class is found by its
 *       registered name when it is a custom one ({@code "acme>Poly1"}, matched exactly against
 *       {@link LossProvider#kerasRegisteredName()}), otherwise by its class name; every config key
 *       must be a parameter of that loss, with a value of the right JSON type;
 *   <li>{@code {"class_name": "function", "config": "<name>"}}: a serialized loss function, read
 *       as the name string.
 * </ul>
 *
 * <p>Names are matched as the registry matches them (ignoring case, aliases included). Keras's
 * {@code "crossentropy"} and {@code "ce"} are refused: Keras picks the loss they mean from the
 * model's output shapes, which a config alone does not hold.
 */
public final class LossDecoder {
  private static final Set<String> ENVELOPE_KEYS =
      Set.of("module", "class_name", "config", "registered_name");
  private static final Set<String> SHAPE_DEPENDENT = Set.of("crossentropy", "ce");

  private final LossRegistry registry;

  /** Returns a decoder that resolves names through {@code registry}. */
  public LossDecoder(LossRegistry registry) {
    this.registry = registry;
  }

  /**
   * Returns the loss a serialized value describes.
   *
   * @param node a name string or a serialized loss object
   * @param where the location of {@code node}, for messages
   * @throws IllegalArgumentException naming the location and the key, for a value of the wrong
   *     shape, an unknown class, function or registered name, an unknown or ill-typed config key,
   *     or a value the loss refuses
   */
  public Loss decode(JsonNode node, Location where) {
    if (node.isTextual()) {
      return byName(node.textValue(), where);
    }
    if (node.isObject()) {
      return fromObject(node, where);
    }
    throw where.fail("expected a loss (a name string or an object with class_name and config), "
        + "got " + Json.describe(node));
  }

  /**
   * Returns the loss a name string stands for, with its default arguments.
   *
   * @throws IllegalArgumentException naming the location for an unknown name, listing the
   *     closest known names
   */
  public Loss byName(String name, Location where) {
    if (SHAPE_DEPENDENT.contains(name.toLowerCase(Locale.ROOT))) {
      throw where.fail("\"" + name + "\" is resolved by Keras from the model's output shapes "
          + "(binary, sparse or categorical crossentropy), expected the name of one loss");
    }
    Optional<LossProvider> provider = registry.find(name).or(() -> byRegisteredName(name));
    if (provider.isEmpty()) {
      throw where.fail(unknown("loss \"" + name + "\"", name));
    }
    return build(provider.get(), Map.of(), where);
  }

  private Loss fromObject(JsonNode node, Location where) {
    for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!ENVELOPE_KEYS.contains(key)) {
        throw where.key(key).fail("unknown key of a serialized loss, expected one of "
            + "[module, class_name, config, registered_name]");
      }
    }
    String className = text(node, "class_name", where, true);
    text(node, "module", where, false);
    String registeredName = text(node, "registered_name", where, false);
    JsonNode config = node.path("config");
    if (className.equals("function")) {
      if (!config.isTextual()) {
        throw where.key("config").fail("a serialized loss function needs its name here, got "
            + Json.describe(config));
      }
      return byName(config.textValue(), where.key("config"));
    }
    LossProvider provider = resolve(className, registeredName, where);
    return build(provider, parameters(provider, config, where.key("config")),
        where.key("config"));
  }

  private LossProvider resolve(String className, String registeredName, Location where) {
    if (registeredName != null) {
      Optional<LossProvider> custom = byRegisteredName(registeredName);
      if (custom.isPresent()) {
        return custom.get();
      }
      if (registeredName.contains(">")) {
        throw where.key("registered_name").fail("no installed loss provider declares the Keras "
            + "registered name \"" + registeredName + "\", expected the jar of a provider whose "
            + "kerasRegisteredName() is \"" + registeredName + "\" on the class path");
      }
    }
    return registry.find(className).orElseThrow(() -> where.key("class_name").fail(
        unknown("loss class \"" + className + "\"", className)));
  }

  /**
   * Returns the provider declaring a Keras registered name.
   *
   * @throws IllegalStateException if two providers declare it, naming both classes
   */
  private Optional<LossProvider> byRegisteredName(String registeredName) {
    List<LossProvider> claims = new ArrayList<>();
    for (InstalledLoss installed : registry.installed()) {
      if (installed.provider().kerasRegisteredName().filter(registeredName::equals)
          .isPresent()) {
        claims.add(installed.provider());
      }
    }
    if (claims.size() > 1) {
      throw new IllegalStateException("two loss providers declare the Keras registered name "
          + registeredName + ": " + claims.get(0).getClass().getName() + " and "
          + claims.get(1).getClass().getName());
    }
    return claims.stream().findFirst();
  }

  private String unknown(String what, String name) {
    String closest = registry.find(name).isPresent() ? ""
        : ", closest known names: " + registry.closestNames(name, 3);
    return "unknown " + what + closest;
  }

  private static Map<String, Object> parameters(
      LossProvider provider, JsonNode config, Location where) {
    String className = provider.className();
    if (config.isMissingNode() || config.isNull()) {
      return Map.of();
    }
    if (!config.isObject()) {
      throw where.fail("expected an object of the loss's arguments, got " + Json.describe(config));
    }
    Map<String, ParameterSpec> specs = new LinkedHashMap<>();
    for (ParameterSpec spec : provider.parameters()) {
      specs.put(spec.name(), spec);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      ParameterSpec spec = specs.get(field.getKey());
      Location at = where.key(field.getKey());
      if (spec == null) {
        throw at.fail(className + ": unknown parameter " + field.getKey() + ", expected one of "
            + specs.keySet());
      }
      if (!ParameterReader.meansDefault(spec, field.getValue())) {
        values.put(spec.name(), ParameterReader.read(className, spec, field.getValue(), at));
      }
    }
    return values;
  }

  private Loss build(LossProvider provider, Map<String, Object> values, Location where) {
    LossConfig config;
    try {
      config = registry.configure(provider.name(), values);
    } catch (IllegalArgumentException e) {
      throw where.fail(e.getMessage(), e);
    }
    try {
      return provider.create(config);
    } catch (IllegalArgumentException e) {
      throw blame(values, e, where).fail(e.getMessage(), e);
    }
  }

  /**
   * Returns the location of the config key a loss's refusal names (its messages read
   * {@code Loss: key must be ...}), or the config itself when it names none of the keys given.
   */
  private static Location blame(Map<String, Object> values, RuntimeException e, Location where) {
    String message = String.valueOf(e.getMessage());
    for (String key : values.keySet()) {
      if (message.contains(" " + key + " ") || message.contains(" " + key + ":")
          || message.contains(" " + key + "[")) {
        return where.key(key);
      }
    }
    return where;
  }

  private static String text(JsonNode node, String key, Location where, boolean required) {
    JsonNode value = node.path(key);
    if (value.isTextual()) {
      return value.textValue();
    }
    if (!required && (value.isMissingNode() || value.isNull())) {
      return null;
    }
    throw where.key(key).fail(required && value.isMissingNode()
        ? "missing, expected the Keras class name of the loss"
        : "expected a string, got " + Json.describe(value));
  }
}
