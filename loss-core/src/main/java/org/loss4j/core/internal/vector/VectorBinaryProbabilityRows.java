package org.loss4j.core.internal.vector;

import static jdk.incubator.vector.VectorOperators.GT;
import static jdk.incubator.vector.VectorOperators.LE;
import static jdk.incubator.vector.VectorOperators.LT;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.loss4j.api.DType;
import org.loss4j.core.internal.kernel.BinaryRows;
import org.loss4j.core.kernel.Clipping;
import org.loss4j.core.kernel.FloatMath;
import org.loss4j.core.kernel.vector.RowBuffers;
import org.loss4j.core.kernel.vector.VectorMath;

/**
 * The binary cross-entropy of rows of probabilities in float32 lanes, in one pass with its
 * gradient:
 *
 * <pre>{@code
 * q    = clip(p, EPSILON, 1 - EPSILON)
 * e    = -(t * log(q) + (1 - t) * log(1 - q))
 * grad = upstream / n * (p - t) / (p * (1 - p)),  0 where the clip is active
 * }</pre>
 *
 * <p>{@code log(1 - q)} is {@code log1p(-q)} for {@code q <= 1 - sqrt(1/2)}, so that a small
 * {@code q} (down to the clip bound) keeps its digits: {@code 1 - q} would round first.
 */
final class VectorBinaryProbabilityRows extends BinaryRows {
  private static final VectorSpecies<Float> SPECIES = VectorMath.SPECIES;
  private static final float LOWER = (float) Clipping.lower(DType.FLOAT32);
  private static final float UPPER = (float) Clipping.upper(DType.FLOAT32);
  /** Up to this q, {@code log(1 - q)} is {@code log1p(-q)}: {@code 1 - sqrt(1/2)}. */
  private static final float SMALL_Q = 0.29289323f;
  private static final float LOG1P_LOWEST = -SMALL_Q;

  private final float keep;
  private final float shift;

  VectorBinaryProbabilityRows(float[] yTrue, float[] yPred, int rowLength, double smoothing) {
    super(yTrue, yPred, rowLength, false, smoothing);
    this.keep = (float) (1 - smoothing);
    this.shift = (float) (0.5 * smoothing);
  }

  @Override
  protected double row(int row, double upstream, float[] gradient) {
    int length = rowLength();
    int start = row * length;
    int bound = SPECIES.loopBound(length);
    RowBuffers buffers = RowBuffers.of(length);
    float[] logQ = buffers.first();
    float[] logComplement = buffers.second();
    float[] log1pNegative = buffers.third();
    for (int k = 0; k < bound; k += SPECIES.length()) {
      FloatVector q =
          VectorMath.clip(FloatVector.fromArray(SPECIES, yPred, start + k), LOWER, UPPER);
      q.intoArray(logQ, k);
      q.neg().add(1f).intoArray(logComplement, k);
      FloatVector negative = q.neg();
      negative.blend(LOG1P_LOWEST, negative.compare(LT, LOG1P_LOWEST))
          .intoArray(log1pNegative, k);
    }
    for (int k = bound; k < length; k++) {
      float q = FloatMath.clip(yPred[start + k], LOWER, UPPER);
      logQ[k] = q;
      logComplement[k] = 1f - q;
      log1pNegative[k] = -q < LOG1P_LOWEST ? LOG1P_LOWEST : -q;
    }
    VectorMath.log(logQ, 0, logQ, 0, length);
    VectorMath.log(logComplement, 0, logComplement, 0, length);
    VectorMath.log1pUnit(log1pNegative, 0, log1pNegative, 0, length);
    for (int k = 0; k < bound; k += SPECIES.length()) {
      FloatVector.fromArray(SPECIES, logComplement, k)
          .blend(FloatVector.fromArray(SPECIES, log1pNegative, k),
              FloatVector.fromArray(SPECIES, yPred, start + k).compare(LE, SMALL_Q))
          .intoArray(logComplement, k);
    }
    for (int k = bound; k < length; k++) {
      if (yPred[start + k] <= SMALL_Q) {
        logComplement[k] = log1pNegative[k];
      }
    }
    float scale = (float) (upstream / length);
    FloatVector sum = FloatVector.zero(SPECIES);
    for (int k = 0; k < bound; k += SPECIES.length()) {
      int i = start + k;
      FloatVector t = FloatVector.fromArray(SPECIES, yTrue, i).fma(keep, shift);
      FloatVector logs = t.mul(FloatVector.fromArray(SPECIES, logQ, k))
          .add(t.neg().add(1f).mul(FloatVector.fromArray(SPECIES, logComplement, k)));
      sum = sum.sub(logs);
      if (gradient != null) {
        FloatVector p = FloatVector.fromArray(SPECIES, yPred, i);
        FloatVector slope = p.sub(t).div(p.mul(p.neg().add(1f))).mul(scale);
        slope.blend(0f, p.compare(LT, LOWER).or(p.compare(GT, UPPER))).intoArray(gradient, i);
      }
    }
    sum.intoArray(buffers.lanes(), 0);
    double total = VectorMath.sumInOrder(buffers.lanes());
    for (int k = bound; k < length; k++) {
      int i = start + k;
      float t = Math.fma(yTrue[i], keep, shift);
      total -= t * logQ[k] + (1f - t) * logComplement[k];
      if (gradient != null) {
        float p = yPred[i];
        boolean clipped = p < LOWER || p > UPPER;
        gradient[i] = clipped ? 0f : (p - t) / (p * (1f - p)) * scale;
      }
    }
    double mean = total / length;
    return Double.isFinite(mean) ? mean : super.row(row, upstream, gradient);
  }

  @Override
  public String toString() {
    return "vector BinaryCrossentropy rows from probabilities (" + VectorSelfCheck.describe()
        + ")";
  }
}
