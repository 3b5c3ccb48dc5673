package org.loss4j.focal;

import org.loss4j.api.AbstractLoss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Operands;
import org.loss4j.api.SampleKernel;
import org.loss4j.api.Tensor;
import org.loss4j.core.CrossentropyBuilder;
import org.loss4j.core.CrossentropyKernels;
import org.loss4j.core.kernel.ClassAxis;
import org.loss4j.core.kernel.Clipping;
import org.loss4j.core.kernel.InputChecks;
import org.loss4j.core.kernel.KernelPath;
import org.loss4j.focal.internal.BinaryFocalKernel;
import org.loss4j.focal.internal.BinaryFocalRows;
import org.loss4j.focal.internal.FloatBinaryFocalRows;
import org.loss4j.focal.internal.FocalArguments;
import org.loss4j.focal.internal.vector.VectorBinaryFocalRows;

/**
 * Computes Keras's {@code BinaryFocalCrossentropy}: the binary cross-entropy of every element,
 * scaled down where the prediction is already right, averaged over {@code axis}.
 *
 * <p>For labels {@code y} and predictions {@code x} of equal shape, with
 * {@code ls = label_smoothing}:
 *
 * <pre>{@code
 * t    = y * (1 - ls) + 0.5 * ls
 * p    = sigmoid(x) if from_logits, else x                     (not clipped)
 * ce   = max(x, 0) - x * t + log1p(exp(-|x|))                  if from_logits
 *      = -(t * log(q) + (1 - t) * log(1 - q)), q = clip(p, EPSILON, 1 - EPSILON)   otherwise
 * f    = (1 - p_t)^gamma * ce,  p_t = t * p + (1 - t) * (1 - p)
 * f   *= t * alpha + (1 - t) * (1 - alpha)                     if apply_class_balancing
 * loss = mean(f, axis)
 * }</pre>
 *
 * <p>{@code EPSILON} is {@code 1e-7} in the loss dtype (float32: {@code 1.0000000116860974e-7}
 * and {@code 0.99999988079071044921875}; see {@link Clipping}). {@code 0^0 = 1}, so
 * {@code gamma = 0} gives exactly BinaryCrossentropy, including where {@code p_t = 1}. The
 * cross-entropy term is the one of loss-core's {@code org.loss4j.core.kernel.Logistic}. The
 * gradient is that of the formula: zero through the cross-entropy where its clip is active,
 * still non-zero through the (unclipped) focal factor. NaN in either input gives NaN.
 *
 * <p>Keras's documented example, {@code gamma = 2} from logits:
 *
 * <pre>{@code
 * Loss loss = BinaryFocalCrossentropy.builder().gamma(2).fromLogits(true).build();
 * loss.compute(Tensor.of(new float[] {0, 1, 0, 0}),
 *     Tensor.of(new float[] {-18.6f, 0.51f, 2.94f, -12.8f}));    // 0.691
 * }</pre>
 *
 * <h2>Differences from Keras</h2>
 *
 * <ul>
 *   <li>From logits, the cross-entropy term uses the exact stable formula (as Keras's TensorFlow
 *       backend does), not {@code sigmoid} followed by the clip of its numpy, JAX and torch
 *       backends: a logit of {@code 1e4} with label 0 costs {@code 1e4}, not {@code 15.942385}
 *       (semantics file, P1).
 *   <li>{@code gamma < 0}, {@code alpha} or {@code label_smoothing} outside {@code [0, 1]} are
 *       refused; Keras uses them as given (P16).
 *   <li>float64 is kept end to end (P2).
 * </ul>
 *
 * <h2>Known limitations</h2>
 *
 * <p>Labels and probabilities are not range-checked, as in Keras: a probability above 1 gives a
 * negative {@code 1 - p_t}, and NaN when {@code gamma} is not a whole number.
 */
public final class BinaryFocalCrossentropy extends AbstractLoss {
  /** The default {@code name}, Keras's {@code "binary_focal_crossentropy"}. */
  public static final String DEFAULT_NAME = "binary_focal_crossentropy";

  /** The default {@code alpha}, 0.25 as in Lin et al. (2018). */
  public static final double DEFAULT_ALPHA = 0.25;

  /** The default {@code gamma}, 2.0 as in Lin et al. (2018). */
  public static final double DEFAULT_GAMMA = 2.0;

  private static final String LOSS = "BinaryFocalCrossentropy";

  private final boolean applyClassBalancing;
  private final double alpha;
  private final double gamma;
  private final boolean fromLogits;
  private final double labelSmoothing;
  private final int axis;
  private final BinaryFocalKernel kernel;

  private BinaryFocalCrossentropy(Builder builder) {
    super(DEFAULT_NAME, builder);
    this.applyClassBalancing = builder.applyClassBalancing;
    this.alpha = builder.alpha;
    this.gamma = builder.gamma;
    this.fromLogits = builder.fromLogits();
    this.labelSmoothing = builder.labelSmoothing();
    this.axis = builder.axis();
    this.kernel = new BinaryFocalKernel(fromLogits, gamma, applyClassBalancing, alpha,
        labelSmoothing, Clipping.lower(dtype()), Clipping.upper(dtype()));
  }

  /** Returns a builder holding Keras's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the loss with Keras's default arguments. */
  public static BinaryFocalCrossentropy withDefaults() {
    return builder().build();
  }

  /** Returns whether class 1 is weighted by {@code alpha} and class 0 by {@code 1 - alpha}. */
  public boolean applyClassBalancing() {
    return applyClassBalancing;
  }

  /** Returns the weight of class 1, in {@code [0, 1]}; used only with class balancing. */
  public double alpha() {
    return alpha;
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

  /** Returns the averaged axis as given (negative counts from the end). */
  public int axis() {
    return axis;
  }

  /**
   * Returns the configuration in the order of Keras's {@code get_config} ({@code name},
   * {@code reduction}, {@code from_logits}, {@code label_smoothing}, {@code axis},
   * {@code apply_class_balancing}, {@code alpha}, {@code gamma}), then {@code dtype};
   * {@code reduction} is its Keras string, or null as given.
   */
  @Override
  public LossConfig config() {
    return LossConfig.builder(BinaryFocalCrossentropyProvider.NAME)
        .put("name", name())
        .put("reduction", reductionArgument())
        .put("from_logits", fromLogits)
        .put("label_smoothing", labelSmoothing)
        .put("axis", axis)
        .put("apply_class_balancing", applyClassBalancing)
        .put("alpha", alpha)
        .put("gamma", gamma)
        .put("dtype", dtype().kerasName())
        .build();
  }

  /**
   * Checks that {@code y_true} and {@code y_pred} have one shape of rank at least 1 in which
   * {@code axis} exists, and returns that shape without {@code axis}.
   */
  @Override
  protected int[] perSampleShape(Operands operands) {
    return InputChecks.sameShapeAxis(LOSS, operands, axis).reducedShape();
  }

  /** Writes the mean focal cross-entropy of every lane along {@code axis}. */
  @Override
  protected void forward(Operands operands, double[] perSample) {
    ClassAxis lanes = ClassAxis.of(operands.yPredShape(), axis, LOSS);
    double[] y = operands.yTrue();
    double[] x = operands.yPred();
    int length = lanes.length();
    int stride = lanes.stride();
    for (int lane = 0; lane < lanes.lanes(); lane++) {
      double sum = 0;
      for (int k = 0, i = lanes.laneStart(lane); k < length; k++, i += stride) {
        sum += kernel.value(y[i], x[i]);
      }
      perSample[lane] = sum / length;
    }
  }

  /** Writes {@code upstream / length * d f / dx} for every element. */
  @Override
  protected void backward(Operands operands, double[] upstream, double[] gradient) {
    ClassAxis lanes = ClassAxis.of(operands.yPredShape(), axis, LOSS);
    double[] y = operands.yTrue();
    double[] x = operands.yPred();
    int length = lanes.length();
    int stride = lanes.stride();
    for (int lane = 0; lane < lanes.lanes(); lane++) {
      double scale = upstream[lane] / length;
      for (int k = 0, i = lanes.laneStart(lane); k < length; k++, i += stride) {
        gradient[i] = scale * kernel.derivative(y[i], x[i]);
      }
    }
  }

  /**
   * Returns the fused float32 kernel when {@code axis} is the last axis (rows are contiguous),
   * null for another axis, which {@link #forward} and {@link #backward} handle. With
   * {@code gamma = 0} and no class balancing the loss is the binary cross-entropy and takes its
   * kernel. From logits the vector path has a kernel for rows of at least one vector, and
   * shorter rows and the scalar path compute the same float32 formulas element by element;
   * from probabilities, the double formulas serve both paths.
   */
  @Override
  protected SampleKernel sampleKernel(Operands operands) {
    ClassAxis lanes = ClassAxis.of(operands.yPredShape(), axis, LOSS);
    if (lanes.stride() != 1) {
      return null;
    }
    float[] yTrue = operands.yTrueFloats();
    float[] yPred = operands.yPredFloats();
    if (gamma == 0 && !applyClassBalancing) {
      return CrossentropyKernels.binary(yTrue, yPred, lanes.length(), fromLogits, labelSmoothing);
    }
    if (!fromLogits) {
      return new BinaryFocalRows(kernel, yTrue, yPred, lanes.length());
    }
    if (KernelPath.active() == KernelPath.VECTOR
        && lanes.length() >= VectorBinaryFocalRows.lanes()) {
      return VectorBinaryFocalRows.of(kernel, yTrue, yPred, lanes.length());
    }
    return new FloatBinaryFocalRows(kernel, yTrue, yPred, lanes.length());
  }

  /**
   * Collects the arguments of a {@link BinaryFocalCrossentropy}, starting from Keras's defaults;
   * {@link #build()} checks them all at once.
   */
  public static final class Builder extends CrossentropyBuilder<BinaryFocalCrossentropy, Builder> {
    private boolean applyClassBalancing;
    private double alpha = DEFAULT_ALPHA;
    private double gamma = DEFAULT_GAMMA;

    private Builder() {}

    /** Sets whether to weight class 1 by {@code alpha} and class 0 by {@code 1 - alpha}. */
    public Builder applyClassBalancing(boolean applyClassBalancing) {
      this.applyClassBalancing = applyClassBalancing;
      return this;
    }

    /** Sets the weight of class 1, in {@code [0, 1]}; default 0.25. */
    public Builder alpha(double alpha) {
      this.alpha = alpha;
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
     * @throws IllegalArgumentException if {@code gamma} is negative or not finite,
     *     {@code alpha} or {@code label_smoothing} is outside {@code [0, 1]}, or the reduction
     *     or dtype string names nothing known
     */
    @Override
    public BinaryFocalCrossentropy build() {
      FocalArguments.checkGamma(LOSS, gamma);
      FocalArguments.checkUnitInterval(LOSS, "alpha", alpha);
      FocalArguments.checkUnitInterval(LOSS, "label_smoothing", labelSmoothing());
      return new BinaryFocalCrossentropy(this);
    }
  }
}
