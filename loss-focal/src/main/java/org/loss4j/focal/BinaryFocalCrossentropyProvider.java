package org.loss4j.focal;

import static org.loss4j.api.spi.StandardParameters.ALPHA;
import static org.loss4j.api.spi.StandardParameters.APPLY_CLASS_BALANCING;
import static org.loss4j.api.spi.StandardParameters.AXIS;
import static org.loss4j.api.spi.StandardParameters.FROM_LOGITS;
import static org.loss4j.api.spi.StandardParameters.GAMMA;
import static org.loss4j.api.spi.StandardParameters.LABEL_SMOOTHING;

import java.util.List;
import java.util.Set;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.api.spi.ParameterSpec;
import org.loss4j.api.spi.StandardParameters;

/**
 * Makes {@link BinaryFocalCrossentropy} available by name: {@code binary_focal_crossentropy},
 * {@code BinaryFocalCrossentropy} and the alias {@code bfce}.
 *
 * <p>Parameters, in Keras's constructor order: {@code apply_class_balancing}, {@code alpha},
 * {@code gamma}, {@code from_logits}, {@code label_smoothing}, {@code axis}, {@code reduction},
 * {@code name}, {@code dtype}.
 */
public final class BinaryFocalCrossentropyProvider implements LossProvider {
  /** The registry key, Keras's functional name. */
  public static final String NAME = "binary_focal_crossentropy";

  private static final List<ParameterSpec> PARAMETERS = StandardParameters.withCommon(
      BinaryFocalCrossentropy.DEFAULT_NAME, APPLY_CLASS_BALANCING, ALPHA, GAMMA, FROM_LOGITS,
      LABEL_SMOOTHING, AXIS);

  /** Returns {@code "binary_focal_crossentropy"}. */
  @Override
  public String name() {
    return NAME;
  }

  /** Returns {@code "BinaryFocalCrossentropy"}. */
  @Override
  public String className() {
    return "BinaryFocalCrossentropy";
  }

  /** Returns {@code bfce}, an alias Keras itself does not accept (semantics file, §10). */
  @Override
  public Set<String> aliases() {
    return Set.of("bfce");
  }

  /** Returns the parameters in Keras's constructor order, then reduction, name and dtype. */
  @Override
  public List<ParameterSpec> parameters() {
    return PARAMETERS;
  }

  /**
   * Returns the loss a complete, coerced configuration describes.
   *
   * @throws IllegalArgumentException if a value is out of range, as
   *     {@link BinaryFocalCrossentropy.Builder#build()} describes
   */
  @Override
  public Loss create(LossConfig config) {
    return BinaryFocalCrossentropy.builder()
        .applyClassBalancing(config.getBoolean("apply_class_balancing"))
        .alpha(config.getDouble("alpha"))
        .gamma(config.getDouble("gamma"))
        .fromLogits(config.getBoolean("from_logits"))
        .labelSmoothing(config.getDouble("label_smoothing"))
        .axis(config.getInt("axis"))
        .reduction(config.getString("reduction"))
        .name(config.getString("name"))
        .dtype(config.getString("dtype"))
        .build();
  }
}
