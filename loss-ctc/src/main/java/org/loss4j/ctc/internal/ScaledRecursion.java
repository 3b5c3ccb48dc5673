package org.loss4j.ctc.internal;

import java.util.Arrays;

/**
 * The CTC forward-backward recursion of one sequence in linear space, each frame rescaled by a
 * power of two, over the band of states that can lie on a complete alignment.
 *
 * <p>The label {@code l} of length {@code U} is extended with blanks to
 * {@code z = [blank, l_1, blank, ..., l_U, blank]} of length {@code S = 2U + 1}; {@code p_t(k)}
 * is the softmax of frame {@code t} of {@code T}. State {@code s} may be entered from {@code s},
 * {@code s - 1} and, when {@code skip(s)} ({@code z_s} is a label other than {@code z_{s-2}}),
 * from {@code s - 2}. With {@code A_t} and {@code B_t} the scaled rows and {@code e_t},
 * {@code f_t} integer exponents:
 *
 * <pre>{@code
 * a_0(s)   = p_0(z_s) for s in {0, 1}
 * a_t(s)   = (A_{t-1}(s) + A_{t-1}(s-1) + skip(s) A_{t-1}(s-2)) p_t(z_s)
 * e_t      = floor(log2(sum_s a_t(s))),   A_t = a_t / 2^e_t   (exact: a power of two)
 * -log P   = -(ln 2 * sum_t e_t + ln(A_{T-1}(S-1) + A_{T-1}(S-2)))
 * b_{T-1}(s) = 1 for s in {S-2, S-1}
 * b_t(s)   = sum over s' in {s, s+1, s+2 if skip(s+2)} of B_{t+1}(s') p_{t+1}(z_{s'})
 * f_t      = floor(log2(sum_s b_t(s))),   B_t = b_t / 2^f_t
 * Z_t      = sum_s A_t(s) B_t(s)          (P up to the powers of two, for every t)
 * d(-log P) / d x_t(k) = p_t(k) - sum_{s : z_s = k} A_t(s) B_t(s) / Z_t
 * }</pre>
 *
 * <p>Only states {@code max(0, S - 2(T - t)) <= s <= min(S - 1, 2t + 1)} are visited at frame
 * {@code t}: the others cannot be reached from the start or cannot reach the end. Every addend
 * is non-negative, so the recursion has no cancellation: when no product underflows, every
 * quantity carries a relative error of a few ulps per frame.
 *
 * <h2>Underflow</h2>
 *
 * <p>A product below {@code 4 * Double.MIN_NORMAL} (after the previous row was scaled to a sum in
 * {@code [1, 2)}) may have lost up to {@code 2^-1072} to underflow; that frame is flagged. A loss
 * at frame {@code t} changes {@code P} by at most its size times {@code max_s B_t(s) / Z_t}
 * (resp. {@code A_t}), relatively, so the results stand when every flagged frame has
 * {@code e_t + exponent(Z_t) >= -960} (resp. {@code f_t}), bounding the relative error by
 * {@code S * T * 2^-110}. A forward pass that flags no frame needs no such check: nothing
 * underflowed, so its value is exact to rounding without beta. Peaked logits, such as
 * {@code +-1e4}, flag most frames; sequences whose alignments all fall below the double range
 * fail the test. {@link #UNRESOLVED} and a false {@link #backward} then send the sequence to the
 * log-space recursion ({@link ForwardBackward}).
 *
 * <p>Instances hold scratch space sized for the largest sequence of a batch; they are not
 * thread-safe, and serve one thread for one call.
 */
final class ScaledRecursion {
  /** Returned by {@link #negLogLikelihood} when the linear recursion cannot give the value. */
  static final double UNRESOLVED = Double.NaN;

  /** Products below this may have lost bits to underflow. */
  private static final double FLUSH_RISK = 4 * Double.MIN_NORMAL;
  /** The least {@code e_t + exponent(Z_t)} of a flagged frame: see the class comment. */
  private static final int LEAST_FLAGGED_EXPONENT = -960;
  /** The least exponent of {@code Z_t} for the gradient's division to keep its precision. */
  private static final int LEAST_OVERLAP_EXPONENT = -900;
  /** States on each side of a row that are kept at 0, so that no read needs a bounds test. */
  private static final int PAD = 2;
  private static final double LN2 = Math.log(2);

  private final int classes;
  private final int blank;
  private final int width;
  /** The class of each state, at {@code s + PAD}; the padding holds the blank (any class). */
  private final int[] extended;
  /** 1 where {@code skip(s)}, else 0, at {@code s + PAD}. */
  private final double[] skip;
  /** Every frame's row {@code A_t}, at {@code t * width + s + PAD}. */
  private final double[] alpha;
  private final int[] alphaExponents;
  private final boolean[] alphaFlagged;
  /** {@code b_t} of the frame being processed, before its scaling. */
  private final double[] beta;
  /** {@code B_t(s) p_t(z_s)}: the terms of {@code b_{t-1}}. */
  private final double[] emitted;
  /** {@code sum_{z_s = k} A_t(s) B_t(s)} of the frame being processed; 0 between frames. */
  private final double[] occupancy;
  private int states;
  private int frames;
  private boolean flagged;
  private boolean emitFlagged;

  /**
   * Creates scratch space for sequences of at most {@code maxFrames} frames and labels of at
   * most {@code maxLabelLength}.
   */
  ScaledRecursion(int classes, int blank, int maxFrames, int maxLabelLength) {
    this.classes = classes;
    this.blank = blank;
    this.width = 2 * maxLabelLength + 1 + 2 * PAD;
    this.extended = new int[width];
    this.skip = new double[width];
    this.alpha = new double[Math.max(1, maxFrames) * width];
    this.alphaExponents = new int[maxFrames];
    this.alphaFlagged = new boolean[maxFrames];
    this.beta = new double[width];
    this.emitted = new double[width];
    this.occupancy = new double[classes];
  }

  /**
   * Runs the forward recursion and returns {@code -log P(label)}, or {@link #UNRESOLVED} when a
   * row sums to 0 or to a subnormal number. A label must fit its frames
   * ({@link ForwardBackward#fits}) and {@code frames} must be at least 1.
   *
   * @param probs softmax probabilities, frame {@code t} and class {@code k} at
   *     {@code t * classes + k}, all finite
   */
  double negLogLikelihood(double[] probs, int frames, int[] label) {
    this.frames = frames;
    this.states = extend(label);
    this.flagged = false;
    long exponentSum = 0;
    double last = 0;
    for (int t = 0; t < frames; t++) {
      int lo = low(t) + PAD;
      int hi = high(t) + PAD;
      int row = t * width;
      int frame = t * classes;
      boolean rowFlagged = false;
      double total = 0;
      if (t == 0) {
        for (int i = lo; i <= hi; i++) {
          double a = probs[frame + extended[i]];
          rowFlagged |= a < FLUSH_RISK;
          alpha[row + i] = a;
          total += a;
        }
      } else {
        int previous = row - width;
        for (int i = lo; i <= hi; i++) {
          double into = alpha[previous + i] + alpha[previous + i - 1]
              + skip[i] * alpha[previous + i - 2];
          double a = into * probs[frame + extended[i]];
          rowFlagged |= a < FLUSH_RISK && into > 0;
          alpha[row + i] = a;
          total += a;
        }
      }
      clearEdges(alpha, row, lo, hi);
      int exponent = Math.getExponent(total);
      if (exponent < Double.MIN_EXPONENT) {
        return UNRESOLVED;
      }
      last = scale(alpha, row, lo, hi, exponent, total);
      alphaExponents[t] = exponent;
      alphaFlagged[t] = rowFlagged;
      flagged |= rowFlagged;
      exponentSum += exponent;
    }
    double nll = -(exponentSum * LN2 + Math.log(last));
    return nll > 0 ? nll : 0.0;
  }

  /**
   * Returns whether the last {@link #negLogLikelihood} flagged a frame, so that its value stands
   * only if {@link #backward} confirms it.
   */
  boolean flagged() {
    return flagged;
  }

  /**
   * Runs the backward recursion after {@link #negLogLikelihood} returned a value for the same
   * probabilities, and checks the underflow bound. With {@code gradient}, each frame's
   * probabilities are replaced by {@code upstream * d(-log P) / d x_t(k)}.
   *
   * @return false, with {@code probs} possibly partly overwritten, when the bound fails
   */
  boolean backward(double[] probs, double upstream, boolean gradient) {
    int lastFrame = frames - 1;
    boolean emittedFlagged = false;
    for (int t = lastFrame; t >= 0; t--) {
      int lo = low(t) + PAD;
      int hi = high(t) + PAD;
      double total = 0;
      for (int i = lo; i <= hi; i++) {
        double b = t == lastFrame ? 1.0
            : emitted[i] + emitted[i + 1] + skip[i + 2] * emitted[i + 2];
        beta[i] = b;
        total += b;
      }
      int betaExponent = Math.getExponent(total);
      if (betaExponent < Double.MIN_EXPONENT) {
        return false;
      }
      int frame = t * classes;
      boolean flaggedBefore = emittedFlagged;
      double overlap = emitAndOccupy(probs, frame, t * width, lo, hi, factor(betaExponent));
      emittedFlagged = t > 0 && emitFlagged;
      int overlapExponent = Math.getExponent(overlap);
      boolean unresolved = overlapExponent < LEAST_OVERLAP_EXPONENT
          || alphaFlagged[t] && alphaExponents[t] + overlapExponent < LEAST_FLAGGED_EXPONENT
          || flaggedBefore && betaExponent + overlapExponent < LEAST_FLAGGED_EXPONENT;
      if (unresolved) {
        Arrays.fill(occupancy, 0.0);
        return false;
      }
      double perOverlap = upstream / overlap;
      for (int k = 0; k < classes; k++) {
        if (gradient) {
          probs[frame + k] = upstream * probs[frame + k] - occupancy[k] * perOverlap;
        }
        occupancy[k] = 0;
      }
    }
    return true;
  }

  /**
   * Scales {@code beta} by {@code factor} into {@code B_t}; fills {@code emitted} with
   * {@code B_t(s) p_t(z_s)}, flagging a term that may have lost bits ({@code emitFlagged}), and
   * {@code occupancy} with {@code sum_{z_s = k} A_t(s) B_t(s)}; and returns {@code Z_t}.
   */
  private double emitAndOccupy(
      double[] probs, int frame, int row, int lo, int hi, double factor) {
    double overlap = 0;
    boolean rowFlagged = false;
    for (int i = lo; i <= hi; i++) {
      double b = beta[i] * factor;
      int k = extended[i];
      double both = alpha[row + i] * b;
      overlap += both;
      occupancy[k] += both;
      double e = b * probs[frame + k];
      if (e < FLUSH_RISK && b > 0) {
        rowFlagged = true;
      }
      emitted[i] = e;
    }
    clearEdges(emitted, 0, lo, hi);
    emitFlagged = rowFlagged;
    return overlap;
  }

  /** Returns {@code max(0, S - 2(T - t))}, the first state that can still reach the end. */
  private int low(int t) {
    return Math.max(0, states - 2 * (frames - t));
  }

  /** Returns {@code min(S - 1, 2t + 1)}, the last state reachable from the start. */
  private int high(int t) {
    return Math.min(states - 1, 2 * t + 1);
  }

  private int extend(int[] label) {
    int count = 2 * label.length + 1;
    for (int i = 0; i < width; i++) {
      int s = i - PAD;
      boolean isLabel = s >= 0 && s < count && (s & 1) == 1;
      extended[i] = isLabel ? label[s / 2] : blank;
      skip[i] = isLabel && s >= 2 && label[s / 2] != label[s / 2 - 1] ? 1.0 : 0.0;
    }
    return count;
  }

  /** Returns {@code 2^-exponent}, for {@code exponent} in {@code [-1022, 1022]}. */
  private static double factor(int exponent) {
    return Double.longBitsToDouble((long) (Double.MAX_EXPONENT - exponent) << 52);
  }

  /** Zeroes the two padded states on each side of the band {@code [lo, hi]} of a row. */
  private static void clearEdges(double[] row, int offset, int lo, int hi) {
    row[offset + lo - 1] = 0;
    row[offset + lo - 2] = 0;
    row[offset + hi + 1] = 0;
    row[offset + hi + 2] = 0;
  }

  /**
   * Divides the band by {@code 2^exponent}, exactly, and returns the scaled total, in
   * {@code [1, 2)}.
   */
  private static double scale(
      double[] row, int offset, int lo, int hi, int exponent, double total) {
    double factor = factor(exponent);
    for (int i = lo; i <= hi; i++) {
      row[offset + i] *= factor;
    }
    return total * factor;
  }
}
