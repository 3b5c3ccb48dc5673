package org.loss4j.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.loss4j.api.Loss;
import org.loss4j.api.Tensor;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.testkit.model.Sample;

/**
 * Finds inputs a loss accepts by trying a fixed list of input families on its default
 * configuration: the first family whose per-sample loss comes back finite, with the batch as
 * first axis, wins. The values are fixed (seeded) and exact in float32; probabilities stay within
 * [0.05, 0.95], away from every clipping bound.
 */
public final class SampleFinder {
  static final int BATCH = 4;

  static final int CLASSES = 3;

  static final int TIME = 6;

  static final int LABEL_LENGTH = 2;

  private static final long SEED = 20220501L;

  private SampleFinder() {}

  /** The outcome of a search: the sample, or why none fits. */
  public static final class Result {
    private final Sample sample;
    private final String reason;

    Result(Sample sample, String reason) {
      this.sample = sample;
      this.reason = reason;
    }

    /** Returns the sample found, or null. */
    public Sample sample() {
      return sample;
    }

    /** Returns why each family was refused, when none fits. */
    public String reason() {
      return reason;
    }
  }

  /** Returns the input families the kit tries, in order. */
  public static List<Sample> families() {
    Random random = new Random(SEED);
    List<Sample> families = new ArrayList<>();
    families.add(oneHot(random));
    families.add(integerLabels(random));
    families.add(binary(random));
    families.add(labelSequences(random));
    return families;
  }

  /** Returns the first family the provider's default loss accepts. */
  public static Result find(LossProvider provider) {
    List<String> refusals = new ArrayList<>();
    Loss loss;
    try {
      loss = LossRegistry.of(provider).create(provider.name());
    } catch (RuntimeException e) {
      return new Result(null, "the default configuration fails: " + e);
    }
    for (Sample sample : families()) {
      String problem = problem(loss, sample);
      if (problem == null) {
        return new Result(sample, "");
      }
      refusals.add(sample.description() + ": " + problem);
    }
    return new Result(null, String.join("; ", refusals));
  }

  /** Returns why the loss does not accept the sample, or null if it does. */
  public static String problem(Loss loss, Sample sample) {
    try {
      Tensor perSample = loss.perSample(sample.yTrue(), sample.yPred());
      if (perSample.rank() == 0 || perSample.dim(0) != sample.batch()) {
        return "per-sample shape " + Tensor.formatShape(perSample.shape())
            + " lacks the batch axis";
      }
      if (!Batches.allFinite(perSample)) {
        return "non-finite per-sample values " + perSample;
      }
      return null;
    } catch (RuntimeException e) {
      return e.getClass().getSimpleName() + " " + e.getMessage();
    }
  }

  private static Sample oneHot(Random random) {
    double[] yTrue = new double[BATCH * CLASSES];
    double[] probabilities = new double[BATCH * CLASSES];
    double[] logits = new double[BATCH * CLASSES];
    for (int b = 0; b < BATCH; b++) {
      yTrue[b * CLASSES + random.nextInt(CLASSES)] = 1.0;
      softmaxRow(random, probabilities, logits, b * CLASSES, CLASSES);
    }
    return Sample.of("one-hot targets [4, 3] with class probabilities",
        Tensor.of(yTrue, BATCH, CLASSES), Tensor.of(probabilities, BATCH, CLASSES),
        Tensor.of(logits, BATCH, CLASSES));
  }

  private static Sample integerLabels(Random random) {
    int[] labels = new int[BATCH];
    double[] probabilities = new double[BATCH * CLASSES];
    double[] logits = new double[BATCH * CLASSES];
    for (int b = 0; b < BATCH; b++) {
      labels[b] = random.nextInt(CLASSES);
      softmaxRow(random, probabilities, logits, b * CLASSES, CLASSES);
    }
    return Sample.of("integer labels [4] with class probabilities [4, 3]",
        Tensor.ofInts(labels, BATCH), Tensor.of(probabilities, BATCH, CLASSES),
        Tensor.of(logits, BATCH, CLASSES));
  }

  private static Sample binary(Random random) {
    double[] yTrue = new double[BATCH * CLASSES];
    double[] probabilities = new double[BATCH * CLASSES];
    double[] logits = new double[BATCH * CLASSES];
    for (int i = 0; i < yTrue.length; i++) {
      yTrue[i] = random.nextBoolean() ? 1.0 : 0.0;
      probabilities[i] = (float) (0.1 + 0.8 * random.nextDouble());
      logits[i] = (float) Math.log(probabilities[i] / (1 - probabilities[i]));
    }
    return Sample.of("binary targets [4, 3] with probabilities",
        Tensor.of(yTrue, BATCH, CLASSES), Tensor.of(probabilities, BATCH, CLASSES),
        Tensor.of(logits, BATCH, CLASSES));
  }

  private static Sample labelSequences(Random random) {
    int classes = CLASSES + 1;
    int[] labels = new int[BATCH * LABEL_LENGTH];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = 1 + random.nextInt(classes - 1);
    }
    double[] logits = new double[BATCH * TIME * classes];
    for (int i = 0; i < logits.length; i++) {
      logits[i] = (float) (2 * random.nextDouble() - 1);
    }
    Tensor scores = Tensor.of(logits, BATCH, TIME, classes);
    return Sample.of("label sequences [4, 2] (0 = blank/padding) with scores [4, 6, 4]",
        Tensor.ofInts(labels, BATCH, LABEL_LENGTH), scores, scores);
  }

  /** Fills one row of probabilities within [0.05, 0.95] and their logits (log-probabilities). */
  private static void softmaxRow(
      Random random, double[] probabilities, double[] logits, int offset, int length) {
    double[] raw = new double[length];
    double total = 0;
    for (int i = 0; i < length; i++) {
      raw[i] = 0.2 + random.nextDouble();
      total += raw[i];
    }
    for (int i = 0; i < length; i++) {
      probabilities[offset + i] = (float) (raw[i] / total);
      logits[offset + i] = (float) Math.log(probabilities[offset + i]);
    }
  }
}
