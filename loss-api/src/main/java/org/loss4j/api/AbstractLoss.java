package org.loss4j.api;

import static com.google.common.base.Preconditions.checkNotNull;

import org.loss4j.api.internal.Broadcast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Implements Keras's {@code Loss.__call__} flow once, so that a loss supplies only its per-sample
 * kernel and that kernel's gradient.
 *
 * <p>For every call the base class: converts {@code y_true} and {@code y_pred} to the loss dtype;
 * aligns their ranks with Keras's squeeze-or-expand rule (a {@code [N]} target against an
 * {@code [N, 1]} prediction becomes {@code [N, 1]}, never a broadcast to {@code [N, N]}); asks
 * {@link #perSampleShape} to validate them; aligns {@code sample_weight} and the mask with the
 * per-sample shape; runs {@link #forward}; and reduces as {@link Reduction} describes, through
 * {@link ReductionSums} (also offered by {@link #reductionSums}, for reducing a batch in chunks).
 * The gradient runs the same steps, turns the reduction into an upstream gradient per sample
 * ({@code w * m / divisor}, the divisor from {@link ReductionSums#divisor}) and hands it to
 * {@link #backward}.
 *
 * <p>Weights and masks are aligned with the per-sample loss of shape {@code S} as follows: a
 * single value applies everywhere; a shape that, with trailing 1s dropped, is a leading part of
 * {@code S} gives one value per block ({@code [batch]} and {@code [batch, 1]} weight every
 * timestep of their sample); a shape of the same rank with dimensions 1 or equal to {@code S}'s
 * broadcasts as in NumPy. Anything else is refused, naming both shapes.
 *
 * <h2>Differences from Keras</h2>
 *
 * <ul>
 *   <li>Weights of shape {@code [batch]} against a per-sample loss of shape {@code [batch, time]}
 *       apply to every timestep; Keras raises, or silently weights the wrong axis when
 *       {@code batch == time}.
 *   <li>{@code mean_with_sample_weight} divides by the weights broadcast to the loss shape.
 *   <li>An empty batch reduces to 0, not to an empty tensor.
 * </ul>
 *
 * <p>Subclasses must be immutable; this class keeps no state beyond its constructor arguments.
 * A loss with a builder extends {@link LossBuilder} for it and passes that builder to
 * {@link #AbstractLoss(String, LossBuilder)}, which validates {@code reduction}, {@code name} and
 * {@code dtype} for every loss alike; {@link #putCommonArguments} writes them back into
 * {@link #config()}.
 */
public abstract class AbstractLoss implements Loss {
  private static final Logger LOG = LoggerFactory.getLogger(AbstractLoss.class);

  private final String name;
  private final Reduction reduction;
  private final String reductionArgument;
  private final DType dtype;

  /**
   * Initialises the arguments every loss shares.
   *
   * @param name the Keras {@code name}; never null
   * @param reduction how {@link #compute} reduces; never null
   * @param dtype {@link DType#FLOAT32} or {@link DType#FLOAT64}
   * @throws IllegalArgumentException if {@code dtype} is not a floating-point type
   */
  protected AbstractLoss(String name, Reduction reduction, DType dtype) {
    this.name = checkNotNull(name, "name");
    this.reduction = checkNotNull(reduction, "reduction");
    this.reductionArgument = reduction.kerasName();
    this.dtype = checkNotNull(dtype, "dtype");
    if (!dtype.isFloating()) {
      throw new IllegalArgumentException(
          displayName() + ": dtype must be one of [float32, float64], got " + dtype.kerasName());
    }
  }

  /**
   * Initialises the arguments every loss shares from its builder, validating them here, once
   * for every loss: a null or empty name becomes {@code defaultName}; the reduction string is
   * parsed ({@code null} means {@link Reduction#NONE}) and kept as given for {@link #config()},
   * so that Keras's {@code None} and {@code "none"} both survive a configuration round trip; the
   * dtype string must name float32 or float64 ({@code null} means float32).
   *
   * <pre>{@code
   * private Poisson(Builder builder) {
   *   super("poisson", builder);
   * }
   * }</pre>
   *
   * @param defaultName the Keras default {@code name}, also the usual registry key; never null
   * @param builder the builder holding the shared arguments; never null
   * @throws IllegalArgumentException naming this loss ({@link #displayName()}) if the reduction
   *     or dtype names nothing known, such as
   *     {@code Poisson: dtype must be one of [float32, float64], got int32}
   */
  protected AbstractLoss(String defaultName, LossBuilder<?, ?> builder) {
    checkNotNull(defaultName, "defaultName");
    checkNotNull(builder, "builder");
    String given = builder.nameArgument();
    this.name = given == null || given.isEmpty() ? defaultName : given;
    String reductionGiven = builder.reductionArgument();
    try {
      this.reduction = Reduction.parse(reductionGiven);
      this.dtype = DType.parseCompute(builder.dtypeArgument());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(displayName() + ": " + e.getMessage(), e);
    }
    this.reductionArgument = reductionGiven == null ? null : reduction.kerasName();
  }

  /**
   * Validates the aligned inputs and returns the shape of the per-sample loss.
   *
   * @throws IllegalArgumentException naming this loss, the argument, what was received and what
   *     was expected, if the inputs do not fit
   */
  protected abstract int[] perSampleShape(Operands operands);

  /**
   * Computes the unweighted loss of every sample into {@code perSample} (row-major, of the shape
   * {@link #perSampleShape} returned), in double; the base class rounds to the dtype.
   */
  protected abstract void forward(Operands operands, double[] perSample);

  /**
   * Writes {@code sum_i upstream[i] * d perSample[i] / d yPred[j]} into {@code gradient[j]} for
   * every element {@code j} of {@code y_pred}; {@code gradient} arrives filled with zeros.
   *
   * @param upstream one value per per-sample element; zero where weights or the mask are zero
   */
  protected abstract void backward(Operands operands, double[] upstream, double[] gradient);

  /**
   * Computes the per-sample loss and its gradient together, for {@link #valueAndGradient}: the
   * default runs {@link #forward}, then {@link #backward}. A loss whose backward pass recomputes
   * its forward pass overrides this to share the work; the results must equal the two calls'.
   */
  protected void forwardAndBackward(
      Operands operands, double[] upstream, double[] perSample, double[] gradient) {
    forward(operands, perSample);
    backward(operands, upstream, gradient);
  }

  /**
   * Returns a single-pass float32 kernel for these operands, or null (the default) to use
   * {@link #forward} and {@link #backward} in double. Asked only when the loss dtype is float32,
   * after {@link #perSampleShape} accepted the operands; the kernel reads
   * {@link Operands#yTrueFloats()} and {@link Operands#yPredFloats()}. Its values must stay
   * within the float32 tolerance of the double path's, and it must not throw for an element that
   * {@link #validElements} excludes. The base class runs large inputs in parallel blocks.
   */
  protected SampleKernel sampleKernel(Operands operands) {
    return null;
  }

  /**
   * Returns the elements of the per-sample loss that count, or null when all do. The default is
   * null; {@code SparseCategoricalCrossentropy} overrides it for {@code ignore_class}. The
   * result is combined with the caller's mask, as Keras merges a loss's output mask.
   */
  protected boolean[] validElements(Operands operands) {
    return null;
  }

  /**
   * Returns the name this loss uses in messages: the class's simple name, such as
   * {@code BinaryCrossentropy}.
   */
  protected String displayName() {
    return getClass().getSimpleName();
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Reduction reduction() {
    return reduction;
  }

  @Override
  public final DType dtype() {
    return dtype;
  }

  /**
   * Returns the reduction as given, in its canonical Keras spelling: null when the loss was built
   * with Keras's {@code None}, {@code "none"} when built with that string; the value
   * {@link #config()} reports under {@code reduction}.
   */
  protected final String reductionArgument() {
    return reductionArgument;
  }

  /**
   * Appends the shared arguments to a configuration, in Keras's order: {@code reduction} (as
   * {@link #reductionArgument()} gives it), {@code name} and {@code dtype} (its Keras string).
   *
   * <pre>{@code
   * return putCommonArguments(LossConfig.builder(NAME).put("from_logits", fromLogits)).build();
   * }</pre>
   *
   * @param config the configuration holding the loss's own arguments; never null
   * @return {@code config}
   */
  protected final LossConfig.Builder putCommonArguments(LossConfig.Builder config) {
    return config
        .put("reduction", reductionArgument)
        .put("name", name)
        .put("dtype", dtype.kerasName());
  }

  @Override
  public final Tensor perSample(Tensor yTrue, Tensor yPred) {
    return prepare(yTrue, yPred, null, null).unweightedLosses();
  }

  @Override
  public final Tensor compute(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask) {
    return prepare(yTrue, yPred, sampleWeight, mask).value();
  }

  @Override
  public final Tensor gradient(
      Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask, Tensor upstream) {
    return prepare(yTrue, yPred, sampleWeight, mask).gradient(upstream);
  }

  @Override
  public final LossAndGradient valueAndGradient(
      Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask) {
    return prepare(yTrue, yPred, sampleWeight, mask).valueAndGradient();
  }

  /**
   * Returns what {@link #compute} returns and writes the gradient into {@code gradient}, in one
   * pass over the inputs when the loss has a {@link #sampleKernel} (then with no copy).
   */
  @Override
  public final Tensor valueAndGradient(
      Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask, float[] gradient) {
    Evaluation evaluation = prepare(yTrue, yPred, sampleWeight, mask);
    if (gradient == null || gradient.length != yPred.size()) {
      throw new IllegalArgumentException(String.format(
          "%s: gradient buffer holds %s elements, expected %d for y_pred of shape %s",
          displayName(), gradient == null ? "no" : gradient.length, yPred.size(),
          Tensor.formatShape(yPred.shape())));
    }
    if (gradient == yPred.floatStorage() || gradient == yTrue.floatStorage()) {
      throw new IllegalArgumentException(String.format(
          "%s: gradient buffer is the array of %s, expected a separate array (the kernels read"
              + " their inputs while they write the gradient)",
          displayName(), gradient == yPred.floatStorage() ? "y_pred" : "y_true"));
    }
    return evaluation.valueAndGradientInto(gradient);
  }

  /**
   * Returns the sums the reductions divide, from the same steps as {@link #compute}: the weighted
   * per-sample losses summed with {@code sample_weight}, the mask and {@link #validElements}
   * applied, as {@link ReductionSums} defines them. {@link #compute} reduces with exactly these
   * sums, so sums of chunks combined with {@link ReductionSums#plus} reduce to its value.
   */
  @Override
  public final ReductionSums reductionSums(
      Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask) {
    Evaluation evaluation = prepare(yTrue, yPred, sampleWeight, mask);
    return evaluation.sums(evaluation.losses(null, null));
  }

  private Operands operands(Tensor yTrue, Tensor yPred) {
    checkNotNull(yTrue, "%s: y_true must not be null", displayName());
    checkNotNull(yPred, "%s: y_pred must not be null", displayName());
    int[][] shapes = Shapes.squeezeOrExpand(yTrue.shape(), yPred.shape());
    return new Operands(yTrue, shapes[0], yPred, shapes[1], dtype);
  }

  private Evaluation prepare(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask) {
    Operands operands = operands(yTrue, yPred);
    int[] shape = perSampleShape(operands);
    double[] weights = sampleWeight == null ? null : Broadcast.toShape(
        sampleWeight.toDoubleArray(), sampleWeight.shape(), shape, displayName(),
        "sample_weight");
    if (weights != null) {
      // Keras casts sample_weight to the loss dtype, so a float64 weight counts as its float.
      for (int i = 0; i < weights.length; i++) {
        weights[i] = dtype.round(weights[i]);
      }
    }
    double[] maskValues = mask == null ? null : Broadcast.toShape(
        mask.toDoubleArray(), mask.shape(), shape, displayName(), "mask");
    boolean[] valid = validElements(operands);
    if (valid != null || maskValues != null) {
      double[] merged = new double[Shapes.size(shape)];
      for (int i = 0; i < merged.length; i++) {
        boolean counts = (valid == null || valid[i])
            && (maskValues == null || maskValues[i] != 0);
        merged[i] = counts ? 1.0 : 0.0;
      }
      maskValues = merged;
    }
    SampleKernel kernel = dtype == DType.FLOAT32 ? sampleKernel(operands) : null;
    if (LOG.isDebugEnabled()) {
      LOG.debug("{}: {} samples of shape {} by {}", displayName(), Shapes.size(shape),
          Tensor.formatShape(yPred.shape()), kernel == null ? "forward/backward" : kernel);
    }
    return new Evaluation(this, operands, shape, weights, maskValues, kernel);
  }

  /**
   * One prepared call: validated operands, the per-sample shape, the weights and the 0/1 mask
   * aligned with it (either may be null), and the loss's sample kernel (null for none).
   */
  private static final class Evaluation {
    private final AbstractLoss loss;
    private final Operands operands;
    private final int[] shape;
    private final int samples;
    private final double[] weights;
    private final double[] mask;
    private final SampleKernel kernel;

    Evaluation(AbstractLoss loss, Operands operands, int[] shape, double[] weights,
        double[] mask, SampleKernel kernel) {
      this.loss = loss;
      this.operands = operands;
      this.shape = shape;
      this.samples = Shapes.size(shape);
      this.weights = weights;
      this.mask = mask;
      this.kernel = kernel;
    }

    /** Returns the merged weight {@code w * m} of one per-sample element. */
    private double weight(int i) {
      double weight = weights == null ? 1.0 : weights[i];
      return mask == null ? weight : weight * mask[i];
    }

    /**
     * Returns the per-sample losses rounded to the dtype and, when {@code upstream} is not null,
     * writes the gradient into {@code floatGradient} (kernel) or {@code doubleGradient}.
     */
    double[] losses(double[] upstream, float[] floatGradient, double[] doubleGradient) {
      double[] values = new double[samples];
      if (kernel != null) {
        SampleBlocks.run(kernel, samples, values, upstream, floatGradient);
      } else if (upstream == null) {
        loss.forward(operands, values);
      } else {
        loss.forwardAndBackward(operands, upstream, values, doubleGradient);
      }
      for (int i = 0; i < values.length; i++) {
        values[i] = loss.dtype.round(values[i]);
      }
      return values;
    }

    double[] losses(double[] upstream, float[] floatGradient) {
      return losses(upstream, floatGradient, null);
    }

    ReductionSums sums(double[] losses) {
      return ReductionSums.accumulate(losses, weights, mask, samples);
    }

    Tensor unweightedLosses() {
      return Tensor.fromDoubles(losses(null, null), shape, loss.dtype);
    }

    Tensor value() {
      return reduce(losses(null, null));
    }

    private Tensor reduce(double[] losses) {
      if (loss.reduction != Reduction.NONE) {
        return sums(losses).reduce(loss.reduction, loss.dtype);
      }
      for (int i = 0; i < losses.length; i++) {
        losses[i] = ReductionSums.weighted(losses[i], weight(i));
      }
      return Tensor.fromDoubles(losses, shape, loss.dtype);
    }

    Tensor gradient(Tensor upstream) {
      double[] perElement = upstream(upstream);
      int[] yPredShape = operands.givenYPredShape();
      if (kernel != null) {
        float[] gradient = new float[operands.yPredFloats().length];
        SampleBlocks.run(kernel, samples, new double[samples], perElement, gradient);
        return Tensor.wrap(gradient, yPredShape);
      }
      double[] gradient = new double[operands.yPred().length];
      loss.backward(operands, perElement, gradient);
      return Tensor.fromDoubles(gradient, yPredShape, loss.dtype);
    }

    LossAndGradient valueAndGradient() {
      double[] perElement = upstream(null);
      int[] yPredShape = operands.givenYPredShape();
      if (kernel != null) {
        float[] gradient = new float[operands.yPredFloats().length];
        Tensor value = reduce(losses(perElement, gradient));
        return new LossAndGradient(value, Tensor.wrap(gradient, yPredShape));
      }
      double[] gradient = new double[operands.yPred().length];
      Tensor value = reduce(losses(perElement, null, gradient));
      return new LossAndGradient(value, Tensor.fromDoubles(gradient, yPredShape, loss.dtype));
    }

    Tensor valueAndGradientInto(float[] gradient) {
      double[] perElement = upstream(null);
      if (kernel != null) {
        return reduce(losses(perElement, gradient));
      }
      double[] exact = new double[operands.yPred().length];
      Tensor value = reduce(losses(perElement, null, exact));
      for (int i = 0; i < exact.length; i++) {
        gradient[i] = (float) exact[i];
      }
      return value;
    }

    /**
     * Returns the derivative of the caller's result with respect to each per-sample loss:
     * {@code upstream * w * m}, divided by the reduction's divisor unless it is {@code none}.
     */
    private double[] upstream(Tensor upstream) {
      checkUpstream(upstream);
      double[] perElement = new double[samples];
      if (loss.reduction == Reduction.NONE) {
        for (int i = 0; i < perElement.length; i++) {
          double incoming = upstream == null ? 1.0 : upstream.getDouble(i);
          perElement[i] = ReductionSums.weighted(incoming, weight(i));
        }
      } else {
        double incoming = upstream == null ? 1.0 : upstream.getDouble(0);
        double scale = sums(null).scale(loss.reduction, incoming);
        for (int i = 0; i < perElement.length; i++) {
          perElement[i] = scale * weight(i);
        }
      }
      return perElement;
    }

    private void checkUpstream(Tensor upstream) {
      if (upstream == null) {
        return;
      }
      int expected = loss.reduction == Reduction.NONE ? samples : 1;
      boolean fits = upstream.size() == expected;
      if (!fits) {
        throw new IllegalArgumentException(String.format(
            "%s: upstream gradient shape %s does not match the loss output shape %s",
            loss.displayName(), Tensor.formatShape(upstream.shape()),
            loss.reduction == Reduction.NONE ? Tensor.formatShape(shape) : "[]"));
      }
    }
  }

  /** Returns whether {@code other} is a loss of the same class with an equal configuration. */
  @Override
  public boolean equals(Object other) {
    return other != null && other.getClass() == getClass()
        && config().equals(((Loss) other).config());
  }

  @Override
  public int hashCode() {
    return getClass().hashCode() * 31 + config().hashCode();
  }

  /** Returns the class name and the configuration. */
  @Override
  public String toString() {
    return displayName() + config().values();
  }
}
