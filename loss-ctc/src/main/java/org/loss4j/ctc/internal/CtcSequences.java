package org.loss4j.ctc.internal;

import java.util.Arrays;
import org.loss4j.api.SampleKernel;

/**
 * Evaluates the CTC loss and its gradient sequence by sequence: the softmax of every used frame
 * once ({@link FrameSoftmax}), then alpha once and beta once in scaled linear space
 * ({@link ScaledRecursion}), falling back to the log-space recursion ({@link LogSpaceSequence})
 * for the sequences the scaled one cannot resolve.
 *
 * <p>Per sequence {@code b}, with {@code u = upstream[b]}:
 *
 * <ul>
 *   <li>{@code values[b] = -log P(label_b)}; {@code +inf} when the label does not fit its frames
 *       or every alignment has probability 0, then 0 with {@code zero_infinity}; NaN from NaN.
 *   <li>{@code gradient} (when {@code upstream} is not null) gets
 *       {@code u * d values[b] / d logits} in the sequence's used frames and 0 in the frames after
 *       its logit length. An infeasible sequence gets NaN in its used frames, unless {@code u} is
 *       0 or {@code zero_infinity} holds; then it gets 0, as does any sequence with {@code u = 0}.
 * </ul>
 *
 * <p>Each sequence reads only its own logits and writes only its own outputs, with scratch space
 * local to the call, so disjoint ranges may run on several threads with the same results as one.
 */
public final class CtcSequences implements SampleKernel {
  private final CtcBatch batch;
  private final float[] floats;
  private final double[] doubles;
  private final boolean zeroInfinity;

  private CtcSequences(CtcBatch batch, float[] floats, double[] doubles, boolean zeroInfinity) {
    this.batch = batch;
    this.floats = floats;
    this.doubles = doubles;
    this.zeroInfinity = zeroInfinity;
  }

  /** Returns the sequences of {@code batch} over float32 logits {@code [batch, time, classes]}. */
  public static CtcSequences ofFloats(CtcBatch batch, float[] logits, boolean zeroInfinity) {
    return new CtcSequences(batch, logits, null, zeroInfinity);
  }

  /** Returns the sequences of {@code batch} over float64 logits {@code [batch, time, classes]}. */
  public static CtcSequences ofDoubles(CtcBatch batch, double[] logits, boolean zeroInfinity) {
    return new CtcSequences(batch, null, logits, zeroInfinity);
  }

  /** Returns {@code time * classes}, the logits of one sequence. */
  @Override
  public int elementsPerSample() {
    return batch.time() * batch.classes();
  }

  @Override
  public void evaluate(int from, int to, double[] values, double[] upstream, float[] gradient) {
    run(from, to, values, upstream, gradient, null);
  }

  /**
   * Evaluates sequences {@code [from, to)} as {@link #evaluate} does, with a double gradient.
   *
   * @param gradient receives the gradient when {@code upstream} is not null
   */
  public void evaluateDoubles(
      int from, int to, double[] values, double[] upstream, double[] gradient) {
    run(from, to, values, upstream, null, gradient);
  }

  private void run(int from, int to, double[] values, double[] upstream, float[] floatGradient,
      double[] doubleGradient) {
    int classes = batch.classes();
    ScaledRecursion recursion = new ScaledRecursion(
        classes, batch.blank(), batch.time(), batch.maxLabelLength());
    double[] scratch = new double[batch.time() * classes];
    for (int b = from; b < to; b++) {
      double u = upstream == null ? 0.0 : upstream[b];
      boolean withGradient = upstream != null && u != 0;
      double nll = sequence(b, recursion, scratch, u, withGradient);
      values[b] = zeroInfinity && nll == Double.POSITIVE_INFINITY ? 0.0 : nll;
      if (upstream != null) {
        int used = withGradient ? batch.frames(b) * classes : 0;
        write(scratch, used, b * elementsPerSample(), floatGradient, doubleGradient);
      }
    }
  }

  /**
   * Returns {@code -log P} of sequence {@code b}; with {@code withGradient}, leaves
   * {@code u * d(-log P) / d logits} of its used frames in {@code scratch}.
   */
  private double sequence(
      int b, ScaledRecursion recursion, double[] scratch, double u, boolean withGradient) {
    int frames = batch.frames(b);
    int[] label = batch.labels(b);
    if (!ForwardBackward.fits(label, frames)) {
      double fill = withGradient && !zeroInfinity ? Double.NaN : 0.0;
      Arrays.fill(scratch, 0, frames * batch.classes(), fill);
      return Double.POSITIVE_INFINITY;
    }
    if (frames == 0) {
      return 0.0;
    }
    if (!softmax(b, frames, scratch)) {
      return logSpace(b, u, withGradient, scratch);
    }
    double nll = recursion.negLogLikelihood(scratch, frames, label);
    if (Double.isNaN(nll)) {
      return logSpace(b, u, withGradient, scratch);
    }
    if (!withGradient && !recursion.flagged()) {
      return nll;
    }
    if (recursion.backward(scratch, u, withGradient)) {
      return nll;
    }
    double reference = logSpace(b, u, withGradient, scratch);
    // An unflagged forward pass is exact to rounding and is what compute() returns without the
    // backward pass; keep it so that valueAndGradient's value equals compute's.
    return recursion.flagged() ? reference : nll;
  }

  private boolean softmax(int b, int frames, double[] probs) {
    int offset = b * elementsPerSample();
    return floats != null
        ? FrameSoftmax.of(floats, offset, frames, batch.classes(), probs)
        : FrameSoftmax.of(doubles, offset, frames, batch.classes(), probs);
  }

  private double logSpace(int b, double u, boolean withGradient, double[] scratch) {
    int offset = b * elementsPerSample();
    double[] gradient = withGradient ? scratch : null;
    return floats != null
        ? LogSpaceSequence.evaluate(floats, offset, batch.frames(b), batch.classes(),
            batch.blank(), batch.labels(b), u, zeroInfinity, gradient)
        : LogSpaceSequence.evaluate(doubles, offset, batch.frames(b), batch.classes(),
            batch.blank(), batch.labels(b), u, zeroInfinity, gradient);
  }

  /** Copies {@code used} entries of {@code source} to the sequence at {@code offset}; 0 after. */
  private void write(double[] source, int used, int offset, float[] floatGradient,
      double[] doubleGradient) {
    int end = offset + elementsPerSample();
    if (floatGradient != null) {
      for (int i = 0; i < used; i++) {
        floatGradient[offset + i] = (float) source[i];
      }
      Arrays.fill(floatGradient, offset + used, end, 0f);
    } else {
      System.arraycopy(source, 0, doubleGradient, offset, used);
      Arrays.fill(doubleGradient, offset + used, end, 0.0);
    }
  }
}
