package org.loss4j.cli.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.Tensor;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.core.kernel.KernelPath;

/**
 * The demo on the bundled public datasets: softmax regression on the handwritten digits,
 * logistic regression on the breast-cancer data with the binary and the focal loss, Poisson
 * regression on the Linnerud exercise counts, a table of every installed loss on these
 * predictions, and a PNG chart of the training curves.
 *
 * <p>Every model is trained with the gradients of loss4j's losses, looked up by name. Splits and
 * batch orders come from {@link #SEED}, so every run prints the same numbers.
 */
public final class Demo {
  /** The seed of every split and shuffle. */
  public static final long SEED = 20_240_517L;
  /** The share of each dataset held out for testing. */
  static final double TEST_FRACTION = 0.25;

  private final LossRegistry registry;
  private final PrintWriter out;

  /**
   * Creates the demo.
   *
   * @param registry where the losses are looked up by name; never null
   * @param out where the report goes; never null
   */
  public Demo(LossRegistry registry, PrintWriter out) {
    this.registry = registry;
    this.out = out;
  }

  /**
   * Runs everything and writes the chart.
   *
   * @return the softmax regression's accuracy on the digits' test set
   * @throws IllegalArgumentException if a loss the demo trains with is not installed
   */
  public double run(Path chart) throws IOException {
    long started = System.nanoTime();
    List<Training> trainings = new ArrayList<>();
    Predictions predictions = new Predictions();
    double digitsAccuracy = digits(trainings, predictions);
    cancer(trainings, predictions);
    linnerud(predictions);
    new LossTable(registry, out).print(predictions);
    TrainingChart.write(chart, trainings);
    out.println();
    out.println("Training curves written to " + chart);
    out.println("float32 kernels: " + KernelPath.describeActive());
    out.println(String.format(Locale.ROOT, "Demo finished in %.1f s; digits test accuracy %.2f%%",
        (System.nanoTime() - started) / 1e9, 100 * digitsAccuracy));
    out.flush();
    return digitsAccuracy;
  }

  private double digits(List<Training> trainings, Predictions predictions) {
    Dataset[] split = Dataset.digits().split(TEST_FRACTION, SEED);
    Dataset train = split[0];
    Dataset test = split[1];
    out.println("== Softmax regression on the handwritten digits (UCI, 8x8 pixels)");
    out.println(String.format(Locale.ROOT,
        "   %d training and %d test images; categorical_crossentropy from logits", train.size(),
        test.size()));
    Loss loss = registry.create("categorical_crossentropy", Map.of("from_logits", true));
    Training training = new Training("digits: categorical cross-entropy", loss, Link.IDENTITY,
        Demo::oneHot, Demo::argmaxAccuracy);
    LinearModel model = new LinearModel(64, new double[10]);
    training.fit(model, train, test, new Training.Schedule(20, 32, 0.05, 0.9, SEED), out);
    double accuracy = training.accuracy(model, test);
    out.println(String.format(Locale.ROOT,
        "   result: train loss %.4f, test loss %.4f, test accuracy %.2f%%",
        training.trainCurve().get(training.trainCurve().size() - 1),
        training.testCurve().get(training.testCurve().size() - 1), 100 * accuracy));
    out.println();
    trainings.add(training);
    Tensor logits = training.predict(model, test);
    predictions.digitLabels = test.targets();
    predictions.digitLogits = logits.toDoubleArray();
    return accuracy;
  }

  private void cancer(List<Training> trainings, Predictions predictions) {
    Dataset[] split = Dataset.breastCancer().split(TEST_FRACTION, SEED);
    Dataset train = split[0].standardisedBy(split[0]);
    Dataset test = split[1].standardisedBy(split[0]);
    out.println("== Logistic regression on breast cancer (UCI Wisconsin diagnostic, 30 features)");
    out.println(String.format(Locale.ROOT,
        "   %d training and %d test tumours; features standardised by the training set",
        train.size(), test.size()));
    String[][] losses = {
      {"binary_crossentropy", "cancer: binary cross-entropy"},
      {"binary_focal_crossentropy", "cancer: binary focal cross-entropy"}
    };
    for (String[] entry : losses) {
      Loss loss = registry.create(entry[0], Map.of("from_logits", true));
      out.println("   " + entry[0] + " from logits" + focalNote(loss));
      Training training = new Training(entry[1], loss, Link.IDENTITY,
          rows -> Tensor.of(rows), Demo::signAccuracy);
      LinearModel model = new LinearModel(30, new double[1]);
      training.fit(model, train, test, new Training.Schedule(15, 32, 0.05, 0.9, SEED), out);
      out.println(String.format(Locale.ROOT,
          "   result: train loss %.4f, test loss %.4f, test accuracy %.2f%%",
          training.trainCurve().get(training.trainCurve().size() - 1),
          training.testCurve().get(training.testCurve().size() - 1),
          100 * training.accuracy(model, test)));
      trainings.add(training);
      if (predictions.cancerLogits == null) {
        predictions.cancerLabels = test.targets();
        predictions.cancerLogits = training.predict(model, test).toDoubleArray();
      }
    }
    out.println();
  }

  private static String focalNote(Loss loss) {
    return loss.config().has("gamma") ? " (gamma " + loss.config().get("gamma") + ")" : "";
  }

  private void linnerud(Predictions predictions) {
    Dataset data = Dataset.linnerud();
    Dataset standardised = data.standardisedBy(data);
    out.println("== Poisson regression on the Linnerud exercise counts (20 men)");
    out.println("   sit-ups and jumps ~ exp(a + b * chin-ups), in-sample"
        + " (too few men to hold out)");
    double[] mean = new double[2];
    for (double[] row : data.targets()) {
      mean[0] += row[0] / data.size();
      mean[1] += row[1] / data.size();
    }
    Loss loss = registry.create("poisson");
    Training training = new Training("linnerud: poisson", loss, Link.EXP,
        rows -> Tensor.of(rows), null);
    LinearModel constant = new LinearModel(1, new double[] {Math.log(mean[0]),
        Math.log(mean[1])});
    double baseline = training.evaluate(constant, standardised);
    LinearModel model = new LinearModel(1, new double[] {Math.log(mean[0]),
        Math.log(mean[1])});
    training.fit(model, standardised, standardised,
        new Training.Schedule(40, 20, 0.005, 0.9, SEED).printingEvery(10), out);
    double fitted = training.evaluate(model, standardised);
    out.println(String.format(Locale.ROOT,
        "   result: poisson loss %.4f with chin-ups, %.4f for constant rates (the means)",
        fitted, baseline));
    out.println("   (Keras's Poisson loss omits the log(y_true!) term, so large counts make it"
        + " negative; lower is better)");
    out.println();
    predictions.counts = data.targets();
    predictions.rates = training.predict(model, standardised).toDoubleArray();
  }

  private static Tensor oneHot(double[][] labels) {
    double[][] encoded = new double[labels.length][10];
    for (int i = 0; i < labels.length; i++) {
      encoded[i][(int) labels[i][0]] = 1.0;
    }
    return Tensor.fromNested(encoded, DType.FLOAT32);
  }

  private static double argmaxAccuracy(double[] prediction, int outputs, double[][] targets) {
    int correct = 0;
    for (int i = 0; i < targets.length; i++) {
      int best = 0;
      for (int k = 1; k < outputs; k++) {
        if (prediction[i * outputs + k] > prediction[i * outputs + best]) {
          best = k;
        }
      }
      correct += best == (int) targets[i][0] ? 1 : 0;
    }
    return (double) correct / targets.length;
  }

  private static double signAccuracy(double[] prediction, int outputs, double[][] targets) {
    int correct = 0;
    for (int i = 0; i < targets.length; i++) {
      correct += (prediction[i] > 0 ? 1.0 : 0.0) == targets[i][0] ? 1 : 0;
    }
    return (double) correct / targets.length;
  }

  /** The test-set predictions the loss table evaluates every installed loss on. */
  static final class Predictions {
    double[][] digitLabels;
    double[] digitLogits;
    double[][] cancerLabels;
    double[] cancerLogits;
    double[][] counts;
    double[] rates;
  }
}
