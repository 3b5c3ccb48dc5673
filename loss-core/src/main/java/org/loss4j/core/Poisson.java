package org.loss4j.core;

import java.util.Locale;
import org.loss4j.api.AbstractLoss;
import org.loss4j.api.DType;
import org.loss4j.api.LossBuilder;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Operands;
import org.loss4j.api.SampleKernel;
import org.loss4j.core.internal.RowKernels;
import org.loss4j.core.kernel.Clipping;
import org.loss4j.core.kernel.InputChecks;

/**
 * Computes the Poisson negative log-likelihood (without its constant term) of observed counts
 * {@code y_true} under predicted rates {@code y_pred}, averaged over the last axis: Keras's
 * {@code Poisson}.
 *
 * <pre>{@code loss = mean(y_pred - y_true * log(y_pred + EPSILON), axis=-1)}</pre>
 *
 * <p>{@code EPSILON} is {@code 1e-7} in the loss dtype (see {@link Clipping}), so a prediction of 0
 * costs {@code 16.118095 * y_true}, not infinity. The per-sample loss has the shape of
 * {@code y_pred} without its last axis. The gradient with respect to {@code y_pred} is
 * {@code (1 - y_true / (y_pred + EPSILON)) / n}, {@code n} being the length of the last axis. NaN
 * in either input gives NaN.
 *
 * <pre>{@code
 * Loss poisson = Poisson.builder().build();
 * Tensor yTrue = Tensor.of(new float[][] {{0, 1}, {0, 0}});
 * Tensor yPred = Tensor.of(new float[][] {{1, 1}, {0, 0}});
 * poisson.compute(yTrue, yPred);   // 0.5: the per-sample losses are 1 and 0
 * }</pre>
 *
 * <h2>Differences from Keras</h2>
 *
 * <ul>
 *   <li>A negative prediction is refused (Keras gives NaN, or a finite value just below 0).
 *   <li>{@code y_true} and {@code y_pred} must have equal shapes, up to the {@code [N]} against
 *       {@code [N, 1]} alignment; Keras broadcasts, so {@code [N, 1]} against {@code [N, C]}
 *       silently repeats the labels.
 *   <li>float64 is kept end to end; {@code dtype} is part of {@link #config()}.
 * </ul>
 */
public final class Poisson extends AbstractLoss {
  /** The Keras snake_case name, the default {@code name} and the registry key. */
  public static final String NAME = "poisson";

  private static final String LOSS = "Poisson";

  private Poisson(Builder builder) {
    super(NAME, builder);
  }

  /** Returns a builder holding Keras's defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns {@code reduction} (its Keras string, or null), {@code name} and {@code dtype}. */
  @Override
  public LossConfig config() {
    return putCommonArguments(LossConfig.builder(NAME)).build();
  }

  @Override
  protected int[] perSampleShape(Operands operands) {
    int[] perSampleShape = InputChecks.sameShapeAxis(LOSS, operands, -1).reducedShape();
    int negative = firstNegative(operands);
    if (negative >= 0) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "%s: y_pred%s = %s, expected a rate >= 0", LOSS,
          InputChecks.index(negative, operands.yPredShape()), operands.yPred()[negative]));
    }
    return perSampleShape;
  }

  /** Returns the index of the first negative rate, or -1; reads floats for a float32 loss. */
  private static int firstNegative(Operands operands) {
    if (operands.dtype() == DType.FLOAT32) {
      return RowKernels.firstNegative(operands.yPredFloats());
    }
    double[] rates = operands.yPred();
    for (int i = 0; i < rates.length; i++) {
      if (rates[i] < 0) {
        return i;
      }
    }
    return -1;
  }

  @Override
  protected void forward(Operands operands, double[] perSample) {
    double[] yTrue = operands.yTrue();
    double[] yPred = operands.yPred();
    double epsilon = Clipping.lower(operands.dtype());
    int length = operands.yPredShape()[operands.yPredRank() - 1];
    for (int lane = 0; lane < perSample.length; lane++) {
      double sum = 0;
      for (int i = lane * length; i < (lane + 1) * length; i++) {
        sum += yPred[i] - yTrue[i] * Math.log(yPred[i] + epsilon);
      }
      perSample[lane] = sum / length;
    }
  }

  @Override
  protected void backward(Operands operands, double[] upstream, double[] gradient) {
    double[] yTrue = operands.yTrue();
    double[] yPred = operands.yPred();
    double epsilon = Clipping.lower(operands.dtype());
    int length = operands.yPredShape()[operands.yPredRank() - 1];
    for (int lane = 0; lane < upstream.length; lane++) {
      double scale = upstream[lane] / length;
      for (int i = lane * length; i < (lane + 1) * length; i++) {
        gradient[i] = scale * (1 - yTrue[i] / (yPred[i] + epsilon));
      }
    }
  }

  /** Returns the fused float32 kernel; the loss always averages the last axis. */
  @Override
  protected SampleKernel sampleKernel(Operands operands) {
    int length = operands.yPredShape()[operands.yPredRank() - 1];
    return RowKernels.poisson(operands.yTrueFloats(), operands.yPredFloats(), length);
  }

  /**
   * Collects the arguments of a {@link Poisson}; {@link #build()} validates them all. Starts from
   * Keras's defaults: {@code sum_over_batch_size}, the name {@code poisson}, float32.
   */
  public static final class Builder extends LossBuilder<Poisson, Builder> {
    private Builder() {}

    /**
     * Returns the loss.
     *
     * @throws IllegalArgumentException if the reduction or dtype string names nothing known
     */
    @Override
    public Poisson build() {
      return new Poisson(this);
    }
  }
}
