package org.loss4j.focal.internal;

import org.loss4j.core.kernel.FloatMath;

/**
 * The binary focal cross-entropy of rows of logits in float32 arithmetic on the scalar path, by
 * the formulas of {@code VectorBinaryFocalRows} one element at a time, with
 * {@code z = exp(-|x|)} and {@code s = sigmoid(x)}:
 *
 * <pre>{@code
 * ce    = max(x, 0) - x t + log1p(z),   miss = t (1 - s) + (1 - t) s
 * loss  = w miss^gamma ce
 * dloss = w (gamma miss^(gamma - 1) (1 - 2t) s (1 - s) ce + miss^gamma (s - t))
 * }</pre>
 *
 * <p>{@code ce} and {@code s - t} are taken as {@code x (1 - t)} (or {@code -x t}) plus
 * {@code log1p(z)}, and {@code (1 - t) - (1 - s)} for {@code x >= 0}, so that a confident
 * prediction of its own label does not cancel in float. A row whose result is not finite falls
 * back to the double formulas of {@link BinaryFocalRows}.
 */
public class FloatBinaryFocalRows extends BinaryFocalRows {
  private final float gamma;
  private final boolean balancing;
  private final float alpha;
  private final float keep;
  private final float shift;

  /** Creates the kernel for a loss from logits. */
  public FloatBinaryFocalRows(
      BinaryFocalKernel kernel, float[] yTrue, float[] yPred, int rowLength) {
    super(kernel, yTrue, yPred, rowLength);
    this.gamma = (float) kernel.gamma();
    this.balancing = !Double.isNaN(kernel.balancingAlpha());
    this.alpha = (float) kernel.balancingAlpha();
    this.keep = (float) (1 - kernel.labelSmoothing());
    this.shift = (float) (0.5 * kernel.labelSmoothing());
  }

  @Override
  protected double row(int row, double upstream, float[] gradient) {
    int length = rowLength();
    int start = row * length;
    float scale = (float) (upstream / length);
    double total = 0;
    for (int i = start; i < start + length; i++) {
      total += element(i, scale, gradient);
    }
    double mean = total / length;
    return Double.isFinite(mean) ? mean : super.row(row, upstream, gradient);
  }

  /** Returns the loss of element {@code i} and writes its gradient unless null. */
  protected final float element(int i, float scale, float[] gradient) {
    float x = yPred[i];
    float t = Math.fma(yTrue[i], keep, shift);
    float z = FloatMath.expNonPositive(-Math.abs(x));
    float ce = FloatMath.selectIfNegative(x, -x * t, x * (1f - t)) + FloatMath.log1pUnit(z);
    float sigmoid = FloatMath.selectIfNegative(x, z, 1f) / (z + 1f);
    float complement = FloatMath.selectIfNegative(x, 1f, z) / (z + 1f);
    float sigmoidMinusT = FloatMath.selectIfNegative(x, sigmoid - t, (1f - t) - complement);
    float miss = t * complement + (1f - t) * sigmoid;
    float power = gamma == 0f ? 1f : gamma == 1f ? miss : gamma == 2f ? miss * miss
        : FloatMath.expNonPositive(FloatMath.log(miss) * gamma);
    float weight = balancing ? t * (2 * alpha - 1) + (1 - alpha) : 1f;
    if (gradient != null) {
      float missSlope = (t * -2f + 1f) * sigmoid * complement;
      float powerSlope = gamma == 0f ? 0f : gamma == 1f ? 1f : gamma == 2f ? miss + miss
          : power * gamma / miss;
      gradient[i] = weight * (powerSlope * missSlope * ce + power * sigmoidMinusT) * scale;
    }
    return weight * power * ce;
  }

  @Override
  public String toString() {
    return "float32 scalar BinaryFocalCrossentropy rows from logits";
  }
}
