package org.loss4j.core.internal.kernel;

import org.loss4j.api.DType;
import org.loss4j.core.kernel.Clipping;
import org.loss4j.core.kernel.FloatMath;

/**
 * The binary cross-entropy of rows in float32 arithmetic on the scalar path, by the formulas of
 * the vector kernels and {@link FloatMath}; a row whose result is not finite falls back to the
 * double formulas of {@link BinaryRows}.
 *
 * <pre>{@code
 * from logits:         z = exp(-|x|),  q = z / (1 + z)
 *                      e = (x >= 0 ? x (1 - t) : -x t) + log1p(z)
 *                      grad = upstream / n * (x >= 0 ? (1 - t) - q : q - t)
 * from probabilities:  q = clip(p), e = -(t log(q) + (1 - t) log(1 - q))
 *                      grad = upstream / n * (p - t) / (p (1 - p)), 0 where clipped
 * }</pre>
 *
 * <p>From logits these are {@code max(x, 0) - x t + log1p(z)} and {@code sigmoid(x) - t},
 * arranged so that a confident prediction of its own label does not cancel in float. Whether
 * {@code x < 0} picks the form by {@link FloatMath#selectIfNegative}, not by a jump, which
 * random signs would mispredict half the time.
 */
public final class FloatBinaryRows extends BinaryRows {
  private static final float LOWER = (float) Clipping.lower(DType.FLOAT32);
  private static final float UPPER = (float) Clipping.upper(DType.FLOAT32);
  /** Up to this q, {@code log(1 - q)} is {@code log1p(-q)}: {@code 1 - sqrt(1/2)}. */
  private static final float SMALL_Q = 0.29289323f;

  private final boolean fromLogits;
  private final float keep;
  private final float shift;

  /** Creates the kernel; {@code smoothing} is the validated label smoothing. */
  public FloatBinaryRows(float[] yTrue, float[] yPred, int rowLength, boolean fromLogits,
      double smoothing) {
    super(yTrue, yPred, rowLength, fromLogits, smoothing);
    this.fromLogits = fromLogits;
    this.keep = (float) (1 - smoothing);
    this.shift = (float) (0.5 * smoothing);
  }

  @Override
  protected double row(int row, double upstream, float[] gradient) {
    int length = rowLength();
    int start = row * length;
    float scale = (float) (upstream / length);
    double total = 0;
    for (int i = start; i < start + length; i++) {
      float t = Math.fma(yTrue[i], keep, shift);
      total += fromLogits ? fromLogit(i, t, scale, gradient)
          : fromProbability(i, t, scale, gradient);
    }
    double mean = total / length;
    return Double.isFinite(mean) ? mean : super.row(row, upstream, gradient);
  }

  private float fromLogit(int i, float t, float scale, float[] gradient) {
    float x = yPred[i];
    float z = FloatMath.expNonPositive(-Math.abs(x));
    if (gradient != null) {
      float q = z / (z + 1f);
      gradient[i] = FloatMath.selectIfNegative(x, q - t, (1f - t) - q) * scale;
    }
    return FloatMath.selectIfNegative(x, -x * t, x * (1f - t)) + FloatMath.log1pUnit(z);
  }

  private float fromProbability(int i, float t, float scale, float[] gradient) {
    float p = yPred[i];
    float q = FloatMath.clip(p, LOWER, UPPER);
    float negativeQ = -q < -SMALL_Q ? -SMALL_Q : -q;
    float logComplement = p <= SMALL_Q ? FloatMath.log1pUnit(negativeQ)
        : FloatMath.log(1f - q);
    if (gradient != null) {
      boolean clipped = p < LOWER || p > UPPER;
      gradient[i] = clipped ? 0f : (p - t) / (p * (1f - p)) * scale;
    }
    return -(t * FloatMath.log(q) + (1f - t) * logComplement);
  }

  @Override
  public String toString() {
    return "float32 scalar BinaryCrossentropy rows from "
        + (fromLogits ? "logits" : "probabilities");
  }
}
