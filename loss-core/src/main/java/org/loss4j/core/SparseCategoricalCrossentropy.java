package org.loss4j.core;

import java.util.Arrays;
import java.util.OptionalInt;
import org.loss4j.api.AbstractLoss;
import org.loss4j.api.LossBuilder;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Operands;
import org.loss4j.api.SampleKernel;
import org.loss4j.api.Tensor;
import org.loss4j.core.internal.RowKernels;
import org.loss4j.core.kernel.ClassAxis;
import org.loss4j.core.kernel.Clipping;
import org.loss4j.core.kernel.InputChecks;
import org.loss4j.core.kernel.LogSoftmax;
import org.loss4j.core.kernel.Renormalization;

/**
 * Computes the cross-entropy between integer class labels and predicted class probabilities (or
 * logits) along the class axis {@code axis}: Keras's {@code SparseCategoricalCrossentropy}.
 *
 * <pre>{@code
 * o    = y_pred / sum(y_pred, axis)                  (renormalised, then clipped)
 * loss = -log(clip(o[y_true], EPSILON, 1 - EPSILON))
 * loss = -log_softmax(y_pred, axis)[y_true]          (from_logits)
 * loss = 0                                           (where y_true == ignore_class)
 * }</pre>
 *
 * <p>Labels have the shape of {@code y_pred} without its class axis ({@code [batch]} against
 * {@code [batch, classes]}, {@code [batch, time]} against {@code [batch, time, classes]}), or that
 * shape with a 1 in place of the class axis or appended ({@code [batch, 1]}). They may come as
 * int32 or as whole floating-point numbers. Entries equal to {@code ignore_class} cost 0, get a
 * zero gradient and leave the divisor of {@code sum_over_batch_size}, so an all-ignored batch
 * reduces to 0. {@code EPSILON} is {@code 1e-7} in the loss dtype (see {@link Clipping}). A NaN
 * label or NaN in {@code y_pred} gives NaN.
 *
 * <p>The gradient with respect to {@code y_pred} is {@code softmax(x) - onehot(y_true)} from
 * logits; from probabilities it is {@code -(onehot(y_true) - o) / (o[y_true] * sum(y_pred))}
 * (the renormalisation's Jacobian included), and 0 where the clip is active.
 *
 * <pre>{@code
 * Loss scce = SparseCategoricalCrossentropy.builder().build();
 * Tensor yTrue = Tensor.of(new int[] {1, 2});
 * Tensor yPred = Tensor.of(new float[][] {{0.05f, 0.95f, 0}, {0.1f, 0.8f, 0.1f}});
 * scce.compute(yTrue, yPred);                                        // 1.177
 * scce.compute(yTrue, yPred, Tensor.of(new float[] {0.3f, 0.7f}));   // 0.814
 * }</pre>
 *
 * <h2>Differences from Keras</h2>
 *
 * <ul>
 *   <li>Any class axis works on every dtype (Keras: the torch backend only).
 *   <li>From probabilities, rows are renormalised before clipping on every backend (Keras's
 *       TensorFlow backend clips first).
 *   <li>A label that is negative (and not {@code ignore_class}), not below the class count, or
 *       fractional is refused, naming its index; a class axis of size 1 and a row of
 *       probabilities summing to 0 are refused too.
 *   <li>{@code axis} and {@code dtype} are part of {@link #config()} (Keras 3.13 drops
 *       {@code axis}).
 * </ul>
 */
public final class SparseCategoricalCrossentropy extends AbstractLoss {
  /** The Keras snake_case name, the default {@code name} and the registry key. */
  public static final String NAME = "sparse_categorical_crossentropy";

  private static final String LOSS = "SparseCategoricalCrossentropy";

  private final boolean fromLogits;
  private final Integer ignoreClass;
  private final int axis;

  private SparseCategoricalCrossentropy(Builder builder) {
    super(NAME, builder);
    this.fromLogits = builder.fromLogits;
    this.ignoreClass = builder.ignoreClass;
    this.axis = builder.axis;
  }

  /** Returns a builder holding Keras's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns whether {@code y_pred} holds logits rather than probabilities. */
  public boolean fromLogits() {
    return fromLogits;
  }

  /** Returns the label whose entries are ignored, if any. */
  public OptionalInt ignoreClass() {
    return ignoreClass == null ? OptionalInt.empty() : OptionalInt.of(ignoreClass);
  }

  /** Returns the class axis as given (negative counts from the end). */
  public int axis() {
    return axis;
  }

  /**
   * Returns {@code from_logits}, {@code ignore_class} (or null), {@code axis}, {@code reduction}
   * (its Keras string, or null), {@code name} and {@code dtype}.
   */
  @Override
  public LossConfig config() {
    LossConfig.Builder config = LossConfig.builder(NAME)
        .put("from_logits", fromLogits)
        .put("ignore_class", ignoreClass)
        .put("axis", axis);
    return putCommonArguments(config).build();
  }

  @Override
  protected int[] perSampleShape(Operands operands) {
    int[] yPredShape = operands.yPredShape();
    ClassAxis classes = InputChecks.classAxis(LOSS, yPredShape, axis, "BinaryCrossentropy");
    int[] expected = classes.reducedShape();
    requireLabelShape(operands.yTrueShape(), yPredShape, classes, expected);
    requireLabels(operands.yTrue(), operands.yTrueShape(), classes.length());
    if (!fromLogits) {
      InputChecks.requireNonZeroSums(
          LOSS, operands.yPred(), yPredShape, classes, ignored(operands));
    }
    return expected;
  }

  private void requireLabelShape(
      int[] labels, int[] yPredShape, ClassAxis classes, int[] expected) {
    if (Arrays.equals(labels, expected)) {
      return;
    }
    int[] withOne = yPredShape.clone();
    withOne[classes.axis()] = 1;
    int[] appended = Arrays.copyOf(expected, expected.length + 1);
    appended[expected.length] = 1;
    if (Arrays.equals(labels, withOne) || Arrays.equals(labels, appended)) {
      return;
    }
    throw new IllegalArgumentException(String.format(
        "%s: y_true shape %s does not fit y_pred shape %s with classes on axis %d,"
            + " expected %s (or %s)",
        LOSS, Tensor.formatShape(labels), Tensor.formatShape(yPredShape), axis,
        Tensor.formatShape(expected), Tensor.formatShape(withOne)));
  }

  private void requireLabels(double[] labels, int[] labelShape, int classCount) {
    for (int i = 0; i < labels.length; i++) {
      double label = labels[i];
      if (Double.isNaN(label) || isIgnored(label)) {
        continue;
      }
      boolean whole = label == Math.rint(label);
      if (!whole || label < 0 || label >= classCount) {
        throw new IllegalArgumentException(String.format(
            "%s: y_true%s = %s, expected %s in 0..%d%s", LOSS, InputChecks.index(i, labelShape),
            format(label), whole ? "a class" : "an integer class", classCount - 1,
            ignoreClass == null ? "" : " or ignore_class " + ignoreClass));
      }
    }
  }

  private static String format(double label) {
    return label == Math.rint(label) && Math.abs(label) < 1e15
        ? Long.toString((long) label) : Double.toString(label);
  }

  private boolean isIgnored(double label) {
    return ignoreClass != null && label == ignoreClass;
  }

  private boolean[] ignored(Operands operands) {
    if (ignoreClass == null) {
      return null;
    }
    double[] labels = operands.yTrue();
    boolean[] ignored = new boolean[labels.length];
    for (int i = 0; i < labels.length; i++) {
      ignored[i] = isIgnored(labels[i]);
    }
    return ignored;
  }

  /** Returns false for the entries labelled {@code ignore_class}; null without one. */
  @Override
  protected boolean[] validElements(Operands operands) {
    boolean[] ignored = ignored(operands);
    if (ignored == null) {
      return null;
    }
    boolean[] valid = new boolean[ignored.length];
    for (int i = 0; i < ignored.length; i++) {
      valid[i] = !ignored[i];
    }
    return valid;
  }

  @Override
  protected void forward(Operands operands, double[] perSample) {
    ClassAxis classes = ClassAxis.of(operands.yPredShape(), axis, LOSS);
    double[] labels = operands.yTrue();
    double[] yPred = operands.yPred();
    double[] work = new double[yPred.length];
    double lower = Clipping.lower(operands.dtype());
    double upper = Clipping.upper(operands.dtype());
    for (int lane = 0; lane < classes.lanes(); lane++) {
      double label = labels[lane];
      if (isIgnored(label)) {
        perSample[lane] = 0.0;
        continue;
      }
      if (Double.isNaN(label)) {
        perSample[lane] = Double.NaN;
        continue;
      }
      int start = classes.laneStart(lane);
      int target = start + (int) label * classes.stride();
      if (fromLogits) {
        LogSoftmax.apply(yPred, start, classes.stride(), classes.length(), work);
        perSample[lane] = -work[target];
      } else {
        Renormalization.apply(yPred, start, classes.stride(), classes.length(), work);
        perSample[lane] = -Math.log(Clipping.clip(work[target], lower, upper));
      }
    }
  }

  @Override
  protected void backward(Operands operands, double[] upstream, double[] gradient) {
    ClassAxis classes = ClassAxis.of(operands.yPredShape(), axis, LOSS);
    double[] labels = operands.yTrue();
    double[] yPred = operands.yPred();
    double[] work = new double[yPred.length];
    double lower = Clipping.lower(operands.dtype());
    double upper = Clipping.upper(operands.dtype());
    int length = classes.length();
    int stride = classes.stride();
    for (int lane = 0; lane < classes.lanes(); lane++) {
      double label = labels[lane];
      if (isIgnored(label)) {
        continue;
      }
      int start = classes.laneStart(lane);
      if (Double.isNaN(label)) {
        for (int k = 0, i = start; k < length; k++, i += stride) {
          gradient[i] = Double.NaN;
        }
        continue;
      }
      int target = start + (int) label * stride;
      double scale = upstream[lane];
      if (fromLogits) {
        LogSoftmax.apply(yPred, start, stride, length, work);
        for (int k = 0, i = start; k < length; k++, i += stride) {
          gradient[i] = scale * (Math.exp(work[i]) - (i == target ? 1.0 : 0.0));
        }
      } else {
        double sum = Renormalization.apply(yPred, start, stride, length, work);
        double picked = work[target];
        if (!Clipping.passesGradient(picked, lower, upper) && !Double.isNaN(picked)) {
          continue;
        }
        double slope = -scale / picked;
        for (int k = 0, i = start; k < length; k++, i += stride) {
          gradient[i] = slope * ((i == target ? 1.0 : 0.0) - picked) / sum;
        }
      }
    }
  }

  /**
   * Returns the fused float32 kernel from logits along the last axis without
   * {@code ignore_class}, null otherwise.
   */
  @Override
  protected SampleKernel sampleKernel(Operands operands) {
    ClassAxis classes = ClassAxis.of(operands.yPredShape(), axis, LOSS);
    if (!fromLogits || ignoreClass != null || classes.stride() != 1) {
      return null;
    }
    return RowKernels.sparseSoftmax(
        operands.yTrueFloats(), operands.yPredFloats(), classes.length());
  }

  /**
   * Collects the arguments of a {@link SparseCategoricalCrossentropy}; {@link #build()} validates
   * them all. Starts from Keras's defaults: probabilities, no ignored class, {@code axis = -1},
   * {@code sum_over_batch_size}, the name {@code sparse_categorical_crossentropy}, float32.
   */
  public static final class Builder extends LossBuilder<SparseCategoricalCrossentropy, Builder> {
    private boolean fromLogits;
    private Integer ignoreClass;
    private int axis = -1;

    private Builder() {}

    /** Sets whether {@code y_pred} holds logits; default false. */
    public Builder fromLogits(boolean fromLogits) {
      this.fromLogits = fromLogits;
      return this;
    }

    /**
     * Sets the label whose entries are ignored (any int, inside or outside the class range);
     * null, the default, ignores nothing.
     */
    public Builder ignoreClass(Integer ignoreClass) {
      this.ignoreClass = ignoreClass;
      return this;
    }

    /** Sets the class axis of {@code y_pred} (negative counts from the end); default -1. */
    public Builder axis(int axis) {
      this.axis = axis;
      return this;
    }

    /**
     * Returns the loss.
     *
     * @throws IllegalArgumentException if the reduction or dtype string names nothing known
     */
    @Override
    public SparseCategoricalCrossentropy build() {
      return new SparseCategoricalCrossentropy(this);
    }
  }
}
