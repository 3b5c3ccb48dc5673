package org.loss4j.focal.internal;

import org.loss4j.core.kernel.Clipping;
import org.loss4j.core.kernel.Renormalization;
import org.loss4j.core.kernel.Softmax;

/**
 * The categorical focal cross-entropy of one lane (the {@code C} classes of one sample, copied
 * into contiguous arrays) and its gradient, as Keras 3 computes it:
 *
 * <pre>{@code
 * t_k   = y_k * (1 - labelSmoothing) + labelSmoothing / C
 * q     = softmax(x) if fromLogits, else x
 * o_k   = q_k / sum_j q_j                           (renormalised)
 * c_k   = clip(o_k, lower, upper)
 * value = sum_k alpha_k * (1 - c_k)^gamma * (-t_k * log(c_k))
 * }</pre>
 *
 * <p>The softmax and the renormalisation, and their vector-Jacobian products, are loss-core's
 * {@link Softmax} and {@link Renormalization}. Instances are immutable; the scratch arrays of one
 * evaluation live in a {@link Workspace}.
 */
public final class CategoricalFocalKernel {
  private final boolean fromLogits;
  private final double gamma;
  private final double labelSmoothing;
  private final double lower;
  private final double upper;

  /**
   * Returns a kernel.
   *
   * @param fromLogits whether predictions are logits
   * @param gamma the focusing parameter, {@code >= 0}
   * @param labelSmoothing how far labels move towards {@code 1 / C}, in {@code [0, 1]}
   * @param lower the lower clipping bound ({@code eps} in the dtype)
   * @param upper the upper clipping bound ({@code 1 - eps} in the dtype)
   */
  public CategoricalFocalKernel(boolean fromLogits, double gamma, double labelSmoothing,
      double lower, double upper) {
    this.fromLogits = fromLogits;
    this.gamma = gamma;
    this.labelSmoothing = labelSmoothing;
    this.lower = lower;
    this.upper = upper;
  }

  /** Scratch arrays for lanes of one length; one per evaluation, never shared by threads. */
  public static final class Workspace {
    private final double[] targets;
    private final double[] distribution;
    private final double[] normalised;
    private final double[] slopes;
    private final double[] distributionSlopes;
    private double sum;

    /** Returns a workspace for lanes of {@code classes} elements. */
    public Workspace(int classes) {
      targets = new double[classes];
      distribution = new double[classes];
      normalised = new double[classes];
      slopes = new double[classes];
      distributionSlopes = new double[classes];
    }
  }

  /**
   * Returns the loss of one lane.
   *
   * @param y the labels of the lane, length {@code C}
   * @param x the predictions (probabilities or logits) of the lane, length {@code C}
   * @param alpha the class weights, length {@code C}
   */
  public double value(double[] y, double[] x, double[] alpha, Workspace work) {
    prepare(y, x, work);
    double total = 0;
    for (int k = 0; k < y.length; k++) {
      double clipped = Clipping.clip(work.normalised[k], lower, upper);
      double ce = -work.targets[k] * Math.log(clipped);
      total += alpha[k] * FocalFactor.value(1 - clipped, gamma) * ce;
    }
    return total;
  }

  /**
   * Writes {@code upstream * d value / dx_j} into {@code gradient[j]} for every class {@code j}:
   * the derivative automatic differentiation of the formula gives, zero through a class whose
   * clip is active.
   */
  public void gradient(double[] y, double[] x, double[] alpha, double upstream,
      double[] gradient, Workspace work) {
    prepare(y, x, work);
    int classes = y.length;
    for (int k = 0; k < classes; k++) {
      work.slopes[k] = upstream * classSlope(work.targets[k], work.normalised[k], alpha[k]);
    }

    double[] throughRenormalisation = fromLogits ? work.distributionSlopes : gradient;
    Renormalization.backward(work.normalised, work.sum, work.slopes, 0, 1, classes,
        throughRenormalisation);
    if (fromLogits) {
      Softmax.backward(work.distribution, throughRenormalisation, 0, 1, classes, gradient);
    }
  }

  /**
   * Returns {@code d/do} of {@code alpha * (1 - c)^gamma * (-t * log(c))}, {@code c = clip(o)}: 0
   * where the clip is active.
   */
  private double classSlope(double t, double o, double alpha) {
    if (Double.isNaN(o)) {
      return Double.NaN;
    }
    if (!Clipping.passesGradient(o, lower, upper)) {
      return 0.0;
    }
    double ce = -t * Math.log(o);
    double focal = FocalFactor.value(1 - o, gamma);
    double focalSlope = -FocalFactor.derivative(1 - o, gamma);
    return alpha * (focalSlope * ce + focal * (-t / o));
  }

  /** Fills the smoothed targets, the distribution, its renormalisation and its sum. */
  private void prepare(double[] y, double[] x, Workspace work) {
    int classes = y.length;
    for (int k = 0; k < classes; k++) {
      work.targets[k] = labelSmoothing == 0 ? y[k]
          : y[k] * (1 - labelSmoothing) + labelSmoothing / classes;
    }
    if (fromLogits) {
      Softmax.apply(x, 0, 1, classes, work.distribution);
    } else {
      System.arraycopy(x, 0, work.distribution, 0, classes);
    }
    work.sum = Renormalization.apply(work.distribution, 0, 1, classes, work.normalised);
  }
}
