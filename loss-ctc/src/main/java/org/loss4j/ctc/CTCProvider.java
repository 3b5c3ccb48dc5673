package org.loss4j.ctc;

import java.util.List;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Reduction;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.api.spi.ParameterSpec;
import org.loss4j.api.spi.ParameterType;
import org.loss4j.api.spi.StandardParameters;

/**
 * Provides {@link CTC} to the registry under {@code ctc} and {@code CTC}, with the parameters
 * {@code blank_index} (default 0), {@code zero_infinity} (default false), {@code reduction},
 * {@code name} (default {@code "ctc"}) and {@code dtype}.
 */
public final class CTCProvider implements LossProvider {
  /** The key of the blank class in a configuration. */
  public static final String BLANK_INDEX = "blank_index";

  /** The key of the zero_infinity switch in a configuration. */
  public static final String ZERO_INFINITY = "zero_infinity";

  private static final List<ParameterSpec> PARAMETERS = StandardParameters.withCommon(CTC.NAME,
      ParameterSpec.of(BLANK_INDEX, ParameterType.INTEGER, 0,
          "The blank class, in 0..classes-1; Keras uses 0."),
      ParameterSpec.of(ZERO_INFINITY, ParameterType.BOOLEAN, false,
          "Whether a label that cannot fit its frames costs 0 (zero gradient) instead of +inf."));

  /** Creates the provider; called by {@link java.util.ServiceLoader}. */
  public CTCProvider() {}

  /** Returns {@code "ctc"}. */
  @Override
  public String name() {
    return CTC.NAME;
  }

  /** Returns {@code "CTC"}. */
  @Override
  public String className() {
    return "CTC";
  }

  /** Returns {@code blank_index}, {@code zero_infinity}, {@code reduction}, {@code name}, dtype. */
  @Override
  public List<ParameterSpec> parameters() {
    return PARAMETERS;
  }

  /**
   * Returns a {@link CTC} built from a complete configuration.
   *
   * @throws IllegalArgumentException if {@code blank_index} is negative or {@code dtype} is not
   *     floating-point
   */
  @Override
  public Loss create(LossConfig config) {
    return CTC.builder()
        .blankIndex(config.getInt(BLANK_INDEX))
        .zeroInfinity(config.getBoolean(ZERO_INFINITY))
        .reduction(Reduction.parse(config.getString("reduction")))
        .name(config.getString("name"))
        .dtype(DType.parseCompute(config.getString("dtype")))
        .build();
  }
}
