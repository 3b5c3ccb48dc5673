package org.loss4j.api.spi;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;

/**
 * The service a loss implements to be found by name: a {@link java.util.ServiceLoader} provider,
 * declared both in {@code META-INF/services/org.loss4j.api.spi.LossProvider} and with
 * {@code provides org.loss4j.api.spi.LossProvider with ...} in {@code module-info.java}, so that it
 * is found on the class path and on the module path.
 *
 * <pre>{@code
 * public final class AcmeLossProvider implements LossProvider {
 *   public String name() { return "acme_loss"; }
 *   public String className() { return "AcmeLoss"; }
 *   public List<ParameterSpec> parameters() {
 *     return StandardParameters.withCommon("acme_loss");
 *   }
 *   public Loss create(LossConfig config) { return new AcmeLoss(config); }
 * }
 * }</pre>
 *
 * <p>Implementations need a public no-argument constructor, are stateless and thread-safe, and
 * must not do expensive work when constructed. Names are matched ignoring case; two providers
 * that claim one name make the registry fail, naming both.
 */
public interface LossProvider {

  /** Returns the Keras snake_case name, the registry key: {@code "binary_crossentropy"}. */
  String name();

  /** Returns the Keras class name: {@code "BinaryCrossentropy"}. */
  String className();

  /** Returns further names: {@code "bce"}. The default is none. */
  default Set<String> aliases() {
    return Set.of();
  }

  /**
   * Returns every parameter the loss accepts, in Keras's order, {@code reduction}, {@code name}
   * and {@code dtype} included (see {@link StandardParameters}).
   */
  List<ParameterSpec> parameters();

  /**
   * Returns a loss built from a complete configuration: every parameter of
   * {@link #parameters()} present and coerced.
   *
   * @throws IllegalArgumentException if a value is out of range, naming the loss and parameter
   */
  Loss create(LossConfig config);

  /**
   * Returns the name under which Keras serialises this loss when it is a registered custom
   * class, such as {@code "acme>Poly1"}; empty for Keras's built-in losses.
   */
  default Optional<String> kerasRegisteredName() {
    return Optional.empty();
  }
}
