package org.loss4j.cli.demo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.Tensor;
import org.loss4j.api.registry.InstalledLoss;
import org.loss4j.api.registry.LossRegistry;

/**
 * Prints every installed loss, with its default configuration, evaluated on the demo's real
 * test-set predictions, the inputs chosen by the kind of loss its name says it is.
 *
 * <p>Binary losses get the breast-cancer labels and predicted probabilities; categorical ones and
 * KL divergence the one-hot digits and softmax probabilities; sparse ones the digit labels;
 * Poisson the Linnerud counts and fitted rates. CTC needs sequences, which none of the datasets
 * has: it gets synthetic sequences of three test digits whose frames are the digit model's real
 * logits, with a blank frame after each digit. A loss whose name says nothing gets the first set
 * of inputs it accepts.
 */
final class LossTable {
  /** The logit given to a class that a frame of the synthetic CTC sequences rules out. */
  private static final double RULED_OUT = -10.0;
  private static final int DIGITS_PER_SEQUENCE = 3;

  private final LossRegistry registry;
  private final PrintWriter out;

  LossTable(LossRegistry registry, PrintWriter out) {
    this.registry = registry;
    this.out = out;
  }

  /** One set of inputs: {@code y_true}, {@code y_pred} and what they are. */
  private static final class Inputs {
    final String description;
    final Tensor yTrue;
    final Tensor yPred;

    Inputs(String description, Tensor yTrue, Tensor yPred) {
      this.description = description;
      this.yTrue = yTrue;
      this.yPred = yPred;
    }
  }

  void print(Demo.Predictions predictions) {
    Inputs binary = binary(predictions);
    Inputs categorical = categorical(predictions);
    Inputs sparse = sparse(predictions);
    Inputs counts = new Inputs("Linnerud counts vs fitted Poisson rates",
        Tensor.of(predictions.counts), Tensor.of(predictions.rates, predictions.counts.length,
            predictions.counts[0].length));
    Inputs sequences = sequences(predictions);
    List<InstalledLoss> installed = registry.installed();
    out.println("== Every installed loss (" + installed.size()
        + ") on the test-set predictions above, default configuration");
    out.println(String.format(Locale.ROOT, "   %-30s %12s  %s", "loss", "value", "inputs"));
    for (InstalledLoss entry : installed) {
      String name = entry.provider().name().toLowerCase(Locale.ROOT);
      List<Inputs> candidates = new ArrayList<>();
      if (name.contains("ctc")) {
        candidates.add(sequences);
      } else if (name.contains("sparse")) {
        candidates.add(sparse);
      } else if (name.contains("binary")) {
        candidates.add(binary);
      } else if (name.contains("categorical") || name.contains("kl_")
          || name.contains("kullback")) {
        candidates.add(categorical);
      } else if (name.contains("poisson")) {
        candidates.add(counts);
      } else {
        candidates.addAll(List.of(categorical, binary, sparse, counts, sequences));
      }
      out.println("   " + row(entry, candidates, candidates.size() > 1));
    }
    out.flush();
  }

  private String row(InstalledLoss entry, List<Inputs> candidates, boolean guessed) {
    String className = entry.provider().className();
    String refusal = "";
    Loss loss;
    try {
      loss = registry.create(entry.provider().name());
    } catch (RuntimeException e) {
      return String.format(Locale.ROOT, "%-30s %12s  cannot be built: %s", className, "-",
          e.getMessage());
    }
    for (Inputs inputs : candidates) {
      try {
        double value = loss.compute(inputs.yTrue, inputs.yPred).doubleValue();
        return String.format(Locale.ROOT, "%-30s %12.6f  %s%s", className, value,
            inputs.description, guessed ? " (first inputs it accepted)" : "");
      } catch (RuntimeException e) {
        refusal = e.getMessage();
      }
    }
    return String.format(Locale.ROOT, "%-30s %12s  refused every input: %s", className, "-",
        refusal);
  }

  private static Inputs binary(Demo.Predictions predictions) {
    int n = predictions.cancerLabels.length;
    double[] probabilities = new double[n];
    for (int i = 0; i < n; i++) {
      probabilities[i] = 1.0 / (1.0 + Math.exp(-predictions.cancerLogits[i]));
    }
    return new Inputs("breast-cancer labels vs predicted probabilities (BCE model)",
        Tensor.of(predictions.cancerLabels), Tensor.of(probabilities, n, 1));
  }

  private static double[] softmax(double[] logits, int classes) {
    double[] result = new double[logits.length];
    for (int row = 0; row < logits.length / classes; row++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < classes; k++) {
        max = Math.max(max, logits[row * classes + k]);
      }
      double sum = 0;
      for (int k = 0; k < classes; k++) {
        result[row * classes + k] = Math.exp(logits[row * classes + k] - max);
        sum += result[row * classes + k];
      }
      for (int k = 0; k < classes; k++) {
        result[row * classes + k] /= sum;
      }
    }
    return result;
  }

  private static Inputs categorical(Demo.Predictions predictions) {
    int n = predictions.digitLabels.length;
    double[][] oneHot = new double[n][10];
    for (int i = 0; i < n; i++) {
      oneHot[i][(int) predictions.digitLabels[i][0]] = 1.0;
    }
    return new Inputs("one-hot test digits vs softmax probabilities", Tensor.of(oneHot),
        Tensor.of(softmax(predictions.digitLogits, 10), n, 10));
  }

  private static Inputs sparse(Demo.Predictions predictions) {
    int n = predictions.digitLabels.length;
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = (int) predictions.digitLabels[i][0];
    }
    return new Inputs("test digit labels vs softmax probabilities", Tensor.of(labels),
        Tensor.of(softmax(predictions.digitLogits, 10), n, 10));
  }

  /**
   * Returns sequences of three consecutive test digits: six frames of 11 classes (0 is the
   * blank), a digit's frame holding the model's logits and ruling out the blank, and a blank
   * frame after each digit ruling out every digit; the label is the three digits plus 1.
   */
  private static Inputs sequences(Demo.Predictions predictions) {
    int sequences = predictions.digitLabels.length / DIGITS_PER_SEQUENCE;
    int frames = 2 * DIGITS_PER_SEQUENCE;
    int classes = 11;
    double[] logits = new double[sequences * frames * classes];
    double[] labels = new double[sequences * DIGITS_PER_SEQUENCE];
    for (int s = 0; s < sequences; s++) {
      for (int d = 0; d < DIGITS_PER_SEQUENCE; d++) {
        int digit = s * DIGITS_PER_SEQUENCE + d;
        labels[digit] = predictions.digitLabels[digit][0] + 1;
        int frame = (s * frames + 2 * d) * classes;
        logits[frame] = RULED_OUT;
        System.arraycopy(predictions.digitLogits, digit * 10, logits, frame + 1, 10);
        int blank = frame + classes;
        for (int k = 1; k < classes; k++) {
          logits[blank + k] = RULED_OUT;
        }
      }
    }
    return new Inputs(sequences + " synthetic sequences of 3 test digits, frames from the"
        + " digit model's logits (synthetic: no dataset has sequences)",
        Tensor.fromDoubles(labels, new int[] {sequences, DIGITS_PER_SEQUENCE}, DType.INT32),
        Tensor.of(logits, sequences, frames, classes));
  }
}
