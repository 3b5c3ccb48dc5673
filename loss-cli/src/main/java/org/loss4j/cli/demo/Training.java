package org.loss4j.cli.demo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.loss4j.api.Loss;
import org.loss4j.api.Tensor;

/**
 * Trains a {@link LinearModel} with a loss4j loss by mini-batch gradient descent, printing one line
 * per epoch and keeping the train and test loss of every epoch for the chart.
 *
 * <p>The gradient of the batch loss with respect to {@code y_pred} is {@link Loss#gradient}; the
 * chain rule through the {@link Link} and the linear layer is done here. Batches follow a shuffle
 * by a seeded generator, so runs are identical.
 */
final class Training {
  private final String title;
  private final Loss loss;
  private final Link link;
  private final Function<double[][], Tensor> targets;
  private final Accuracy accuracy;
  private final List<Double> trainCurve = new ArrayList<>();
  private final List<Double> testCurve = new ArrayList<>();

  /** The fraction of correct predictions, given {@code y_pred} and the target rows. */
  interface Accuracy {
    double of(double[] prediction, int outputs, double[][] targets);
  }

  Training(String title, Loss loss, Link link, Function<double[][], Tensor> targets,
      Accuracy accuracy) {
    this.title = title;
    this.loss = loss;
    this.link = link;
    this.targets = targets;
    this.accuracy = accuracy;
  }

  String title() {
    return title;
  }

  List<Double> trainCurve() {
    return trainCurve;
  }

  List<Double> testCurve() {
    return testCurve;
  }

  Loss loss() {
    return loss;
  }

  /** Returns {@code y_pred} for every row of a dataset, as a tensor {@code [rows, outputs]}. */
  Tensor predict(LinearModel model, Dataset data) {
    double[] prediction = link.apply(model.forward(data.features()));
    return Tensor.of(prediction, data.size(), model.outputs());
  }

  /** Returns the loss of the model on a whole dataset. */
  double evaluate(LinearModel model, Dataset data) {
    return loss.compute(targets.apply(data.targets()), predict(model, data)).doubleValue();
  }

  /** Returns the model's accuracy on a dataset, or NaN when this training has none. */
  double accuracy(LinearModel model, Dataset data) {
    if (accuracy == null) {
      return Double.NaN;
    }
    double[] prediction = link.apply(model.forward(data.features()));
    return accuracy.of(prediction, model.outputs(), data.targets());
  }

  /**
   * Runs the epochs, printing a progress line for each (as the schedule says); when {@code test}
   * is {@code train} (an in-sample fit) one loss is printed and only the train curve kept.
   */
  void fit(LinearModel model, Dataset train, Dataset test, Schedule schedule, PrintWriter out) {
    SplittableRandom random = new SplittableRandom(schedule.seed);
    int[] order = new int[train.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int epoch = 1; epoch <= schedule.epochs; epoch++) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int swap = order[i];
        order[i] = order[j];
        order[j] = swap;
      }
      for (int start = 0; start < order.length; start += schedule.batchSize) {
        int n = Math.min(schedule.batchSize, order.length - start);
        double[][] x = new double[n][];
        double[][] y = new double[n][];
        for (int i = 0; i < n; i++) {
          x[i] = train.features()[order[start + i]];
          y[i] = train.targets()[order[start + i]];
        }
        double[] prediction = link.apply(model.forward(x));
        Tensor gradient = loss.gradient(targets.apply(y),
            Tensor.of(prediction, n, model.outputs()));
        model.step(x, link.chain(gradient.toDoubleArray(), prediction), schedule.rate,
            schedule.momentum);
      }
      double trainLoss = evaluate(model, train);
      double testLoss = test == train ? trainLoss : evaluate(model, test);
      trainCurve.add(trainLoss);
      if (test != train) {
        testCurve.add(testLoss);
      }
      if (epoch % schedule.printEvery != 0 && epoch != schedule.epochs) {
        continue;
      }
      double testAccuracy = accuracy(model, test);
      String losses = test == train ? String.format(Locale.ROOT, "loss %.4f", trainLoss)
          : String.format(Locale.ROOT, "train loss %.4f  test loss %.4f", trainLoss, testLoss);
      out.println(String.format(Locale.ROOT, "   epoch %2d/%d  %s%s", epoch, schedule.epochs,
          losses, Double.isNaN(testAccuracy) ? ""
              : String.format(Locale.ROOT, "  test accuracy %.2f%%", 100 * testAccuracy)));
      out.flush();
    }
  }

  /** The optimiser settings of one training run. */
  static final class Schedule {
    final int epochs;
    final int batchSize;
    final double rate;
    final double momentum;
    final long seed;
    final int printEvery;

    Schedule(int epochs, int batchSize, double rate, double momentum, long seed) {
      this(epochs, batchSize, rate, momentum, seed, 1);
    }

    private Schedule(int epochs, int batchSize, double rate, double momentum, long seed,
        int printEvery) {
      this.epochs = epochs;
      this.batchSize = batchSize;
      this.rate = rate;
      this.momentum = momentum;
      this.seed = seed;
      this.printEvery = printEvery;
    }

    /** Returns this schedule printing a progress line every {@code epochs} epochs only. */
    Schedule printingEvery(int epochs) {
      return new Schedule(this.epochs, batchSize, rate, momentum, seed, epochs);
    }
  }
}
