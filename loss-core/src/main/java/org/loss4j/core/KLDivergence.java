package org.loss4j.core;

import org.loss4j.api.AbstractLoss;
import org.loss4j.api.LossBuilder;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Operands;
import org.loss4j.api.SampleKernel;
import org.loss4j.core.internal.RowKernels;
import org.loss4j.core.kernel.Clipping;
import org.loss4j.core.kernel.InputChecks;

/**
 * Computes the Kullback-Leibler divergence from predicted distributions {@code y_pred} to target
 * distributions {@code y_true}, summed over the last axis: Keras's {@code KLDivergence}.
 *
 * <pre>{@code
 * t    = clip(y_true, EPSILON, 1),  p = clip(y_pred, EPSILON, 1)
 * loss = sum(t * log(t / p), axis=-1)
 * }</pre>
 *
 * <p>{@code EPSILON} is {@code 1e-7} in the loss dtype (see {@link Clipping}). Both inputs are
 * clipped to {@code [EPSILON, 1]}, as Keras's code does (its documentation says {@code [0, 1]}),
 * so a 0 in {@code y_true} adds a tiny negative term {@code EPSILON * log(EPSILON / p)} rather
 * than 0. The per-sample loss has the shape of {@code y_pred} without its last axis. The gradient
 * with respect to {@code y_pred} is {@code -t / p}, and 0 where {@code y_pred} is clipped. NaN in
 * either input gives NaN.
 *
 * <pre>{@code
 * Loss kld = KLDivergence.builder().reduction(Reduction.NONE).build();
 * Tensor yTrue = Tensor.of(new float[][] {{0, 1}});
 * Tensor yPred = Tensor.of(new float[][] {{0.5f, 0.5f}});
 * kld.compute(yTrue, yPred);   // [0.69314563] = log 2 + 1e-7 * log(2e-7)
 * }</pre>
 *
 * <h2>Differences from Keras</h2>
 *
 * <ul>
 *   <li>{@code y_true} and {@code y_pred} must have equal shapes, up to the {@code [N]} against
 *       {@code [N, 1]} alignment; Keras broadcasts, so {@code [N, 1]} against {@code [N, C]}
 *       silently repeats the targets.
 *   <li>float64 is kept end to end; {@code dtype} is part of {@link #config()}.
 * </ul>
 */
public final class KLDivergence extends AbstractLoss {
  /** The Keras snake_case name, the default {@code name} and the registry key. */
  public static final String NAME = "kl_divergence";

  private static final String LOSS = "KLDivergence";

  private KLDivergence(Builder builder) {
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
    return InputChecks.sameShapeAxis(LOSS, operands, -1).reducedShape();
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
        double t = Clipping.clip(yTrue[i], epsilon, 1.0);
        double p = Clipping.clip(yPred[i], epsilon, 1.0);
        sum += t * Math.log(t / p);
      }
      perSample[lane] = sum;
    }
  }

  @Override
  protected void backward(Operands operands, double[] upstream, double[] gradient) {
    double[] yTrue = operands.yTrue();
    double[] yPred = operands.yPred();
    double epsilon = Clipping.lower(operands.dtype());
    int length = operands.yPredShape()[operands.yPredRank() - 1];
    for (int lane = 0; lane < upstream.length; lane++) {
      for (int i = lane * length; i < (lane + 1) * length; i++) {
        double t = Clipping.clip(yTrue[i], epsilon, 1.0);
        double p = yPred[i];
        boolean passes = Clipping.passesGradient(p, epsilon, 1.0);
        gradient[i] = passes ? -upstream[lane] * t / p : Double.isNaN(p) ? Double.NaN : 0.0;
      }
    }
  }

  /** Returns the fused float32 kernel; the divergence always sums the last axis. */
  @Override
  protected SampleKernel sampleKernel(Operands operands) {
    int length = operands.yPredShape()[operands.yPredRank() - 1];
    return RowKernels.klDivergence(operands.yTrueFloats(), operands.yPredFloats(), length);
  }

  /**
   * Collects the arguments of a {@link KLDivergence}; {@link #build()} validates them all.
   * Starts from Keras's defaults: {@code sum_over_batch_size}, the name {@code kl_divergence},
   * float32.
   */
  public static final class Builder extends LossBuilder<KLDivergence, Builder> {
    private Builder() {}

    /**
     * Returns the loss.
     *
     * @throws IllegalArgumentException if the reduction or dtype string names nothing known
     */
    @Override
    public KLDivergence build() {
      return new KLDivergence(this);
    }
  }
}
