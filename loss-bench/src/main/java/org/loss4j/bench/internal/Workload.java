package org.loss4j.bench.internal;

import java.util.Arrays;
import java.util.Random;

/**
 * One of the eight workloads of the performance issue, with its float32 inputs drawn from a
 * fixed seed so that loss4j, the scalar baseline and every peer see the same numbers.
 *
 * <p>{@code yTrue} and {@code yPred} are row-major; {@code classIds} holds integer labels where
 * the workload has them (W3: one class per sample, W7: a label sequence per sample).
 */
public final class Workload {
  /** The seed of every workload's inputs. */
  public static final long SEED = 20261204L;

  /** Standard deviation of the logits, as the issue asks: logits ~ N(0, 2). */
  public static final double LOGIT_SD = 2.0;

  private final String id;
  private final int[] shape;
  private final float[] yTrue;
  private final float[] yPred;
  private final int[] classIds;

  private Workload(String id, int[] shape, float[] yTrue, float[] yPred, int[] classIds) {
    this.id = id;
    this.shape = shape;
    this.yTrue = yTrue;
    this.yPred = yPred;
    this.classIds = classIds;
  }

  /** W1: BinaryCrossentropy from logits, labels 0/1, logits ~ N(0, 2), shape [4096, 256]. */
  public static Workload w1() {
    return binaryFromLogits("W1", 4096, 256);
  }

  /** W2: CategoricalCrossentropy from logits, one-hot labels, logits [4096, 1000]. */
  public static Workload w2() {
    Random random = new Random(SEED + 2);
    int batch = 4096;
    int classes = 1000;
    int[] ids = classIds(random, batch, classes);
    float[] oneHot = new float[batch * classes];
    for (int b = 0; b < batch; b++) {
      oneHot[b * classes + ids[b]] = 1f;
    }
    return new Workload("W2", new int[] {batch, classes}, oneHot,
        normal(random, batch * classes), ids);
  }

  /** W3: SparseCategoricalCrossentropy from logits, class ids [4096], logits [4096, 1000]. */
  public static Workload w3() {
    Random random = new Random(SEED + 3);
    int batch = 4096;
    int classes = 1000;
    int[] ids = classIds(random, batch, classes);
    return new Workload("W3", new int[] {batch, classes}, null, normal(random, batch * classes),
        ids);
  }

  /** W4: BinaryFocalCrossentropy from logits, gamma 2, labels 0/1, logits [4096, 256]. */
  public static Workload w4() {
    return binaryFromLogits("W4", 4096, 256);
  }

  /**
   * W5: KLDivergence on [4096, 1000]; both inputs are rows of probabilities summing to 1, the
   * softmax of N(0, 2) draws.
   */
  public static Workload w5() {
    Random random = new Random(SEED + 5);
    int batch = 4096;
    int classes = 1000;
    float[] yTrue = softmaxRows(normal(random, batch * classes), classes);
    float[] yPred = softmaxRows(normal(random, batch * classes), classes);
    return new Workload("W5", new int[] {batch, classes}, yTrue, yPred, null);
  }

  /**
   * W6: Poisson on [4096, 256]; {@code y_pred} are positive rates {@code exp(N(0, 0.5))} and
   * {@code y_true} counts drawn from a Poisson distribution with those rates.
   */
  public static Workload w6() {
    Random random = new Random(SEED + 6);
    int n = 4096 * 256;
    float[] rates = new float[n];
    float[] counts = new float[n];
    for (int i = 0; i < n; i++) {
      rates[i] = (float) Math.exp(0.5 * random.nextGaussian());
      counts[i] = poisson(random, rates[i]);
    }
    return new Workload("W6", new int[] {4096, 256}, counts, rates, null);
  }

  /**
   * W7: CTC, 16 samples of 200 frames over 32 classes (0 the blank), labels of 40 classes in
   * 1..31, logits uniform in [-3, 3); the draws of {@code CtcBenchmark} since its first version.
   */
  public static Workload w7() {
    int batch = 16;
    int frames = 200;
    int classes = 32;
    int labelLength = 40;
    Random random = new Random(42);
    int[] labels = new int[batch * labelLength];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = 1 + random.nextInt(classes - 1);
    }
    float[] logits = new float[batch * frames * classes];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = 6 * random.nextFloat() - 3;
    }
    return new Workload("W7", new int[] {batch, frames, classes}, null, logits, labels);
  }

  /**
   * W8: BinaryCrossentropy with Keras's defaults (probabilities, not logits) on [32, 1]: labels
   * 0/1, probabilities the sigmoid of N(0, 2) draws. Measures the cost of one call.
   */
  public static Workload w8() {
    Random random = new Random(SEED + 8);
    int n = 32;
    float[] labels = binaryLabels(random, n);
    float[] probabilities = normal(random, n);
    for (int i = 0; i < n; i++) {
      probabilities[i] = (float) (1 / (1 + Math.exp(-probabilities[i])));
    }
    return new Workload("W8", new int[] {n, 1}, labels, probabilities, null);
  }

  /** Returns the workload's name, {@code W1} to {@code W8}. */
  public String id() {
    return id;
  }

  /** Returns a copy of the shape of {@code y_pred}. */
  public int[] shape() {
    return shape.clone();
  }

  /** Returns {@code y_pred.shape[0]}. */
  public int batch() {
    return shape[0];
  }

  /** Returns the length of the last axis of {@code y_pred}. */
  public int lastAxis() {
    return shape[shape.length - 1];
  }

  /** Returns the float32 {@code y_true} (shared; callers must not write to it), or null. */
  public float[] yTrue() {
    return yTrue;
  }

  /** Returns the float32 {@code y_pred} (shared; callers must not write to it). */
  public float[] yPred() {
    return yPred;
  }

  /** Returns the integer labels of W3 and W7 (shared; callers must not write to it), or null. */
  public int[] classIds() {
    return classIds;
  }

  @Override
  public String toString() {
    return id + Arrays.toString(shape);
  }

  private static Workload binaryFromLogits(String id, int batch, int width) {
    Random random = new Random(SEED + id.charAt(1));
    int n = batch * width;
    return new Workload(id, new int[] {batch, width}, binaryLabels(random, n),
        normal(random, n), null);
  }

  private static float[] binaryLabels(Random random, int n) {
    float[] labels = new float[n];
    for (int i = 0; i < n; i++) {
      labels[i] = random.nextBoolean() ? 1f : 0f;
    }
    return labels;
  }

  private static float[] normal(Random random, int n) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) (LOGIT_SD * random.nextGaussian());
    }
    return values;
  }

  private static int[] classIds(Random random, int batch, int classes) {
    int[] ids = new int[batch];
    for (int b = 0; b < batch; b++) {
      ids[b] = random.nextInt(classes);
    }
    return ids;
  }

  private static float[] softmaxRows(float[] logits, int width) {
    float[] out = new float[logits.length];
    for (int row = 0; row < logits.length; row += width) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < width; j++) {
        max = Math.max(max, logits[row + j]);
      }
      double sum = 0;
      for (int j = 0; j < width; j++) {
        sum += Math.exp(logits[row + j] - max);
      }
      for (int j = 0; j < width; j++) {
        out[row + j] = (float) (Math.exp(logits[row + j] - max) / sum);
      }
    }
    return out;
  }

  // Knuth's multiplication method; the rates here are small (median 1), so it is cheap.
  private static float poisson(Random random, double rate) {
    double limit = Math.exp(-rate);
    double product = random.nextDouble();
    int count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }
}
