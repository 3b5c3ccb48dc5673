package org.loss4j.core;

import org.loss4j.api.AbstractLoss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Operands;
import org.loss4j.api.SampleKernel;
import org.loss4j.core.internal.Arguments;
import org.loss4j.core.internal.RowKernels;
import org.loss4j.core.kernel.ClassAxis;
import org.loss4j.core.kernel.Clipping;
import org.loss4j.core.kernel.InputChecks;
import org.loss4j.core.kernel.Logistic;

/**
 * Computes the binary cross-entropy between 0/1 labels and predicted probabilities (or logits),
 * averaged over {@code axis}: Keras's {@code BinaryCrossentropy}.
 *
 * <pre>{@code
 * t    = y_true * (1 - label_smoothing) + 0.5 * label_smoothing
 * e    = -(t * log(q) + (1 - t) * log(1 - q)),  q = clip(y_pred, EPSILON, 1 - EPSILON)
 * e    = max(x, 0) - x * t + log1p(exp(-|x|)),   x = y_pred        (from_logits)
 * loss = mean(e, axis)
 * }</pre>
 *
 * <p>{@code EPSILON} is {@code 1e-7} in the loss dtype (see {@link Clipping}): in float32 a
 * saturated term costs 16.118095 at the lower bound and 15.942385 at the upper one. {@code axis}
 * is the averaged axis, not a class axis: the per-sample loss has the shape of {@code y_pred}
 * without it, so rank-1 inputs give a single per-sample value of shape {@code []}. Labels are
 * used as given (soft labels work). NaN in either input gives NaN.
 *
 * <p>The gradient with respect to {@code y_pred} is {@code (sigmoid(x) - t) / n} from logits and
 * {@code (q - t) / (q * (1 - q) * n)} from probabilities, {@code n} being the length of
 * {@code axis}; it is 0 where the clip is active.
 *
 * <pre>{@code
 * Loss bce = BinaryCrossentropy.builder().fromLogits(true).build();
 * Tensor yTrue = Tensor.of(new float[][] {{0, 1}, {0, 0}});
 * Tensor yPred = Tensor.of(new float[][] {{-18.6f, 0.51f}, {2.94f, -12.8f}});
 * bce.compute(yTrue, yPred);                       // 0.8654
 * bce.compute(yTrue, yPred, Tensor.of(new float[] {0.8f, 0.2f}));   // 0.243
 * }</pre>
 *
 * <h2>Differences from Keras</h2>
 *
 * <ul>
 *   <li>From logits, the exact stable formula is used on every dtype, as Keras's TensorFlow, JAX
 *       and torch backends do; Keras's numpy backend takes the sigmoid and clips, so a logit of
 *       100 for a label of 0 costs 15.94 there and 100 here.
 *   <li>{@code label_smoothing} outside {@code [0, 1]} is refused; Keras uses it as given.
 *   <li>float64 is kept end to end; {@code dtype} is part of {@link #config()}.
 * </ul>
 *
 * <h2>Known limitations</h2>
 *
 * <p>With rank-1 inputs the per-sample loss is a scalar, so only a scalar {@code sample_weight}
 * is accepted; Keras multiplies the scalar by a {@code [N]} weight and reduces the product.
 */
public final class BinaryCrossentropy extends AbstractLoss {
  /** The Keras snake_case name, the default {@code name} and the registry key. */
  public static final String NAME = "binary_crossentropy";

  private static final String LOSS = "BinaryCrossentropy";

  private final boolean fromLogits;
  private final double labelSmoothing;
  private final int axis;

  private BinaryCrossentropy(Builder builder) {
    super(NAME, builder);
    this.fromLogits = builder.fromLogits();
    this.labelSmoothing = Arguments.labelSmoothing(LOSS, builder.labelSmoothing());
    this.axis = builder.axis();
  }

  /** Returns a builder holding Keras's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns whether {@code y_pred} holds logits rather than probabilities. */
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
   * Returns {@code from_logits}, {@code label_smoothing}, {@code axis}, {@code reduction} (its
   * Keras string, or null), {@code name} and {@code dtype}, in Keras's argument order.
   */
  @Override
  public LossConfig config() {
    LossConfig.Builder config = LossConfig.builder(NAME)
        .put("from_logits", fromLogits)
        .put("label_smoothing", labelSmoothing)
        .put("axis", axis);
    return putCommonArguments(config).build();
  }

  @Override
  protected int[] perSampleShape(Operands operands) {
    return InputChecks.sameShapeAxis(LOSS, operands, axis).reducedShape();
  }

  @Override
  protected void forward(Operands operands, double[] perSample) {
    ClassAxis lanes = ClassAxis.of(operands.yPredShape(), axis, LOSS);
    double[] yTrue = operands.yTrue();
    double[] yPred = operands.yPred();
    double lower = Clipping.lower(operands.dtype());
    double upper = Clipping.upper(operands.dtype());
    for (int lane = 0; lane < lanes.lanes(); lane++) {
      double sum = 0;
      for (int k = 0, i = lanes.laneStart(lane); k < lanes.length(); k++, i += lanes.stride()) {
        double t = smooth(yTrue[i]);
        sum += fromLogits ? Logistic.crossentropyFromLogit(t, yPred[i])
            : Logistic.crossentropyFromProbability(t, yPred[i], lower, upper);
      }
      perSample[lane] = sum / lanes.length();
    }
  }

  @Override
  protected void backward(Operands operands, double[] upstream, double[] gradient) {
    ClassAxis lanes = ClassAxis.of(operands.yPredShape(), axis, LOSS);
    double[] yTrue = operands.yTrue();
    double[] yPred = operands.yPred();
    double lower = Clipping.lower(operands.dtype());
    double upper = Clipping.upper(operands.dtype());
    for (int lane = 0; lane < lanes.lanes(); lane++) {
      double scale = upstream[lane] / lanes.length();
      for (int k = 0, i = lanes.laneStart(lane); k < lanes.length(); k++, i += lanes.stride()) {
        double t = smooth(yTrue[i]);
        double derivative = fromLogits ? Logistic.crossentropyFromLogitDerivative(t, yPred[i])
            : Logistic.crossentropyFromProbabilityDerivative(t, yPred[i], lower, upper);
        gradient[i] = scale * derivative;
      }
    }
  }

  private double smooth(double label) {
    return labelSmoothing == 0 ? label : label * (1 - labelSmoothing) + 0.5 * labelSmoothing;
  }

  /**
   * Returns the fused float32 kernel when {@code axis} is the last axis (rows are contiguous),
   * null for another axis, which {@link #forward} and {@link #backward} handle.
   */
  @Override
  protected SampleKernel sampleKernel(Operands operands) {
    ClassAxis lanes = ClassAxis.of(operands.yPredShape(), axis, LOSS);
    if (lanes.stride() != 1) {
      return null;
    }
    return RowKernels.binary(operands.yTrueFloats(), operands.yPredFloats(), lanes.length(),
        fromLogits, labelSmoothing);
  }

  /**
   * Collects the arguments of a {@link BinaryCrossentropy}; {@link #build()} validates them all.
   * Starts from Keras's defaults: probabilities, no smoothing, {@code axis = -1},
   * {@code sum_over_batch_size}, the name {@code binary_crossentropy}, float32.
   */
  public static final class Builder extends CrossentropyBuilder<BinaryCrossentropy, Builder> {
    private Builder() {}

    /**
     * Returns the loss.
     *
     * @throws IllegalArgumentException if {@code label_smoothing} is outside {@code [0, 1]}, or
     *     the reduction or dtype string names nothing known
     */
    @Override
    public BinaryCrossentropy build() {
      return new BinaryCrossentropy(this);
    }
  }
}
