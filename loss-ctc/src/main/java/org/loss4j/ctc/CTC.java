package org.loss4j.ctc;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;
import org.loss4j.api.AbstractLoss;
import org.loss4j.api.DType;
import org.loss4j.api.LossBuilder;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Operands;
import org.loss4j.api.SampleKernel;
import org.loss4j.ctc.internal.CtcBatch;
import org.loss4j.ctc.internal.CtcSequences;

/**
 * Computes the connectionist temporal classification (CTC) loss: the negative log-likelihood of
 * a label sequence summed over all its alignments with the frames of a sequence of logits.
 *
 * <pre>{@code
 * loss_b = -log sum_{a in B^-1(l_b)} prod_t softmax(y_pred[b, t])[a_t]
 * }</pre>
 *
 * <p>where {@code B} maps an alignment (one class per frame) to a label sequence by merging
 * repeated classes and then removing blanks. {@code y_true} has shape
 * {@code [batch, max_label_length]} and holds integer labels right-padded with 0; {@code y_pred}
 * has shape {@code [batch, time, classes]} and holds logits, normalised here with a log-softmax
 * over the classes. By default, as in Keras, class 0 is the blank, each label sequence ends at
 * its first 0 and every sample uses all {@code time} frames. The per-sample loss has shape
 * {@code [batch]}; the reduction then applies as for every loss.
 *
 * <p>Keras's op-level example, with explicit label and logit lengths:
 *
 * <pre>{@code
 * Tensor labels = Tensor.of(new int[][] {{1, 2, 1}, {1, 2, 2}});
 * Tensor logits = Tensor.of(new float[][][] {
 *     {{0.4f, 0.8f, 0.4f}, {0.2f, 0.8f, 0.3f}, {0.9f, 0.4f, 0.5f}},
 *     {{0.4f, 0.8f, 0.4f}, {0.2f, 0.3f, 0.3f}, {0.4f, 0.3f, 0.2f}}});
 * CTC ctc = CTC.builder().reduction(Reduction.NONE).build();
 * ctc.withLengths(new int[] {3, 2}, new int[] {3, 2}).compute(labels, logits);
 * // [3.4411672, 1.9168019]
 * }</pre>
 *
 * <p>The recursion runs in double whatever the dtype, with work and memory proportional to
 * {@code time * (2 * label_length + 1)} per sample (see {@link #withLengths}): in linear space,
 * each frame rescaled by a power of two, over the states that can lie on a complete alignment,
 * with the softmax of each frame computed once; a sequence whose probabilities fall outside the
 * range of that recursion (very peaked logits, for instance) is recomputed in log space, so that
 * its result is the same to rounding. In float32, sequences run in parallel blocks on the
 * caller's fork-join pool, with the same bits whatever the number of threads. Special cases:
 *
 * <ul>
 *   <li>An empty label costs {@code -sum_t log softmax(y_pred[b, t])[blank]}.
 *   <li>A label needs one frame per label plus one per pair of equal neighbours ({@code [1, 1]}
 *       needs 3 frames). A label that does not fit costs {@code +inf}, or 0 with
 *       {@code zero_infinity}; so does a label whose every alignment has probability 0.
 *   <li>The loss is never negative, and the gradient of every frame sums to 0 over the classes.
 *   <li>NaN in {@code y_pred} gives NaN for its sample.
 * </ul>
 *
 * <h2>Explicit lengths</h2>
 *
 * <p>{@link org.loss4j.api.Loss#compute} has no place for lengths, so {@link #withLengths}
 * returns a copy of this loss bound to the label and logit lengths of one batch. With explicit
 * label lengths, 0 may be a label (when it is not the blank) and the entries after a sample's
 * length are ignored; with explicit logit lengths, the frames after a sample's length are ignored
 * and get a zero gradient. The lengths are data, not configuration: {@link #config()} does not
 * hold them.
 *
 * <h2>Gradient</h2>
 *
 * <p>The gradient with respect to the logits comes from the same recursion:
 * {@code softmax_t(k) - occupancy_t(k)}, where {@code occupancy_t(k)} is the posterior
 * probability that frame {@code t} emits class {@code k}. The gradient of an infeasible sample is
 * NaN in the frames it uses (a loss of {@code +inf} has no useful derivative), and 0 with
 * {@code zero_infinity} or when its weight is 0.
 *
 * <h2>Differences from Keras</h2>
 *
 * <ul>
 *   <li>An infeasible label costs {@code +inf} (as TF and torch), not about {@code 1e5} (the
 *       numpy and jax backends).
 *   <li>A 0 followed by a non-zero label is refused when lengths come from the padding; Keras
 *       counts the non-zeros and reads that many leading entries, scoring the blank as a label.
 *   <li>Labels that are negative, fractional, not below the class count or equal to the blank
 *       are refused; Keras's result depends on the backend.
 *   <li>{@code blank_index}, {@code zero_infinity} and explicit lengths are extensions; their
 *       defaults give Keras's behaviour.
 * </ul>
 */
public final class CTC extends AbstractLoss {
  /** The registry name and default {@code name}. */
  public static final String NAME = "ctc";

  private final int blankIndex;
  private final boolean zeroInfinity;
  private final int[] labelLengths;
  private final int[] logitLengths;

  private CTC(Builder builder, int[] labelLengths, int[] logitLengths) {
    super(NAME, builder);
    this.blankIndex = builder.blankIndex;
    this.zeroInfinity = builder.zeroInfinity;
    this.labelLengths = labelLengths;
    this.logitLengths = logitLengths;
  }

  /** Returns a builder with Keras's defaults: blank 0, no zero_infinity, sum_over_batch_size. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the blank class ({@code blank_index}); 0 by default, as in Keras. */
  public int blankIndex() {
    return blankIndex;
  }

  /** Returns whether an infeasible sample costs 0 with a zero gradient instead of {@code +inf}. */
  public boolean zeroInfinity() {
    return zeroInfinity;
  }

  /**
   * Returns this loss bound to explicit lengths for one batch; its {@code perSample},
   * {@code compute} and {@code gradient} then score only the first {@code labelLengths[b]}
   * entries of row {@code b} of {@code y_true} against the first {@code logitLengths[b]} frames
   * of {@code y_pred}.
   *
   * @param labelLengths one length per sample, each in {@code 0..max_label_length}; null to take
   *     each row up to its first 0, as Keras does
   * @param logitLengths one frame count per sample, each in {@code 0..time}; null to use every
   *     frame, as Keras does
   * @throws IllegalArgumentException if a length is negative; lengths that exceed the arrays or
   *     do not match the batch size are refused when the loss is evaluated
   */
  public CTC withLengths(int[] labelLengths, int[] logitLengths) {
    return new CTC(toBuilder(), checkLengths("label_lengths", labelLengths),
        checkLengths("logit_lengths", logitLengths));
  }

  private static int[] checkLengths(String argument, int[] lengths) {
    if (lengths == null) {
      return null;
    }
    for (int b = 0; b < lengths.length; b++) {
      checkArgument(lengths[b] >= 0, "CTC: %s[%s] = %s, expected a length >= 0", argument, b,
          lengths[b]);
    }
    return lengths.clone();
  }

  /** Returns a builder holding this loss's configuration (without bound lengths). */
  public Builder toBuilder() {
    return new Builder()
        .blankIndex(blankIndex)
        .zeroInfinity(zeroInfinity)
        .reduction(reductionArgument())
        .name(name())
        .dtype(dtype());
  }

  /**
   * Returns {@code blank_index}, {@code zero_infinity}, {@code reduction}, {@code name} and
   * {@code dtype}.
   */
  @Override
  public LossConfig config() {
    LossConfig.Builder config = LossConfig.builder(NAME)
        .put(CTCProvider.BLANK_INDEX, blankIndex)
        .put(CTCProvider.ZERO_INFINITY, zeroInfinity);
    return putCommonArguments(config).build();
  }

  @Override
  protected int[] perSampleShape(Operands operands) {
    return new int[] {batch(operands).batch()};
  }

  @Override
  protected void forward(Operands operands, double[] perSample) {
    sequences(operands).evaluateDoubles(0, perSample.length, perSample, null, null);
  }

  @Override
  protected void backward(Operands operands, double[] upstream, double[] gradient) {
    double[] perSample = new double[upstream.length];
    sequences(operands).evaluateDoubles(0, perSample.length, perSample, upstream, gradient);
  }

  /** Computes the softmax, alpha and beta once per sequence for the value and the gradient. */
  @Override
  protected void forwardAndBackward(
      Operands operands, double[] upstream, double[] perSample, double[] gradient) {
    sequences(operands).evaluateDoubles(0, perSample.length, perSample, upstream, gradient);
  }

  /**
   * Returns the float32 kernel: the same recursion as the float64 path, read from the float
   * logits without a copy, one sequence per per-sample element; the gradient is rounded to float.
   */
  @Override
  protected SampleKernel sampleKernel(Operands operands) {
    return CtcSequences.ofFloats(batch(operands), operands.yPredFloats(), zeroInfinity);
  }

  private CtcSequences sequences(Operands operands) {
    return CtcSequences.ofDoubles(batch(operands), operands.yPred(), zeroInfinity);
  }

  private CtcBatch batch(Operands operands) {
    return CtcBatch.of(displayName(), operands.yTrue(), operands.yTrueShape(),
        operands.yPredShape(), blankIndex, labelLengths, logitLengths);
  }

  /** Returns whether {@code other} is a CTC with the same configuration and bound lengths. */
  @Override
  public boolean equals(Object other) {
    return super.equals(other) && Arrays.equals(labelLengths, ((CTC) other).labelLengths)
        && Arrays.equals(logitLengths, ((CTC) other).logitLengths);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * super.hashCode() + Arrays.hashCode(labelLengths))
        + Arrays.hashCode(logitLengths);
  }

  /**
   * Collects the configuration of a {@link CTC}; {@code blank_index} and a {@link DType} are
   * checked as they are set, reduction and dtype strings when the loss is built. Defaults:
   * {@code blank_index = 0}, {@code zero_infinity = false},
   * {@code reduction = sum_over_batch_size}, {@code name = "ctc"}, {@code dtype = float32}.
   */
  public static final class Builder extends LossBuilder<CTC, Builder> {
    private int blankIndex = 0;
    private boolean zeroInfinity = false;

    private Builder() {}

    /**
     * Sets the blank class; it must be below the class count of {@code y_pred}, which is checked
     * when the loss is evaluated.
     *
     * @param blankIndex a class index {@code >= 0}
     * @throws IllegalArgumentException if {@code blankIndex < 0}
     */
    public Builder blankIndex(int blankIndex) {
      checkArgument(blankIndex >= 0, "CTC: blank_index must be >= 0, got %s", blankIndex);
      this.blankIndex = blankIndex;
      return this;
    }

    /** Sets whether an infeasible sample costs 0, with a zero gradient, instead of +inf. */
    public Builder zeroInfinity(boolean zeroInfinity) {
      this.zeroInfinity = zeroInfinity;
      return this;
    }

    /**
     * Sets the compute type; null means float32. Unlike the shared setter, it refuses an integer
     * type at once, as this builder always has.
     *
     * @throws IllegalArgumentException if {@code dtype} is not float32 or float64
     */
    @Override
    public Builder dtype(DType dtype) {
      checkArgument(dtype == null || dtype.isFloating(),
          "CTC: dtype must be one of [float32, float64], got %s",
          dtype == null ? null : dtype.kerasName());
      return super.dtype(dtype);
    }

    /**
     * Returns the loss.
     *
     * @throws IllegalArgumentException if the reduction or dtype string names nothing known
     */
    @Override
    public CTC build() {
      return new CTC(this, null, null);
    }
  }
}
