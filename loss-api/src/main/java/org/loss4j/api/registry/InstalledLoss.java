package org.loss4j.api.registry;

import java.util.List;
import org.loss4j.api.spi.LossProvider;

/**
 * One loss the registry knows: its provider, every name it answers to, and where it came from.
 */
public final class InstalledLoss {
  private final LossProvider provider;
  private final List<String> names;
  private final String source;

  InstalledLoss(LossProvider provider, List<String> names, String source) {
    this.provider = provider;
    this.names = List.copyOf(names);
    this.source = source;
  }

  /** Returns the provider. */
  public LossProvider provider() {
    return provider;
  }

  /** Returns the snake_case name, the class name, then the aliases. */
  public List<String> names() {
    return names;
  }

  /**
   * Returns where the provider class was loaded from: a jar or directory URL, a module name, or
   * {@code "registered programmatically"}.
   */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return names + " from " + source + " (" + provider.getClass().getName() + ")";
  }
}
