package org.loss4j.ctc.internal;

import java.util.Arrays;

/**
 * The CTC forward-backward recursion of one sample, in log space and in double.
 *
 * <p>The label {@code l} of length {@code U} is extended with blanks to
 * {@code z = [blank, l_1, blank, l_2, ..., l_U, blank]} of length {@code S = 2U + 1}. With
 * {@code p_t(k)} the log-softmax of frame {@code t}:
 *
 * <pre>{@code
 * alpha_0(0) = p_0(blank)     alpha_0(1) = p_0(l_1)
 * alpha_t(s) = p_t(z_s) + logsumexp(alpha_{t-1}(s), alpha_{t-1}(s-1), alpha_{t-1}(s-2))
 *              the last term only when z_s is a label different from z_{s-2}
 * log P(l)   = logsumexp(alpha_{T-1}(S-1), alpha_{T-1}(S-2))
 * beta_{T-1}(S-1) = beta_{T-1}(S-2) = 0
 * beta_t(s)  = logsumexp over the successors s' of s of (beta_{t+1}(s') + p_{t+1}(z_{s'}))
 * }</pre>
 *
 * <p>{@code alpha_t(s) + beta_t(s)} is the log of the summed probability of the alignments in
 * state {@code s} at frame {@code t}, so the gradient of {@code -log P(l)} with respect to the
 * logit {@code x_t(k)} is {@code softmax_t(k) - sum_{s : z_s = k} exp(alpha_t(s) + beta_t(s) -
 * log P(l))}, which sums to 0 over {@code k}. Work and memory are {@code O(T * S)}.
 *
 * <p>{@link ScaledRecursion} computes the same quantities faster; this recursion is the reference
 * for the sequences it cannot resolve (NaN or infinite logits, alignments of probability 0 or
 * below the double range), through {@link LogSpaceSequence}, and the tests' oracle.
 *
 * <p>Instances hold scratch space sized for the largest sample of a batch; they are not
 * thread-safe and live for one call.
 */
public final class ForwardBackward {
  private static final double NEG_INF = Double.NEGATIVE_INFINITY;

  private final int classes;
  private final int blank;
  private final int[] extended;
  private final double[] alpha;
  private final double[] beta;

  /**
   * Creates scratch space for samples of at most {@code maxFrames} frames and labels of at most
   * {@code maxLabelLength}; {@code withBeta} is needed for {@link #gradient}.
   */
  public ForwardBackward(
      int classes, int blank, int maxFrames, int maxLabelLength, boolean withBeta) {
    this.classes = classes;
    this.blank = blank;
    int states = 2 * maxLabelLength + 1;
    this.extended = new int[states];
    int rows = withBeta ? Math.max(maxFrames, 1) : 2;
    this.alpha = new double[rows * states];
    this.beta = withBeta ? new double[rows * states] : null;
  }

  /**
   * Returns whether a label fits in {@code frames} frames: it needs one frame per label and one
   * more for every pair of equal neighbours, which must be separated by a blank.
   */
  public static boolean fits(int[] label, int frames) {
    int needed = label.length;
    for (int i = 1; i < label.length; i++) {
      if (label[i] == label[i - 1]) {
        needed++;
      }
    }
    return needed <= frames;
  }

  /**
   * Returns {@code -log P(label)} of one sample: {@code +inf} when no alignment has a non-zero
   * probability, NaN when the log-probabilities hold NaN.
   *
   * @param logProbs log-softmax values, frame {@code t} and class {@code k} at
   *     {@code offset + t * classes + k}
   * @param frames how many frames the sample uses
   */
  public double negLogLikelihood(double[] logProbs, int offset, int frames, int[] label) {
    if (!fits(label, frames)) {
      return Double.POSITIVE_INFINITY;
    }
    if (frames == 0) {
      return 0.0;
    }
    int states = extend(label);
    firstRow(logProbs, offset, states, alpha, 0);
    int current = 0;
    for (int t = 1; t < frames; t++) {
      int next = (t & 1) * states;
      stepForward(logProbs, offset + t * classes, states, alpha, current, alpha, next);
      current = next;
    }
    return nonNegative(-finalLogProbability(alpha, current, states));
  }

  /**
   * Adds {@code upstream * d(-log P(label)) / d logits} of one sample into {@code gradient} and
   * returns {@code -log P(label)}.
   *
   * <p>An infeasible sample (loss {@code +inf}) gets NaN in every frame it uses unless
   * {@code upstream} is 0 or {@code zeroInfinity} holds, in which case it gets nothing.
   *
   * @param logProbs log-softmax values, laid out as for {@link #negLogLikelihood}
   * @param gradient the gradient of the whole batch, same layout as {@code logProbs}
   */
  public double gradient(
      double[] logProbs, int offset, int frames, int[] label, double upstream,
      boolean zeroInfinity, double[] gradient) {
    double nll = fits(label, frames) ? recurse(logProbs, offset, frames, label)
        : Double.POSITIVE_INFINITY;
    if (nll == Double.POSITIVE_INFINITY) {
      if (!zeroInfinity && upstream != 0) {
        Arrays.fill(gradient, offset, offset + frames * classes, Double.NaN);
      }
      return nll;
    }
    if (upstream == 0) {
      return nll;
    }
    int states = 2 * label.length + 1;
    double logLikelihood = -nll;
    for (int t = 0; t < frames; t++) {
      int frame = offset + t * classes;
      for (int k = 0; k < classes; k++) {
        gradient[frame + k] += upstream * Math.exp(logProbs[frame + k]);
      }
      int row = t * states;
      for (int s = 0; s < states; s++) {
        double occupancy = alpha[row + s] + beta[row + s];
        if (occupancy != NEG_INF) {
          gradient[frame + extended[s]] -= upstream * Math.exp(occupancy - logLikelihood);
        }
      }
    }
    return nll;
  }

  /** Fills alpha and beta for every frame and returns {@code -log P(label)}. */
  private double recurse(double[] logProbs, int offset, int frames, int[] label) {
    if (frames == 0) {
      return 0.0;
    }
    int states = extend(label);
    firstRow(logProbs, offset, states, alpha, 0);
    for (int t = 1; t < frames; t++) {
      stepForward(logProbs, offset + t * classes, states, alpha, (t - 1) * states, alpha,
          t * states);
    }
    int last = (frames - 1) * states;
    Arrays.fill(beta, last, last + states, NEG_INF);
    beta[last + states - 1] = 0.0;
    if (states > 1) {
      beta[last + states - 2] = 0.0;
    }
    for (int t = frames - 2; t >= 0; t--) {
      stepBackward(logProbs, offset + (t + 1) * classes, states, (t + 1) * states, t * states);
    }
    return nonNegative(-finalLogProbability(alpha, last, states));
  }

  /**
   * Returns {@code nll} with rounding below zero (and {@code -0.0}) raised to {@code +0.0}: a
   * probability cannot exceed 1, so a negative value is rounding error. NaN stays NaN.
   */
  private static double nonNegative(double nll) {
    return nll > 0 || Double.isNaN(nll) ? nll : 0.0;
  }

  private int extend(int[] label) {
    int states = 2 * label.length + 1;
    for (int s = 0; s < states; s++) {
      extended[s] = (s & 1) == 0 ? blank : label[s / 2];
    }
    return states;
  }

  /** Returns whether state {@code s} may be entered from {@code s - 2}, skipping a blank. */
  private boolean canSkip(int s) {
    return (s & 1) == 1 && s >= 2 && extended[s] != extended[s - 2];
  }

  private void firstRow(double[] logProbs, int frame, int states, double[] out, int row) {
    Arrays.fill(out, row, row + states, NEG_INF);
    out[row] = logProbs[frame + blank];
    if (states > 1) {
      out[row + 1] = logProbs[frame + extended[1]];
    }
  }

  private void stepForward(
      double[] logProbs, int frame, int states, double[] in, int inRow, double[] out,
      int outRow) {
    for (int s = 0; s < states; s++) {
      double stay = in[inRow + s];
      double advance = s >= 1 ? in[inRow + s - 1] : NEG_INF;
      double sum = canSkip(s)
          ? LogSpace.add(stay, advance, in[inRow + s - 2]) : LogSpace.add(stay, advance);
      out[outRow + s] = sum == NEG_INF ? NEG_INF : sum + logProbs[frame + extended[s]];
    }
  }

  /** Computes beta of one frame from the next; {@code nextFrame} addresses frame {@code t+1}. */
  private void stepBackward(
      double[] logProbs, int nextFrame, int states, int nextRow, int row) {
    for (int s = 0; s < states; s++) {
      double stay = beta[nextRow + s] + logProbs[nextFrame + extended[s]];
      double advance = s + 1 < states
          ? beta[nextRow + s + 1] + logProbs[nextFrame + extended[s + 1]] : NEG_INF;
      beta[row + s] = s + 2 < states && canSkip(s + 2)
          ? LogSpace.add(stay, advance,
              beta[nextRow + s + 2] + logProbs[nextFrame + extended[s + 2]])
          : LogSpace.add(stay, advance);
    }
  }

  private static double finalLogProbability(double[] alpha, int row, int states) {
    double last = alpha[row + states - 1];
    return states > 1 ? LogSpace.add(last, alpha[row + states - 2]) : last;
  }
}
