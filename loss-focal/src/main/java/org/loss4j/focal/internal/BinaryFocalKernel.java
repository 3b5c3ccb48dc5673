package org.loss4j.focal.internal;

import org.loss4j.core.kernel.Logistic;

/**
 * The binary focal cross-entropy of one element and its derivative, for a label {@code y} and a
 * prediction {@code x}:
 *
 * <pre>{@code
 * t     = y * (1 - labelSmoothing) + 0.5 * labelSmoothing
 * p     = sigmoid(x) if fromLogits, else x          (never clipped)
 * m     = 1 - p_t = t * (1 - p) + (1 - t) * p
 * ce    = max(x, 0) - x * t + log1p(exp(-|x|))      if fromLogits (exact)
 *       = -(t * log(q) + (1 - t) * log(1 - q))      otherwise, q = clip(p, lower, upper)
 * w     = t * alpha + (1 - t) * (1 - alpha)         if balancing, else 1
 * value = w * m^gamma * ce
 * }</pre>
 *
 * <p>The cross-entropy term is computed by {@link Logistic}, the one shared with
 * BinaryCrossentropy, so that {@code gamma = 0} reproduces it exactly. Instances are immutable.
 */
public final class BinaryFocalKernel {
  private final boolean fromLogits;
  private final double gamma;
  private final boolean balancing;
  private final double alpha;
  private final double labelSmoothing;
  private final double lower;
  private final double upper;

  /**
   * Returns a kernel.
   *
   * @param fromLogits whether predictions are logits
   * @param gamma the focusing parameter, {@code >= 0}
   * @param balancing whether to weight class 1 by {@code alpha} and class 0 by
   *     {@code 1 - alpha}
   * @param alpha the weight of class 1, in {@code [0, 1]}
   * @param labelSmoothing how far labels move towards 0.5, in {@code [0, 1]}
   * @param lower the lower clipping bound of probabilities (Keras's {@code eps} in the dtype)
   * @param upper the upper clipping bound ({@code 1 - eps} in the dtype)
   */
  public BinaryFocalKernel(boolean fromLogits, double gamma, boolean balancing, double alpha,
      double labelSmoothing, double lower, double upper) {
    this.fromLogits = fromLogits;
    this.gamma = gamma;
    this.balancing = balancing;
    this.alpha = alpha;
    this.labelSmoothing = labelSmoothing;
    this.lower = lower;
    this.upper = upper;
  }

  /** Returns whether the predictions are logits. */
  public boolean fromLogits() {
    return fromLogits;
  }

  /** Returns the focusing exponent. */
  public double gamma() {
    return gamma;
  }

  /** Returns the class-balancing weight of the positive class, or NaN without balancing. */
  public double balancingAlpha() {
    return balancing ? alpha : Double.NaN;
  }

  /** Returns the label smoothing. */
  public double labelSmoothing() {
    return labelSmoothing;
  }

  /** Returns the focal cross-entropy of label {@code y} against prediction {@code x}. */
  public double value(double y, double x) {
    double t = smooth(y);
    double ce = fromLogits
        ? Logistic.crossentropyFromLogit(t, x)
        : Logistic.crossentropyFromProbability(t, x, lower, upper);
    return weight(t) * FocalFactor.value(miss(t, x), gamma) * ce;
  }

  /**
   * Returns {@code d value(y, x) / dx}, the derivative automatic differentiation of the formula
   * gives: the cross-entropy term contributes nothing where its clip is active, the focal factor
   * (unclipped) still does.
   */
  public double derivative(double y, double x) {
    double t = smooth(y);
    double ce;
    double ceSlope;
    double missSlope;
    if (fromLogits) {
      ce = Logistic.crossentropyFromLogit(t, x);
      ceSlope = Logistic.crossentropyFromLogitDerivative(t, x);
      missSlope = (1 - 2 * t) * Logistic.sigmoid(x) * Logistic.sigmoid(-x);
    } else {
      ce = Logistic.crossentropyFromProbability(t, x, lower, upper);
      ceSlope = Logistic.crossentropyFromProbabilityDerivative(t, x, lower, upper);
      missSlope = 1 - 2 * t;
    }
    double miss = miss(t, x);
    double focalTerm = FocalFactor.product(FocalFactor.derivative(miss, gamma), missSlope, ce);
    return weight(t) * (focalTerm + FocalFactor.value(miss, gamma) * ceSlope);
  }

  /**
   * Returns {@code 1 - p_t}; from logits as {@code t * sigmoid(-x) + (1 - t) * sigmoid(x)}, which
   * keeps its precision when the prediction is nearly right.
   */
  private double miss(double t, double x) {
    if (fromLogits) {
      return t * Logistic.sigmoid(-x) + (1 - t) * Logistic.sigmoid(x);
    }
    return t * (1 - x) + (1 - t) * x;
  }

  private double smooth(double y) {
    return labelSmoothing == 0 ? y : y * (1 - labelSmoothing) + 0.5 * labelSmoothing;
  }

  private double weight(double t) {
    return balancing ? t * alpha + (1 - t) * (1 - alpha) : 1.0;
  }
}
