package org.loss4j.cli.eval;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.loss4j.api.Loss;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.api.spi.LossProvider;

/**
 * Builds losses by name for the commands, with an unknown-name message that suggests only names
 * other than the refused one, and gives a loss's class name for messages.
 */
public final class LossNames {
  /** How many close names an unknown-name message suggests. */
  private static final int SUGGESTIONS = 3;

  private LossNames() {}

  /**
   * Returns the loss a name and Keras-named parameters describe.
   *
   * @throws IllegalArgumentException for an unknown name (suggesting close installed names other
   *     than the refused one and {@code loss4j list}), or parameters the loss refuses
   */
  public static Loss create(LossRegistry registry, String name, Map<String, Object> parameters) {
    if (registry.find(name).isEmpty()) {
      String refused = name.toLowerCase(Locale.ROOT);
      List<String> close = registry.closestNames(name, SUGGESTIONS + 1).stream()
          .filter(candidate -> !candidate.toLowerCase(Locale.ROOT).equals(refused))
          .limit(SUGGESTIONS)
          .collect(Collectors.toList());
      throw new IllegalArgumentException("unknown loss " + name + ", expected an installed loss"
          + (close.isEmpty() ? "" : " such as " + String.join(", ", close))
          + " (loss4j list shows them all)");
    }
    return registry.create(name, parameters);
  }

  /**
   * Returns the class name of a loss, such as {@code BinaryCrossentropy}, as its own messages
   * start; its configured name when no installed provider answers to it.
   */
  public static String className(LossRegistry registry, Loss loss) {
    return registry.find(loss.config().loss()).map(LossProvider::className)
        .orElse(loss.config().loss());
  }
}
