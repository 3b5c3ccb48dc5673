package org.loss4j.ctc;

import java.util.ArrayList;
import java.util.List;

/**
 * An independent CTC reference for tests: enumerates every alignment of {@code classes^frames}
 * paths, collapses each (repeats merged, then blanks removed) and sums the probabilities of those
 * that give the label. Exponential, so only for a handful of frames and classes.
 */
final class BruteForce {
  private BruteForce() {}

  /** Returns the softmax of every frame of {@code logits[t][k]}, straight from its definition. */
  static double[][] softmax(double[][] logits) {
    double[][] probs = new double[logits.length][];
    for (int t = 0; t < logits.length; t++) {
      double sum = 0;
      for (double x : logits[t]) {
        sum += Math.exp(x);
      }
      probs[t] = new double[logits[t].length];
      for (int k = 0; k < logits[t].length; k++) {
        probs[t][k] = Math.exp(logits[t][k]) / sum;
      }
    }
    return probs;
  }

  /** Returns the labels an alignment collapses to. */
  static List<Integer> collapse(int[] path, int blank) {
    List<Integer> labels = new ArrayList<>();
    for (int t = 0; t < path.length; t++) {
      boolean repeat = t > 0 && path[t] == path[t - 1];
      if (path[t] != blank && !repeat) {
        labels.add(path[t]);
      }
    }
    return labels;
  }

  /** Returns every path of {@code frames} classes, in lexicographic order. */
  static List<int[]> allPaths(int frames, int classes) {
    List<int[]> paths = new ArrayList<>();
    int count = (int) Math.pow(classes, frames);
    for (int code = 0; code < count; code++) {
      int[] path = new int[frames];
      int rest = code;
      for (int t = frames - 1; t >= 0; t--) {
        path[t] = rest % classes;
        rest /= classes;
      }
      paths.add(path);
    }
    return paths;
  }

  /** Returns the probability of one path. */
  static double pathProbability(double[][] probs, int[] path) {
    double product = 1;
    for (int t = 0; t < path.length; t++) {
      product *= probs[t][path[t]];
    }
    return product;
  }

  /** Returns {@code P(label)}, the summed probability of the paths that collapse to it. */
  static double probability(double[][] logits, int[] label, int blank) {
    double[][] probs = softmax(logits);
    double total = 0;
    for (int[] path : allPaths(logits.length, logits[0].length)) {
      if (matches(path, label, blank)) {
        total += pathProbability(probs, path);
      }
    }
    return total;
  }

  /** Returns {@code -log P(label)}. */
  static double loss(double[][] logits, int[] label, int blank) {
    return -Math.log(probability(logits, label, blank));
  }

  /**
   * Returns the gradient of {@code -log P(label)} with respect to the logits, from the enumeration:
   * {@code softmax_t(k) - sum over matching paths with path_t = k of P(path) / P(label)}.
   */
  static double[][] gradient(double[][] logits, int[] label, int blank) {
    double[][] probs = softmax(logits);
    double total = probability(logits, label, blank);
    double[][] gradient = new double[logits.length][];
    for (int t = 0; t < logits.length; t++) {
      gradient[t] = probs[t].clone();
    }
    for (int[] path : allPaths(logits.length, logits[0].length)) {
      if (matches(path, label, blank)) {
        double share = pathProbability(probs, path) / total;
        for (int t = 0; t < path.length; t++) {
          gradient[t][path[t]] -= share;
        }
      }
    }
    return gradient;
  }

  private static boolean matches(int[] path, int[] label, int blank) {
    List<Integer> collapsed = collapse(path, blank);
    if (collapsed.size() != label.length) {
      return false;
    }
    for (int i = 0; i < label.length; i++) {
      if (collapsed.get(i) != label[i]) {
        return false;
      }
    }
    return true;
  }
}
