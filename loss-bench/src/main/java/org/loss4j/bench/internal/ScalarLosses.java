package org.loss4j.bench.internal;

import java.util.Arrays;

/**
 * The plain scalar Java baseline: one straightforward loop per loss with {@link Math#exp},
 * {@link Math#log} and {@link Math#log1p}, float32 in, double accumulators, Keras's
 * {@code sum_over_batch_size} reduction. For comparison only; the library never calls it.
 *
 * <p>Each method returns the reduced loss and, when {@code gradient} is not null, writes the
 * gradient of that loss with respect to {@code y_pred} into it (same length as {@code y_pred}).
 */
public final class ScalarLosses {
  /** Keras's float32 epsilon, the clipping bound of probabilities. */
  public static final double EPSILON = 1e-7;

  private ScalarLosses() {}

  /**
   * BinaryCrossentropy from logits (W1), mean over all elements.
   *
   * <pre>{@code ce = max(x, 0) - x * y + log1p(exp(-|x|)),  d ce / dx = sigmoid(x) - y}</pre>
   */
  public static double binaryFromLogits(float[] yTrue, float[] logits, float[] gradient) {
    int n = logits.length;
    double scale = 1.0 / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double x = logits[i];
      double y = yTrue[i];
      double e = Math.exp(-Math.abs(x));
      sum += Math.max(x, 0) - x * y + Math.log1p(e);
      if (gradient != null) {
        double sigmoid = x >= 0 ? 1 / (1 + e) : e / (1 + e);
        gradient[i] = (float) (scale * (sigmoid - y));
      }
    }
    return sum * scale;
  }

  /**
   * CategoricalCrossentropy from logits (W2), mean over the batch.
   *
   * <pre>{@code ce = sum_j y_j * (lse(x) - x_j),  d ce / dx_j = softmax_j * sum(y) - y_j}</pre>
   */
  public static double categoricalFromLogits(float[] yTrue, float[] logits, int classes,
      float[] gradient) {
    int batch = logits.length / classes;
    double scale = 1.0 / batch;
    double sum = 0;
    for (int row = 0; row < logits.length; row += classes) {
      double lse = logSumExp(logits, row, classes);
      double labelSum = 0;
      for (int j = 0; j < classes; j++) {
        double y = yTrue[row + j];
        sum += y * (lse - logits[row + j]);
        labelSum += y;
      }
      if (gradient != null) {
        for (int j = 0; j < classes; j++) {
          double softmax = Math.exp(logits[row + j] - lse);
          gradient[row + j] = (float) (scale * (softmax * labelSum - yTrue[row + j]));
        }
      }
    }
    return sum * scale;
  }

  /**
   * SparseCategoricalCrossentropy from logits (W3), mean over the batch.
   *
   * <pre>{@code ce = lse(x) - x_label,  d ce / dx_j = softmax_j - [j == label]}</pre>
   */
  public static double sparseFromLogits(int[] labels, float[] logits, int classes,
      float[] gradient) {
    int batch = logits.length / classes;
    double scale = 1.0 / batch;
    double sum = 0;
    for (int b = 0; b < batch; b++) {
      int row = b * classes;
      double lse = logSumExp(logits, row, classes);
      sum += lse - logits[row + labels[b]];
      if (gradient != null) {
        for (int j = 0; j < classes; j++) {
          double softmax = Math.exp(logits[row + j] - lse);
          gradient[row + j] = (float) (scale * (softmax - (j == labels[b] ? 1 : 0)));
        }
      }
    }
    return sum * scale;
  }

  /**
   * BinaryFocalCrossentropy from logits with {@code gamma = 2}, no class balancing (W4), mean
   * over all elements.
   *
   * <pre>{@code
   * p = sigmoid(x),  p_t = y * p + (1 - y) * (1 - p),  w = (1 - p_t)^2,  f = w * ce
   * d f / dx = -2 * (1 - p_t) * (2y - 1) * p * (1 - p) * ce + w * (p - y)
   * }</pre>
   */
  public static double binaryFocalFromLogits(float[] yTrue, float[] logits, float[] gradient) {
    int n = logits.length;
    double scale = 1.0 / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double x = logits[i];
      double y = yTrue[i];
      double e = Math.exp(-Math.abs(x));
      double ce = Math.max(x, 0) - x * y + Math.log1p(e);
      double p = x >= 0 ? 1 / (1 + e) : e / (1 + e);
      double oneMinusPt = 1 - (y * p + (1 - y) * (1 - p));
      double weight = oneMinusPt * oneMinusPt;
      sum += weight * ce;
      if (gradient != null) {
        double dWeight = -2 * oneMinusPt * (2 * y - 1) * p * (1 - p);
        gradient[i] = (float) (scale * (dWeight * ce + weight * (p - y)));
      }
    }
    return sum * scale;
  }

  /**
   * KLDivergence (W5), mean over the batch of the per-row sums.
   *
   * <pre>{@code
   * t = clip(y, EPSILON, 1),  p = clip(y_pred, EPSILON, 1),  kl = sum_j t_j * log(t_j / p_j)
   * d kl / d y_pred_j = -t_j / p_j inside the clip range, 0 outside
   * }</pre>
   */
  public static double klDivergence(float[] yTrue, float[] yPred, int classes,
      float[] gradient) {
    double scale = 1.0 / (yPred.length / classes);
    double sum = 0;
    for (int i = 0; i < yPred.length; i++) {
      double t = Math.min(Math.max(yTrue[i], EPSILON), 1);
      double raw = yPred[i];
      double p = Math.min(Math.max(raw, EPSILON), 1);
      sum += t * Math.log(t / p);
      if (gradient != null) {
        gradient[i] = raw > EPSILON && raw < 1 ? (float) (-scale * t / p) : 0f;
      }
    }
    return sum * scale;
  }

  /**
   * Poisson (W6), mean over all elements.
   *
   * <pre>{@code l = p - y * log(p + EPSILON),  d l / dp = 1 - y / (p + EPSILON)}</pre>
   */
  public static double poisson(float[] yTrue, float[] yPred, float[] gradient) {
    int n = yPred.length;
    double scale = 1.0 / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double p = yPred[i];
      double y = yTrue[i];
      sum += p - y * Math.log(p + EPSILON);
      if (gradient != null) {
        gradient[i] = (float) (scale * (1 - y / (p + EPSILON)));
      }
    }
    return sum * scale;
  }

  /**
   * BinaryCrossentropy from probabilities (W8), mean over all elements.
   *
   * <pre>{@code
   * p = clip(y_pred, EPSILON, 1 - EPSILON),  ce = -(y * log(p) + (1 - y) * log(1 - p))
   * d ce / d y_pred = (1 - y) / (1 - p) - y / p inside the clip range, 0 outside
   * }</pre>
   */
  public static double binaryFromProbabilities(float[] yTrue, float[] yPred, float[] gradient) {
    int n = yPred.length;
    double scale = 1.0 / n;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double raw = yPred[i];
      double p = Math.min(Math.max(raw, EPSILON), 1 - EPSILON);
      double y = yTrue[i];
      sum -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
      if (gradient != null) {
        boolean inside = raw > EPSILON && raw < 1 - EPSILON;
        gradient[i] = inside ? (float) (scale * ((1 - y) / (1 - p) - y / p)) : 0f;
      }
    }
    return sum * scale;
  }

  /**
   * CTC from logits (W7), blank 0, every frame used, mean over the batch of
   * {@code -log p(label | logits)}: the textbook forward-backward recursion in log space.
   *
   * <pre>{@code
   * alpha_t(s) = lse(alpha_{t-1}(s), alpha_{t-1}(s-1), alpha_{t-1}(s-2) if allowed) + lp_t(l'_s)
   * d loss / dx_t(k) = softmax_t(k) - sum_{s: l'_s = k} exp(alpha_t(s) + beta_t(s) - ll)
   * }</pre>
   *
   * <p>{@code l'} is the label with blanks around and between its entries, {@code ll} the
   * log-likelihood, and {@code beta_t(s)} the log-probability of the remaining frames.
   */
  public static double ctc(int[] labels, int labelLength, float[] logits, int frames,
      int classes, float[] gradient) {
    int batch = labels.length / labelLength;
    int states = 2 * labelLength + 1;
    double[] logProbs = new double[frames * classes];
    double[] alpha = new double[frames * states];
    double[] beta = new double[frames * states];
    int[] extended = new int[states];
    double sum = 0;
    for (int b = 0; b < batch; b++) {
      for (int s = 0; s < states; s++) {
        extended[s] = s % 2 == 0 ? 0 : labels[b * labelLength + s / 2];
      }
      int base = b * frames * classes;
      for (int t = 0; t < frames; t++) {
        int row = base + t * classes;
        double lse = logSumExp(logits, row, classes);
        for (int k = 0; k < classes; k++) {
          logProbs[t * classes + k] = logits[row + k] - lse;
        }
      }
      Arrays.fill(alpha, Double.NEGATIVE_INFINITY);
      Arrays.fill(beta, Double.NEGATIVE_INFINITY);
      alpha[0] = logProbs[extended[0]];
      alpha[1] = logProbs[extended[1]];
      for (int t = 1; t < frames; t++) {
        for (int s = 0; s < states; s++) {
          double a = alpha[(t - 1) * states + s];
          if (s >= 1) {
            a = logAdd(a, alpha[(t - 1) * states + s - 1]);
          }
          if (s >= 2 && extended[s] != 0 && extended[s] != extended[s - 2]) {
            a = logAdd(a, alpha[(t - 1) * states + s - 2]);
          }
          alpha[t * states + s] = a + logProbs[t * classes + extended[s]];
        }
      }
      int last = (frames - 1) * states;
      beta[last + states - 1] = 0;
      beta[last + states - 2] = 0;
      for (int t = frames - 2; t >= 0; t--) {
        for (int s = 0; s < states; s++) {
          int next = (t + 1) * states;
          int emit = (t + 1) * classes;
          double v = beta[next + s] + logProbs[emit + extended[s]];
          if (s + 1 < states) {
            v = logAdd(v, beta[next + s + 1] + logProbs[emit + extended[s + 1]]);
          }
          if (s + 2 < states && extended[s + 2] != 0 && extended[s + 2] != extended[s]) {
            v = logAdd(v, beta[next + s + 2] + logProbs[emit + extended[s + 2]]);
          }
          beta[t * states + s] = v;
        }
      }
      double logLikelihood = logAdd(alpha[last + states - 1], alpha[last + states - 2]);
      sum -= logLikelihood;
      if (gradient != null) {
        for (int t = 0; t < frames; t++) {
          int row = base + t * classes;
          for (int k = 0; k < classes; k++) {
            gradient[row + k] = (float) (Math.exp(logProbs[t * classes + k]) / batch);
          }
          for (int s = 0; s < states; s++) {
            double occupancy =
                Math.exp(alpha[t * states + s] + beta[t * states + s] - logLikelihood);
            gradient[row + extended[s]] -= (float) (occupancy / batch);
          }
        }
      }
    }
    return sum / batch;
  }

  private static double logSumExp(float[] values, int offset, int length) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < length; j++) {
      max = Math.max(max, values[offset + j]);
    }
    double sum = 0;
    for (int j = 0; j < length; j++) {
      sum += Math.exp(values[offset + j] - max);
    }
    return max + Math.log(sum);
  }

  private static double logAdd(double a, double b) {
    if (a == Double.NEGATIVE_INFINITY) {
      return b;
    }
    if (b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    double max = Math.max(a, b);
    return max + Math.log1p(Math.exp(-Math.abs(a - b)));
  }
}
