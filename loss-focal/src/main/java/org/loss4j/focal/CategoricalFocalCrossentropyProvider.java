package org.loss4j.focal;

import static org.loss4j.api.spi.StandardParameters.ALPHA_PER_CLASS;
import static org.loss4j.api.spi.StandardParameters.AXIS;
import static org.loss4j.api.spi.StandardParameters.FROM_LOGITS;
import static org.loss4j.api.spi.StandardParameters.GAMMA;
import static org.loss4j.api.spi.StandardParameters.LABEL_SMOOTHING;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.api.spi.ParameterSpec;
import org.loss4j.api.spi.StandardParameters;

/**
 * Makes {@link CategoricalFocalCrossentropy} available by name:
 * {@code categorical_focal_crossentropy}, {@code CategoricalFocalCrossentropy} and the alias
 * {@code cfce}.
 *
 * <p>Parameters, in Keras's constructor order: {@code alpha} (a number or one per class),
 * {@code gamma}, {@code from_logits}, {@code label_smoothing}, {@code axis}, {@code reduction},
 * {@code name}, {@code dtype}.
 */
public final class CategoricalFocalCrossentropyProvider implements LossProvider {
  /** The registry key, Keras's functional name. */
  public static final String NAME = "categorical_focal_crossentropy";

  private static final List<ParameterSpec> PARAMETERS = StandardParameters.withCommon(
      CategoricalFocalCrossentropy.DEFAULT_NAME, ALPHA_PER_CLASS, GAMMA, FROM_LOGITS,
      LABEL_SMOOTHING, AXIS);

  /** Returns {@code "categorical_focal_crossentropy"}. */
  @Override
  public String name() {
    return NAME;
  }

  /** Returns {@code "CategoricalFocalCrossentropy"}. */
  @Override
  public String className() {
    return "CategoricalFocalCrossentropy";
  }

  /** Returns {@code cfce}, an alias Keras itself does not accept (semantics file, §10). */
  @Override
  public Set<String> aliases() {
    return Set.of("cfce");
  }

  /** Returns the parameters in Keras's constructor order, then reduction, name and dtype. */
  @Override
  public List<ParameterSpec> parameters() {
    return PARAMETERS;
  }

  /**
   * Returns the loss a complete, coerced configuration describes; {@code alpha} is a number or
   * a list of numbers.
   *
   * @throws IllegalArgumentException if a value is out of range, as
   *     {@link CategoricalFocalCrossentropy.Builder#build()} describes
   */
  @Override
  public Loss create(LossConfig config) {
    CategoricalFocalCrossentropy.Builder builder = CategoricalFocalCrossentropy.builder()
        .gamma(config.getDouble("gamma"))
        .fromLogits(config.getBoolean("from_logits"))
        .labelSmoothing(config.getDouble("label_smoothing"))
        .axis(config.getInt("axis"))
        .reduction(config.getString("reduction"))
        .name(config.getString("name"))
        .dtype(config.getString("dtype"));
    Object alpha = config.get("alpha");
    if (alpha instanceof List) {
      List<Double> weights = new ArrayList<>();
      for (Object weight : (List<?>) alpha) {
        weights.add(weight instanceof Number ? ((Number) weight).doubleValue() : null);
      }
      builder.alpha(weights);
    } else {
      builder.alpha(config.getDouble("alpha"));
    }
    return builder.build();
  }
}
