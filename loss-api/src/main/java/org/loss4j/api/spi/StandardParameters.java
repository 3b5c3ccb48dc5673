package org.loss4j.api.spi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.loss4j.api.DType;
import org.loss4j.api.Reduction;

/**
 * The parameters Keras's probabilistic losses share, with Keras's names and defaults, for
 * providers to list in {@link LossProvider#parameters()}.
 */
public final class StandardParameters {
  /** {@code from_logits}: whether {@code y_pred} holds logits; default false. */
  public static final ParameterSpec FROM_LOGITS = ParameterSpec.of("from_logits",
      ParameterType.BOOLEAN, false, "Whether y_pred holds logits rather than probabilities.");

  /** {@code label_smoothing}: in [0, 1]; default 0. */
  public static final ParameterSpec LABEL_SMOOTHING = ParameterSpec.of("label_smoothing",
      ParameterType.DOUBLE, 0.0, "Smoothing of the labels, in [0, 1].");

  /** {@code axis}: the class or feature axis; default -1. */
  public static final ParameterSpec AXIS = ParameterSpec.of("axis", ParameterType.INTEGER, -1,
      "The class (or feature) axis; negative counts from the end.");

  /** {@code reduction}: default {@code "sum_over_batch_size"}; null means none. */
  public static final ParameterSpec REDUCTION = ParameterSpec.nullable("reduction",
      ParameterType.REDUCTION, Reduction.SUM_OVER_BATCH_SIZE.kerasName(),
      "How per-sample losses are reduced: " + Reduction.allowedNames() + " or null.");

  /** {@code dtype}: {@code "float32"} (the default) or {@code "float64"}. */
  public static final ParameterSpec DTYPE = ParameterSpec.of("dtype", ParameterType.DTYPE,
      DType.FLOAT32.kerasName(), "The compute type: float32 or float64.");

  /** {@code ignore_class}: a label whose entries are masked out; default null. */
  public static final ParameterSpec IGNORE_CLASS = ParameterSpec.nullable("ignore_class",
      ParameterType.INTEGER, null, "A label value to ignore (masked out), or null.");

  /** {@code apply_class_balancing}: default false. */
  public static final ParameterSpec APPLY_CLASS_BALANCING = ParameterSpec.of(
      "apply_class_balancing", ParameterType.BOOLEAN, false,
      "Whether to weight class 1 by alpha and class 0 by 1 - alpha.");

  /** {@code alpha} of the binary focal loss: the weight of class 1, default 0.25. */
  public static final ParameterSpec ALPHA = ParameterSpec.of("alpha", ParameterType.DOUBLE, 0.25,
      "Weight of class 1 (class 0 gets 1 - alpha), in [0, 1].");

  /** {@code alpha} of the categorical focal loss: a scalar or one per class, default 0.25. */
  public static final ParameterSpec ALPHA_PER_CLASS = ParameterSpec.of("alpha",
      ParameterType.DOUBLE_OR_LIST, 0.25,
      "Class weight in [0, 1]: one number, or one per class along axis.");

  /** {@code gamma}: the focusing parameter, default 2.0. */
  public static final ParameterSpec GAMMA = ParameterSpec.of("gamma", ParameterType.DOUBLE, 2.0,
      "Focusing parameter, >= 0; 0 gives plain cross-entropy.");

  private StandardParameters() {}

  /** Returns the {@code name} parameter with a loss's default name. */
  public static ParameterSpec name(String defaultName) {
    return ParameterSpec.of("name", ParameterType.STRING, defaultName,
        "The name of the loss instance.");
  }

  /**
   * Returns {@code specific} followed by {@code reduction}, {@code name} and {@code dtype}: the
   * full list for a loss whose default name is {@code defaultName}.
   */
  public static List<ParameterSpec> withCommon(String defaultName, ParameterSpec... specific) {
    List<ParameterSpec> all = new ArrayList<>(Arrays.asList(specific));
    all.add(REDUCTION);
    all.add(name(defaultName));
    all.add(DTYPE);
    return List.copyOf(all);
  }
}
