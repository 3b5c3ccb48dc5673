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
import org.loss4j.core.kernel.LogSoftmax;
import org.loss4j.core.kernel.Renormalization;

/**
 * Computes the cross-entropy between one-hot (or soft) labels and predicted class probabilities
 * (or logits) along the class axis {@code axis}: Keras's {@code CategoricalCrossentropy}.
 *
 * <pre>{@code
 * t    = y_true * (1 - label_smoothing) + label_smoothing / C
 * o    = y_pred / sum(y_pred, axis)                  (renormalised, then clipped)
 * loss = -sum(t * log(clip(o, EPSILON, 1 - EPSILON)), axis)
 * loss = -sum(t * log_softmax(y_pred, axis), axis)   (from_logits)
 * }</pre>
 *
 * <p>{@code C} is the size of the class axis and {@code EPSILON} is {@code 1e-7} in the loss dtype
 * (see {@link Clipping}). The per-sample loss has the shape of {@code y_pred} without the class
 * axis. From logits, a class whose label is 0 adds nothing even when its logit is {@code -inf}, so
 * infinite logits give 0 or {@code +inf}; a lane of only {@code -inf} logits gives NaN. NaN in
 * either input gives NaN.
 *
 * <p>The gradient with respect to {@code y_pred} is {@code softmax(x) * sum(t) - t} from logits;
 * from probabilities it runs back through the clip (0 where the clip is active) and the
 * renormalisation, {@code d_j = (g_j - sum_k g_k * o_k) / sum(y_pred)} with
 * {@code g_k = -t_k / o_k}, which matters whenever a row does not sum to 1.
 *
 * <pre>{@code
 * Loss cce = CategoricalCrossentropy.builder().build();
 * Tensor yTrue = Tensor.of(new float[][] {{0, 1, 0}, {0, 0, 1}});
 * Tensor yPred = Tensor.of(new float[][] {{0.05f, 0.95f, 0}, {0.1f, 0.8f, 0.1f}});
 * cce.compute(yTrue, yPred);                                        // 1.177
 * cce.compute(yTrue, yPred, Tensor.of(new float[] {0.3f, 0.7f}));   // 0.814
 * }</pre>
 *
 * <h2>Differences from Keras</h2>
 *
 * <ul>
 *   <li>Label smoothing counts the classes along {@code axis}; Keras 3.13 counts the last axis
 *       whatever {@code axis} is.
 *   <li>A class axis of size 1 is refused (Keras warns and returns about 0), and so is a row of
 *       probabilities summing to 0 (Keras returns NaN).
 *   <li>{@code label_smoothing} outside {@code [0, 1]} is refused; Keras uses it as given.
 *   <li>float64 is kept end to end; {@code dtype} is part of {@link #config()}.
 * </ul>
 */
public final class CategoricalCrossentropy extends AbstractLoss {
  /** The Keras snake_case name, the default {@code name} and the registry key. */
  public static final String NAME = "categorical_crossentropy";

  private static final String LOSS = "CategoricalCrossentropy";

  private final boolean fromLogits;
  private final double labelSmoothing;
  private final int axis;

  private CategoricalCrossentropy(Builder builder) {
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

  /** Returns the class axis as given (negative counts from the end). */
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
    InputChecks.requireSameShape(LOSS, operands);
    ClassAxis classes =
        InputChecks.classAxis(LOSS, operands.yPredShape(), axis, "BinaryCrossentropy");
    if (!fromLogits) {
      InputChecks.requireNonZeroSums(LOSS, operands.yPred(), operands.yPredShape(), classes, null);
    }
    return classes.reducedShape();
  }

  @Override
  protected void forward(Operands operands, double[] perSample) {
    ClassAxis classes = ClassAxis.of(operands.yPredShape(), axis, LOSS);
    double[] yTrue = operands.yTrue();
    double[] yPred = operands.yPred();
    double[] work = new double[yPred.length];
    double lower = Clipping.lower(operands.dtype());
    double upper = Clipping.upper(operands.dtype());
    int length = classes.length();
    int stride = classes.stride();
    for (int lane = 0; lane < classes.lanes(); lane++) {
      int start = classes.laneStart(lane);
      if (fromLogits) {
        LogSoftmax.apply(yPred, start, stride, length, work);
      } else {
        Renormalization.apply(yPred, start, stride, length, work);
      }
      double sum = 0;
      for (int k = 0, i = start; k < length; k++, i += stride) {
        double t = smooth(yTrue[i], length);
        double log = fromLogits ? work[i] : Math.log(Clipping.clip(work[i], lower, upper));
        // 0 * log(0) counts 0, so that an impossible class with no label mass costs nothing.
        sum += t == 0 && log == Double.NEGATIVE_INFINITY ? 0.0 : t * log;
      }
      perSample[lane] = -sum;
    }
  }

  @Override
  protected void backward(Operands operands, double[] upstream, double[] gradient) {
    ClassAxis classes = ClassAxis.of(operands.yPredShape(), axis, LOSS);
    double[] yTrue = operands.yTrue();
    double[] yPred = operands.yPred();
    double[] work = new double[yPred.length];
    double[] inner = new double[yPred.length];
    double lower = Clipping.lower(operands.dtype());
    double upper = Clipping.upper(operands.dtype());
    int length = classes.length();
    int stride = classes.stride();
    for (int lane = 0; lane < classes.lanes(); lane++) {
      int start = classes.laneStart(lane);
      if (fromLogits) {
        LogSoftmax.apply(yPred, start, stride, length, work);
        for (int k = 0, i = start; k < length; k++, i += stride) {
          inner[i] = -upstream[lane] * smooth(yTrue[i], length);
        }
        LogSoftmax.backward(work, inner, start, stride, length, gradient);
      } else {
        double sum = Renormalization.apply(yPred, start, stride, length, work);
        for (int k = 0, i = start; k < length; k++, i += stride) {
          double t = smooth(yTrue[i], length);
          boolean passes = Clipping.passesGradient(work[i], lower, upper);
          inner[i] = t == 0 || !passes ? 0.0 : -upstream[lane] * t / work[i];
        }
        Renormalization.backward(work, sum, inner, start, stride, length, gradient);
      }
    }
  }

  private double smooth(double label, int classes) {
    return labelSmoothing == 0 ? label
        : label * (1 - labelSmoothing) + labelSmoothing / classes;
  }

  /**
   * Returns the fused float32 kernel from logits along the last axis, null otherwise (from
   * probabilities the renormalisation runs in {@link #forward} and {@link #backward}).
   */
  @Override
  protected SampleKernel sampleKernel(Operands operands) {
    ClassAxis classes = ClassAxis.of(operands.yPredShape(), axis, LOSS);
    if (!fromLogits || classes.stride() != 1) {
      return null;
    }
    return RowKernels.softmax(operands.yTrueFloats(), operands.yPredFloats(), classes.length(),
        labelSmoothing);
  }

  /**
   * Collects the arguments of a {@link CategoricalCrossentropy}; {@link #build()} validates them
   * all. Starts from Keras's defaults: probabilities, no smoothing, {@code axis = -1},
   * {@code sum_over_batch_size}, the name {@code categorical_crossentropy}, float32.
   */
  public static final class Builder extends CrossentropyBuilder<CategoricalCrossentropy, Builder> {
    private Builder() {}

    /**
     * Returns the loss.
     *
     * @throws IllegalArgumentException if {@code label_smoothing} is outside {@code [0, 1]}, or
     *     the reduction or dtype string names nothing known
     */
    @Override
    public CategoricalCrossentropy build() {
      return new CategoricalCrossentropy(this);
    }
  }
}
