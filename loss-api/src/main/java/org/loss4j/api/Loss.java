package org.loss4j.api;

/**
 * A configured loss function: Keras's {@code Loss} on the JVM, with its gradient.
 *
 * <p>Three views of one computation, all with {@code y_true} first:
 *
 * <ul>
 *   <li>{@link #perSample} is Keras's {@code call}: the loss of every sample (the class or feature
 *       axis reduced away), unweighted and unreduced;
 *   <li>{@link #compute} is Keras's {@code __call__}: the per-sample losses weighted by an optional
 *       {@code sample_weight}, masked by an optional mask, then reduced by {@link #reduction()};
 *   <li>{@link #gradient} is the derivative of what {@link #compute} returns with respect to every
 *       element of {@code y_pred} (the logits when {@code from_logits} is true), in the shape of
 *       {@code y_pred}.
 * </ul>
 *
 * <p>Results have the loss's {@link #dtype()}: inputs are converted to it first, as Keras does.
 * NaN in an input propagates to the result. Bad input is refused with an
 * {@link IllegalArgumentException} that names the loss, the argument, what was received and what
 * was expected, before anything is computed.
 *
 * <p>Implementations are immutable and safe to share between threads. Most extend
 * {@link AbstractLoss}, which implements the Keras flow once.
 */
public interface Loss {

  /** Returns the {@code name} argument, such as {@code "binary_crossentropy"}. */
  String name();

  /** Returns the reduction applied by {@link #compute}. */
  Reduction reduction();

  /** Returns the compute type: {@link DType#FLOAT32} (Keras's default) or float64. */
  DType dtype();

  /**
   * Returns every argument of this loss under its Keras name, {@code reduction}, {@code name} and
   * {@code dtype} included; {@link org.loss4j.api.registry.LossRegistry#create(LossConfig)}
   * rebuilds an equal loss.
   */
  LossConfig config();

  /**
   * Returns the unweighted, unreduced loss of every sample.
   *
   * @param yTrue targets; never null
   * @param yPred predictions (probabilities or logits); never null
   * @throws IllegalArgumentException if the inputs do not fit this loss
   */
  Tensor perSample(Tensor yTrue, Tensor yPred);

  /**
   * Returns the reduced loss of a batch, as Keras's {@code loss(y_true, y_pred)} does.
   *
   * @throws IllegalArgumentException if the inputs do not fit this loss
   */
  default Tensor compute(Tensor yTrue, Tensor yPred) {
    return compute(yTrue, yPred, null, null);
  }

  /**
   * Returns the reduced loss with per-sample weights, as Keras's
   * {@code loss(y_true, y_pred, sample_weight)} does.
   *
   * @param sampleWeight a scalar, one weight per sample ({@code [batch]} or {@code [batch, 1]}),
   *     or one per element of the per-sample loss; null for none
   * @throws IllegalArgumentException if the inputs do not fit this loss or the weights cannot be
   *     aligned with the per-sample loss
   */
  default Tensor compute(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    return compute(yTrue, yPred, sampleWeight, null);
  }

  /**
   * Returns the reduced loss with optional weights and an optional mask (Keras's
   * {@code _keras_mask}); masked elements contribute nothing and leave the divisor of
   * {@code sum_over_batch_size} and {@code mean}.
   *
   * @param sampleWeight weights aligned like the mask; null for none
   * @param mask non-zero (or true) for the elements that count, in the shapes accepted for
   *     {@code sampleWeight}; null for none
   * @throws IllegalArgumentException if the inputs do not fit this loss or the weights or mask
   *     cannot be aligned with the per-sample loss
   */
  Tensor compute(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask);

  /** Returns the gradient of {@link #compute(Tensor, Tensor)} with respect to {@code yPred}. */
  default Tensor gradient(Tensor yTrue, Tensor yPred) {
    return gradient(yTrue, yPred, null, null, null);
  }

  /** Returns the gradient of {@link #compute(Tensor, Tensor, Tensor)} w.r.t. {@code yPred}. */
  default Tensor gradient(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    return gradient(yTrue, yPred, sampleWeight, null, null);
  }

  /**
   * Returns the gradient of {@link #compute(Tensor, Tensor, Tensor, Tensor)} with respect to
   * {@code yPred}: upstream times the Jacobian (a vector-Jacobian product).
   *
   * @param upstream the gradient of some objective with respect to what {@code compute} returns:
   *     a scalar for a reducing reduction, the per-sample shape for {@code none}; null means ones
   *     (for {@code none}: the gradient of the sum of the returned values)
   * @return a tensor of the shape of {@code yPred} in the loss's dtype; zero where the Keras
   *     formula clips
   */
  Tensor gradient(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask, Tensor upstream);

  /**
   * Returns the sums from which {@link #compute} reduces this batch, so that a batch split along
   * axis 0 can be reduced chunk by chunk: the sums of the chunks, added with
   * {@link ReductionSums#plus}, reduce with {@link ReductionSums#reduce} to what {@code compute}
   * returns for the whole batch. The formulas, and how to get the gradient of a chunked run, are
   * on {@link ReductionSums}. The result does not depend on this loss's own {@link #reduction()}.
   *
   * <p>The default throws; {@link AbstractLoss} implements it.
   *
   * @param sampleWeight weights as for {@link #compute(Tensor, Tensor, Tensor, Tensor)}; null for
   *     none
   * @param mask a mask as for {@link #compute(Tensor, Tensor, Tensor, Tensor)}; null for none
   * @throws IllegalArgumentException if the inputs do not fit this loss or the weights or mask
   *     cannot be aligned with the per-sample loss
   * @throws UnsupportedOperationException if this loss does not extend {@link AbstractLoss} and
   *     does not implement this method
   */
  default ReductionSums reductionSums(
      Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask) {
    throw new UnsupportedOperationException(getClass().getName()
        + " does not implement reductionSums, so it cannot be reduced in chunks; extend "
        + AbstractLoss.class.getName() + " to get it");
  }

  /**
   * Returns {@link #compute} and {@link #gradient} of the same inputs from one pass.
   */
  LossAndGradient valueAndGradient(
      Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask);

  /**
   * Returns {@link #compute} of the inputs and writes their {@link #gradient} into a buffer the
   * caller owns and may reuse, rounded to float, row-major in the shape of {@code y_pred}: for a
   * training loop that keeps one gradient array, with no gradient tensor allocated per call.
   *
   * <pre>{@code
   * float[] gradient = new float[yPred.size()];
   * Tensor value = loss.valueAndGradient(yTrue, yPred, null, null, gradient);
   * }</pre>
   *
   * <p>The default copies from {@link #valueAndGradient(Tensor, Tensor, Tensor, Tensor)};
   * {@link AbstractLoss} writes the buffer directly.
   *
   * @param gradient receives the gradient; must hold exactly {@code yPred.size()} elements and
   *     be none of the inputs' arrays (such as one shared through {@link Tensor#wrap})
   * @throws IllegalArgumentException if the inputs do not fit this loss, or the buffer is null,
   *     does not have the size of {@code y_pred} or is an input's array
   */
  default Tensor valueAndGradient(
      Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask, float[] gradient) {
    if (gradient == null || gradient.length != yPred.size()) {
      throw new IllegalArgumentException(String.format(
          "%s: gradient buffer holds %s elements, expected %d for y_pred of shape %s",
          getClass().getSimpleName(), gradient == null ? "no" : gradient.length, yPred.size(),
          Tensor.formatShape(yPred.shape())));
    }
    LossAndGradient result = valueAndGradient(yTrue, yPred, sampleWeight, mask);
    result.gradient().copyTo(gradient);
    return result.value();
  }
}
