package org.loss4j.api;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import org.loss4j.api.internal.ExactSum;

/**
 * The sums a {@link Reduction} needs from the per-sample losses of a batch or of a part of one,
 * which add up across parts: what lets a batch too large for memory be reduced in chunks.
 *
 * <p>With per-sample losses {@code l} (rounded to the loss dtype), weights {@code w} (1 when none
 * are given; rounded to the loss dtype) and the 0/1 mask {@code m} (1 when none is given and the
 * loss counts every element), over the {@code n} elements of the per-sample loss:
 *
 * <pre>{@code
 * weightedLossSum = sum(l * w * m)     (a zero weight w * m silences an infinite l; NaN stays)
 * weightSum       = sum(w * m)
 * countedElements = sum(m)
 * elements        = n
 * }</pre>
 *
 * <p>{@link #reduce} divides {@code weightedLossSum} by {@link #divisor}: 1 for {@code sum},
 * {@code countedElements} for {@code sum_over_batch_size} and {@code mean}, {@code weightSum} for
 * {@code mean_with_sample_weight}. A zero divisor gives 0.
 *
 * <h2>Reducing in chunks</h2>
 *
 * Split a batch along axis 0 into chunks {@code B_1 ... B_k}, each with its rows of
 * {@code y_true}, {@code y_pred}, the weights and the mask (a weight or mask without a batch axis,
 * such as a scalar, goes whole to every chunk). Then
 *
 * <pre>{@code
 * S = loss.reductionSums(B_1).plus(loss.reductionSums(B_2)) ... .plus(loss.reductionSums(B_k))
 * S.reduce(r, loss.dtype()) == loss-with-reduction-r.compute(whole batch)
 * }</pre>
 *
 * <p>bit for bit, in any grouping and order: the two sums are kept exactly and rounded once, when
 * read. Empty and all-masked chunks contribute nothing. The gradient of the reduced value with
 * respect to the {@code y_pred} rows of chunk {@code B_j} is that chunk's gradient under reduction
 * {@code sum} with upstream {@code 1 / S.divisor(r)} ({@link #sumUpstream}), because
 * {@code d(L / D) / dl_i = w_i * m_i / D} and the divisor {@code D} does not depend on
 * {@code y_pred}:
 *
 * <pre>{@code
 * Loss summing = registry.create(loss.config().with("reduction", "sum"));
 * Tensor gradientOfChunk = summing.gradient(yTrue_j, yPred_j, weight_j, mask_j, S.sumUpstream(r));
 * }</pre>
 *
 * <p>Instances are immutable.
 */
public final class ReductionSums {
  private static final ReductionSums EMPTY =
      new ReductionSums(new ExactSum(), new ExactSum(), 0, 0);

  private final ExactSum weightedLossSum;
  private final ExactSum weightSum;
  private final long countedElements;
  private final long elements;

  private ReductionSums(
      ExactSum weightedLossSum, ExactSum weightSum, long countedElements, long elements) {
    this.weightedLossSum = weightedLossSum;
    this.weightSum = weightSum;
    this.countedElements = countedElements;
    this.elements = elements;
  }

  /** Returns the sums of no elements, the identity of {@link #plus}. */
  public static ReductionSums empty() {
    return EMPTY;
  }

  /**
   * Returns sums given directly, for a loss that does not extend {@link AbstractLoss} and
   * computes them itself by the formulas above.
   *
   * @param weightedLossSum {@code sum(l * w * m)}, any double
   * @param weightSum {@code sum(w * m)}, any double
   * @param countedElements {@code sum(m)}, in {@code 0..elements}
   * @param elements the number of per-sample elements, {@code >= 0}
   * @throws IllegalArgumentException if a count is out of range
   */
  public static ReductionSums of(
      double weightedLossSum, double weightSum, long countedElements, long elements) {
    checkArgument(elements >= 0, "elements must be >= 0, got %s", elements);
    checkArgument(countedElements >= 0 && countedElements <= elements,
        "countedElements must be in 0..%s, got %s", elements, countedElements);
    ExactSum losses = new ExactSum();
    losses.add(weightedLossSum);
    ExactSum weights = new ExactSum();
    weights.add(weightSum);
    return new ReductionSums(losses, weights, countedElements, elements);
  }

  /**
   * Returns the sums of per-sample losses already weighted and aligned, the arithmetic
   * {@link AbstractLoss} reduces with.
   *
   * @param perSample the per-sample losses rounded to the loss dtype, or null when only the
   *     divisors are wanted (the weighted loss sum is then 0)
   * @param weights the weights aligned with the per-sample shape, or null for ones
   * @param mask the 0/1 mask aligned with it, or null for ones
   * @param elements the number of per-sample elements
   */
  static ReductionSums accumulate(
      double[] perSample, double[] weights, double[] mask, int elements) {
    ExactSum losses = new ExactSum();
    ExactSum weightTotal = new ExactSum();
    if (weights == null && mask == null) {
      // Every w * m is 1: the weight sum is the element count, exact in double below 2^53.
      if (perSample != null) {
        for (int i = 0; i < elements; i++) {
          losses.add(perSample[i]);
        }
      }
      weightTotal.add(elements);
      return new ReductionSums(losses, weightTotal, elements, elements);
    }
    long counted = 0;
    for (int i = 0; i < elements; i++) {
      double weight = weights == null ? 1.0 : weights[i];
      boolean counts = mask == null || mask[i] != 0;
      if (mask != null) {
        weight *= mask[i];
      }
      if (perSample != null) {
        losses.add(weighted(perSample[i], weight));
      }
      weightTotal.add(weight);
      counted += counts ? 1 : 0;
    }
    return new ReductionSums(losses, weightTotal, counted, elements);
  }

  /**
   * Returns {@code value * weight}, except that a zero weight silences an infinite value (a
   * masked-out infeasible sample counts 0); NaN still propagates.
   */
  static double weighted(double value, double weight) {
    return weight == 0 && !Double.isNaN(value) ? 0.0 : value * weight;
  }

  /**
   * Returns the sums of this part and another part of one batch: each sum and count added, the
   * sums exactly.
   *
   * @param other the sums of another part; never null
   */
  public ReductionSums plus(ReductionSums other) {
    checkNotNull(other, "other");
    ExactSum losses = weightedLossSum.copy();
    losses.addAll(other.weightedLossSum);
    ExactSum weights = weightSum.copy();
    weights.addAll(other.weightSum);
    return new ReductionSums(losses, weights, countedElements + other.countedElements,
        elements + other.elements);
  }

  /** Returns {@code sum(l * w * m)}, the exact sum rounded to the nearest double. */
  public double weightedLossSum() {
    return weightedLossSum.value();
  }

  /** Returns {@code sum(w * m)}, the exact sum rounded to the nearest double. */
  public double weightSum() {
    return weightSum.value();
  }

  /** Returns {@code sum(m)}: the elements that count (neither masked nor ignored). */
  public long countedElements() {
    return countedElements;
  }

  /** Returns {@code n}: the number of per-sample elements, counted or not. */
  public long elements() {
    return elements;
  }

  /**
   * Returns what {@code reduction} divides {@link #weightedLossSum()} by: 1 for {@code sum},
   * {@link #countedElements()} for {@code sum_over_batch_size} and {@code mean},
   * {@link #weightSum()} for {@code mean_with_sample_weight}. It may be 0 (see {@link #reduce}).
   *
   * @param reduction a reducing reduction; never null
   * @throws IllegalArgumentException for {@link Reduction#NONE}, which keeps the per-sample
   *     losses and has no divisor
   */
  public double divisor(Reduction reduction) {
    checkReducing(reduction);
    switch (reduction) {
      case SUM_OVER_BATCH_SIZE:
      case MEAN:
        return countedElements;
      case MEAN_WITH_SAMPLE_WEIGHT:
        return weightSum.value();
      default:
        return 1.0;
    }
  }

  /**
   * Returns the reduced loss as a scalar of {@code dtype}:
   * {@code weightedLossSum / divisor(reduction)}, or 0 when the divisor is 0 (an empty batch,
   * all-zero weights, everything masked). The quotient is computed in double and rounded to
   * {@code dtype} once.
   *
   * @param reduction a reducing reduction; never null
   * @param dtype the loss dtype; never null
   * @throws IllegalArgumentException for {@link Reduction#NONE}
   */
  public Tensor reduce(Reduction reduction, DType dtype) {
    checkNotNull(dtype, "dtype");
    double divisor = divisor(reduction);
    double reduced = divisor == 0 ? 0.0 : weightedLossSum.value() / divisor;
    return Tensor.fromDoubles(new double[] {reduced}, new int[0], dtype);
  }

  /**
   * Returns the upstream gradient that turns a part's gradient under reduction {@code sum} into
   * its share of the gradient of {@link #reduce reduce(reduction, dtype)}: the float64 scalar
   * {@code 1 / divisor(reduction)}, or 0 when the divisor is 0.
   *
   * @param reduction a reducing reduction; never null
   * @throws IllegalArgumentException for {@link Reduction#NONE}
   */
  public Tensor sumUpstream(Reduction reduction) {
    double divisor = divisor(reduction);
    return Tensor.fromDoubles(
        new double[] {divisor == 0 ? 0.0 : 1.0 / divisor}, new int[0], DType.FLOAT64);
  }

  /** Returns the scale {@code upstream / divisor(reduction)}, 0 for a zero divisor. */
  double scale(Reduction reduction, double upstream) {
    double divisor = divisor(reduction);
    return divisor == 0 ? 0.0 : upstream / divisor;
  }

  private static void checkReducing(Reduction reduction) {
    checkNotNull(reduction, "reduction");
    checkArgument(reduction.reduces(),
        "reduction none keeps the per-sample losses and has no divisor, expected one of "
            + "[sum, sum_over_batch_size, mean, mean_with_sample_weight]");
  }

  /** Returns whether {@code other} reports the same four quantities. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ReductionSums)) {
      return false;
    }
    ReductionSums that = (ReductionSums) other;
    return Double.compare(weightedLossSum(), that.weightedLossSum()) == 0
        && Double.compare(weightSum(), that.weightSum()) == 0
        && countedElements == that.countedElements && elements == that.elements;
  }

  @Override
  public int hashCode() {
    int hash = Double.hashCode(weightedLossSum());
    hash = 31 * hash + Double.hashCode(weightSum());
    hash = 31 * hash + Long.hashCode(countedElements);
    return 31 * hash + Long.hashCode(elements);
  }

  /** Returns the four quantities. */
  @Override
  public String toString() {
    return "ReductionSums(weightedLossSum=" + weightedLossSum() + ", weightSum=" + weightSum()
        + ", countedElements=" + countedElements + ", elements=" + elements + ")";
  }
}
