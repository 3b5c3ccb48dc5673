package org.loss4j.focal;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import org.loss4j.api.AbstractLoss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Operands;
import org.loss4j.api.Tensor;
import org.loss4j.core.CrossentropyBuilder;
import org.loss4j.core.kernel.ClassAxis;
import org.loss4j.core.kernel.Clipping;
import org.loss4j.core.kernel.InputChecks;
import org.loss4j.focal.internal.CategoricalFocalKernel;
import org.loss4j.focal.internal.FocalArguments;

/**
 * Computes Keras's {@code CategoricalFocalCrossentropy}: the categorical cross-entropy of every
 * class, scaled by a class weight {@code alpha} and down-weighted where the predicted probability
 * of that class is already high, summed over the class axis.
 *
 * <p>For one-hot (or soft) labels {@code y} and predictions {@code x} of equal shape with
 * {@code C} classes along {@code axis}, with {@code ls = label_smoothing}:
 *
 * <pre>{@code
 * t_k  = y_k * (1 - ls) + ls / C
 * q    = softmax(x, axis) if from_logits, else x
 * o_k  = clip(q_k / sum_j q_j, EPSILON, 1 - EPSILON)
 * loss = sum_k alpha_k * (1 - o_k)^gamma * (-t_k * log(o_k))
 * }</pre>
 *
 * <p>{@code alpha_k} is {@code alpha} for every class, or the {@code k}-th entry of a per-class
 * {@code alpha}. {@code EPSILON} is {@code 1e-7} in the loss dtype (see {@link Clipping}). With
 * one-hot labels only the target class {@code c} contributes,
 * {@code alpha_c * (1 - o_c)^gamma * -log(o_c)}; with smoothed or soft labels every class does.
 * {@code 0^0 = 1}, so {@code gamma = 0} gives {@code alpha} times the categorical cross-entropy.
 * The gradient is that of the formula, zero through a class whose clip is active. NaN in either
 * input gives NaN.
 *
 * <p>Keras's documented example:
 *
 * <pre>{@code
 * Loss loss = CategoricalFocalCrossentropy.withDefaults();
 * loss.compute(Tensor.of(new float[][] {{0, 1, 0}, {0, 0, 1}}),
 *     Tensor.of(new float[][] {{0.05f, 0.95f, 0}, {0.1f, 0.8f, 0.1f}}));   // 0.23315276
 * }</pre>
 *
 * <h2>Differences from Keras</h2>
 *
 * <ul>
 *   <li>A per-class {@code alpha} and the class count of label smoothing follow {@code axis};
 *       Keras aligns both with the last axis whatever {@code axis} is (P5).
 *   <li>A per-class {@code alpha} whose length is not the class count is refused; Keras fails
 *       to broadcast or silently misaligns it (P16).
 *   <li>A prediction that sums to 0 along {@code axis} (from probabilities) is refused; Keras
 *       gives NaN (P13).
 *   <li>A class axis of size 1 is refused, pointing to {@link BinaryFocalCrossentropy}; Keras
 *       warns and returns about 0 (P14).
 *   <li>{@code gamma < 0}, {@code alpha} or {@code label_smoothing} outside {@code [0, 1]} are
 *       refused (P16). float64 is kept end to end (P2).
 * </ul>
 *
 * <h2>Known limitations</h2>
 *
 * <p>From logits the probabilities are clipped as Keras clips them, so a confidently wrong
 * prediction saturates at {@code alpha * -log(EPSILON)} (16.118095 times {@code alpha}) instead
 * of growing with the logit.
 */
public final class CategoricalFocalCrossentropy extends AbstractLoss {
  /** The default {@code name}, Keras's {@code "categorical_focal_crossentropy"}. */
  public static final String DEFAULT_NAME = "categorical_focal_crossentropy";

  /** The default {@code alpha}, 0.25 for every class, as in Lin et al. (2018). */
  public static final double DEFAULT_ALPHA = 0.25;

  /** The default {@code gamma}, 2.0 as in Lin et al. (2018). */
  public static final double DEFAULT_GAMMA = 2.0;

  private static final String LOSS = "CategoricalFocalCrossentropy";

  private final double alpha;
  private final List<Double> alphaPerClass;
  private final double gamma;
  private final boolean fromLogits;
  private final double labelSmoothing;
  private final int axis;
  private final CategoricalFocalKernel kernel;

  private CategoricalFocalCrossentropy(Builder builder) {
    super(DEFAULT_NAME, builder);
    this.alpha = builder.alpha;
    this.alphaPerClass = builder.alphaPerClass == null ? null
        : List.copyOf(builder.alphaPerClass);
    this.gamma = builder.gamma;
    this.fromLogits = builder.fromLogits();
    this.labelSmoothing = builder.labelSmoothing();
    this.axis = builder.axis();
    this.kernel = new CategoricalFocalKernel(fromLogits, gamma, labelSmoothing,
        Clipping.lower(dtype()), Clipping.upper(dtype()));
  }

  /** Returns a builder holding Keras's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the loss with Keras's default arguments. */
  public static CategoricalFocalCrossentropy withDefaults() {
    return builder().build();
  }

  /** Returns whether {@code alpha} holds one weight per class. */
  public boolean isAlphaPerClass() {
    return alphaPerClass != null;
  }

  /**
   * Returns the single class weight, in {@code [0, 1]}.
   *
   * @throws IllegalStateException if {@code alpha} holds one weight per class
   */
  public double alpha() {
    if (alphaPerClass != null) {
      throw new IllegalStateException(
          LOSS + ": alpha holds one weight per class, read alphaPerClass()");
    }
    return alpha;
  }

  /** Returns the per-class weights along {@code axis}, or an empty list for a single weight. */
  public List<Double> alphaPerClass() {
    return alphaPerClass == null ? List.of() : alphaPerClass;
  }

  /** Returns the focusing parameter, {@code >= 0}. */
  public double gamma() {
    return gamma;
  }

  /** Returns whether {@code y_pred} holds logits. */
  public boolean fromLogits() {
    return fromLogits;
  }

  /** Returns the label smoothing, in {@code [0, 1]}. */
  public double labelSmoothing() {
    return labelSmoothing;
  }

  /** Returns the class axis as given (negative counts from the end). */
  public int axis() {
    return axis;
  }

  /**
   * Returns the configuration in the order of Keras's {@code get_config} ({@code name},
   * {@code reduction}, {@code from_logits}, {@code label_smoothing}, {@code axis}, {@code alpha},
   * {@code gamma}), then {@code dtype}; {@code alpha} is a {@link Double} or a
   * {@code List<Double>}, {@code reduction} is its Keras string, or null as given.
   */
  @Override
  public LossConfig config() {
    return LossConfig.builder(CategoricalFocalCrossentropyProvider.NAME)
        .put("name", name())
        .put("reduction", reductionArgument())
        .put("from_logits", fromLogits)
        .put("label_smoothing", labelSmoothing)
        .put("axis", axis)
        .put("alpha", alphaPerClass == null ? (Object) alpha : alphaPerClass)
        .put("gamma", gamma)
        .put("dtype", dtype().kerasName())
        .build();
  }

  /**
   * Checks the inputs and returns the shape without the class axis: equal shapes, an existing
   * axis of at least 2 classes, a per-class {@code alpha} of one weight per class, and (from
   * probabilities) no prediction summing to 0.
   */
  @Override
  protected int[] perSampleShape(Operands operands) {
    int[] predShape = operands.yPredShape();
    InputChecks.requireSameShape(LOSS, operands);
    ClassAxis lanes = InputChecks.classAxis(LOSS, predShape, axis, "BinaryFocalCrossentropy");
    if (alphaPerClass != null && alphaPerClass.size() != lanes.length()) {
      throw new IllegalArgumentException(String.format(
          "%s: alpha has %d weights for y_pred shape %s, expected one per class: %d along axis"
              + " %d", LOSS, alphaPerClass.size(), Tensor.formatShape(predShape),
          lanes.length(), axis));
    }
    if (!fromLogits) {
      InputChecks.requireNonZeroSums(LOSS, operands.yPred(), predShape, lanes, null);
    }
    return lanes.reducedShape();
  }

  /** Writes the focal cross-entropy of every lane along the class axis. */
  @Override
  protected void forward(Operands operands, double[] perSample) {
    ClassAxis lanes = ClassAxis.of(operands.yPredShape(), axis, LOSS);
    LaneBuffers buffers = new LaneBuffers(lanes.length());
    for (int lane = 0; lane < lanes.lanes(); lane++) {
      buffers.load(operands, lanes, lane);
      perSample[lane] = kernel.value(buffers.y, buffers.x, buffers.alpha, buffers.work);
    }
  }

  /** Writes {@code upstream * d loss / dx} for every element, lane by lane. */
  @Override
  protected void backward(Operands operands, double[] upstream, double[] gradient) {
    ClassAxis lanes = ClassAxis.of(operands.yPredShape(), axis, LOSS);
    LaneBuffers buffers = new LaneBuffers(lanes.length());
    double[] laneGradient = new double[lanes.length()];
    for (int lane = 0; lane < lanes.lanes(); lane++) {
      buffers.load(operands, lanes, lane);
      kernel.gradient(buffers.y, buffers.x, buffers.alpha, upstream[lane], laneGradient,
          buffers.work);
      for (int k = 0, i = lanes.laneStart(lane); k < lanes.length(); k++, i += lanes.stride()) {
        gradient[i] = laneGradient[k];
      }
    }
  }

  /** The labels and predictions of one lane, copied contiguous, with the class weights. */
  private final class LaneBuffers {
    private final double[] y;
    private final double[] x;
    private final double[] alpha;
    private final CategoricalFocalKernel.Workspace work;

    LaneBuffers(int classes) {
      y = new double[classes];
      x = new double[classes];
      alpha = new double[classes];
      for (int k = 0; k < classes; k++) {
        alpha[k] = alphaPerClass == null ? CategoricalFocalCrossentropy.this.alpha
            : alphaPerClass.get(k);
      }
      work = new CategoricalFocalKernel.Workspace(classes);
    }

    void load(Operands operands, ClassAxis lanes, int lane) {
      double[] yTrue = operands.yTrue();
      double[] yPred = operands.yPred();
      for (int k = 0, i = lanes.laneStart(lane); k < y.length; k++, i += lanes.stride()) {
        y[k] = yTrue[i];
        x[k] = yPred[i];
      }
    }
  }

  /**
   * Collects the arguments of a {@link CategoricalFocalCrossentropy}, starting from Keras's
   * defaults; {@link #build()} checks them all at once.
   */
  public static final class Builder
      extends CrossentropyBuilder<CategoricalFocalCrossentropy, Builder> {
    private double alpha = DEFAULT_ALPHA;
    private List<Double> alphaPerClass;
    private double gamma = DEFAULT_GAMMA;

    private Builder() {}

    /** Sets one weight for every class, in {@code [0, 1]}; default 0.25. */
    public Builder alpha(double alpha) {
      this.alpha = alpha;
      this.alphaPerClass = null;
      return this;
    }

    /**
     * Sets one weight per class along {@code axis}, each in {@code [0, 1]}; the count must equal
     * the number of classes of the inputs.
     */
    public Builder alpha(double... perClass) {
      checkArgument(perClass != null, "%s: alpha must not be null, expected a list of weights",
          LOSS);
      List<Double> weights = new ArrayList<>(perClass.length);
      for (double weight : perClass) {
        weights.add(weight);
      }
      this.alphaPerClass = weights;
      return this;
    }

    /** Sets one weight per class along {@code axis}, as {@link #alpha(double...)} does. */
    public Builder alpha(List<Double> perClass) {
      checkArgument(perClass != null, "%s: alpha must not be null, expected a list of weights",
          LOSS);
      this.alphaPerClass = new ArrayList<>(perClass);
      return this;
    }

    /** Sets the focusing parameter, finite and {@code >= 0}; default 2.0. */
    public Builder gamma(double gamma) {
      this.gamma = gamma;
      return this;
    }

    /**
     * Returns the loss.
     *
     * @throws IllegalArgumentException if {@code gamma} is negative or not finite, an
     *     {@code alpha} or {@code label_smoothing} is outside {@code [0, 1]}, a per-class
     *     {@code alpha} is empty, or the reduction or dtype string names nothing known
     */
    @Override
    public CategoricalFocalCrossentropy build() {
      FocalArguments.checkGamma(LOSS, gamma);
      if (alphaPerClass == null) {
        FocalArguments.checkUnitInterval(LOSS, "alpha", alpha);
      } else {
        FocalArguments.checkPerClassAlpha(LOSS, alphaPerClass);
      }
      FocalArguments.checkUnitInterval(LOSS, "label_smoothing", labelSmoothing());
      return new CategoricalFocalCrossentropy(this);
    }
  }
}
