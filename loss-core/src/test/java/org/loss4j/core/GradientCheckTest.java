package org.loss4j.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.Reduction;
import org.loss4j.api.Tensor;

/**
 * Checks every loss's analytic gradient against central finite differences of its own
 * {@code compute} in float64: both {@code from_logits} settings, label smoothing, class axes
 * other than the last, sample weights of shape {@code [batch]}, {@code [batch, 1]} and
 * per-timestep, and every reduction ({@code none} with a non-trivial upstream gradient).
 *
 * <p>Inputs are drawn from a seeded generator away from the clipping bounds, where the loss is
 * smooth; probabilities for the categorical losses deliberately do not sum to 1, so that the
 * renormalisation's Jacobian is exercised.
 */
class GradientCheckTest {
  /** Central-difference step, relative to {@code max(1, |x|)}. */
  private static final double STEP = 1e-6;
  /** Truncation error of the central difference is about STEP^2 * f''' ~ 1e-8 here. */
  private static final double GRADIENT_RTOL = 1e-5;
  private static final double GRADIENT_ATOL = 1e-8;
  private static final List<Reduction> REDUCTIONS = List.of(Reduction.SUM_OVER_BATCH_SIZE,
      Reduction.SUM, Reduction.MEAN_WITH_SAMPLE_WEIGHT, Reduction.NONE);

  /** One loss configuration with inputs; {@code loss} builds it for a reduction. */
  private static final class Scenario {
    final String name;
    final Function<Reduction, Loss> loss;
    final Tensor yTrue;
    final Tensor yPred;
    final Tensor weight;

    Scenario(String name, Function<Reduction, Loss> loss, Tensor yTrue, Tensor yPred,
        Tensor weight) {
      this.name = name;
      this.loss = loss;
      this.yTrue = yTrue;
      this.yPred = yPred;
      this.weight = weight;
    }
  }

  @TestFactory
  Stream<DynamicTest> analyticGradientMatchesCentralDifferences() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Scenario scenario : scenarios()) {
      for (Reduction reduction : REDUCTIONS) {
        tests.add(DynamicTest.dynamicTest(scenario.name + ", " + reduction.kerasName(),
            () -> check(scenario, scenario.loss.apply(reduction))));
      }
    }
    return tests.stream();
  }

  private static List<Scenario> scenarios() {
    Random random = new Random(20261204);
    List<Scenario> all = new ArrayList<>();
    all.add(new Scenario("BCE probabilities, weight [batch]",
        r -> BinaryCrossentropy.builder().reduction(r).dtype(DType.FLOAT64).build(),
        binaryLabels(random, 3, 4), uniform(random, 0.05, 0.95, 3, 4),
        uniform(random, 0.5, 2, 3)));
    all.add(new Scenario("BCE logits, label_smoothing 0.1, weight [batch, 1]",
        r -> BinaryCrossentropy.builder().fromLogits(true).labelSmoothing(0.1).reduction(r)
            .dtype(DType.FLOAT64).build(),
        binaryLabels(random, 3, 4), uniform(random, -4, 4, 3, 4),
        uniform(random, 0.5, 2, 3, 1)));
    all.add(new Scenario("BCE probabilities, axis 1 of rank 3, per-timestep weight",
        r -> BinaryCrossentropy.builder().axis(1).labelSmoothing(0.2).reduction(r)
            .dtype(DType.FLOAT64).build(),
        binaryLabels(random, 2, 3, 4), uniform(random, 0.05, 0.95, 2, 3, 4),
        uniform(random, 0.5, 2, 2, 4)));
    all.add(new Scenario("BCE logits, axis 1 of rank 3, weight [batch]",
        r -> BinaryCrossentropy.builder().fromLogits(true).axis(1).reduction(r)
            .dtype(DType.FLOAT64).build(),
        binaryLabels(random, 2, 3, 4), uniform(random, -4, 4, 2, 3, 4),
        uniform(random, 0.5, 2, 2)));
    all.add(new Scenario("CCE unnormalised probabilities, weight [batch]",
        r -> CategoricalCrossentropy.builder().reduction(r).dtype(DType.FLOAT64).build(),
        oneHot(random, 3, 4), uniform(random, 0.1, 1, 3, 4), uniform(random, 0.5, 2, 3)));
    all.add(new Scenario("CCE probabilities, label_smoothing 0.1, axis 1, per-timestep weight",
        r -> CategoricalCrossentropy.builder().labelSmoothing(0.1).axis(1).reduction(r)
            .dtype(DType.FLOAT64).build(),
        softLabels(random, 2, 3, 4), uniform(random, 0.1, 1, 2, 3, 4),
        uniform(random, 0.5, 2, 2, 4)));
    all.add(new Scenario("CCE logits, weight [batch, 1]",
        r -> CategoricalCrossentropy.builder().fromLogits(true).reduction(r)
            .dtype(DType.FLOAT64).build(),
        oneHot(random, 3, 4), uniform(random, -3, 3, 3, 4), uniform(random, 0.5, 2, 3, 1)));
    all.add(new Scenario("CCE logits, label_smoothing 0.1, axis 1, weight [batch]",
        r -> CategoricalCrossentropy.builder().fromLogits(true).labelSmoothing(0.1).axis(1)
            .reduction(r).dtype(DType.FLOAT64).build(),
        softLabels(random, 2, 3, 4), uniform(random, -3, 3, 2, 3, 4),
        uniform(random, 0.5, 2, 2)));
    all.add(new Scenario("SCCE unnormalised probabilities, labels [batch], weight [batch]",
        r -> SparseCategoricalCrossentropy.builder().reduction(r).dtype(DType.FLOAT64).build(),
        Tensor.of(new int[] {0, 3, 1}), uniform(random, 0.1, 1, 3, 4),
        uniform(random, 0.5, 2, 3)));
    all.add(new Scenario("SCCE probabilities, labels [batch, 1], weight [batch, 1]",
        r -> SparseCategoricalCrossentropy.builder().reduction(r).dtype(DType.FLOAT64).build(),
        Tensor.ofInts(new int[] {2, 0, 1}, 3, 1), uniform(random, 0.1, 1, 3, 3),
        uniform(random, 0.5, 2, 3, 1)));
    all.add(new Scenario("SCCE logits, axis 1 of rank 3, per-timestep weight",
        r -> SparseCategoricalCrossentropy.builder().fromLogits(true).axis(1).reduction(r)
            .dtype(DType.FLOAT64).build(),
        Tensor.ofInts(new int[] {0, 1, 2, 1, 2, 2, 0, 1}, 2, 4),
        uniform(random, -3, 3, 2, 3, 4), uniform(random, 0.5, 2, 2, 4)));
    all.add(new Scenario("SCCE logits, ignore_class -1, weight [batch]",
        r -> SparseCategoricalCrossentropy.builder().fromLogits(true).ignoreClass(-1)
            .reduction(r).dtype(DType.FLOAT64).build(),
        Tensor.of(new int[] {2, -1, 0, 1}), uniform(random, -3, 3, 4, 3),
        uniform(random, 0.5, 2, 4)));
    all.add(new Scenario("Poisson, weight [batch]",
        r -> Poisson.builder().reduction(r).dtype(DType.FLOAT64).build(),
        counts(random, 3, 4), uniform(random, 0.5, 3, 3, 4), uniform(random, 0.5, 2, 3)));
    all.add(new Scenario("Poisson, rank 3, per-timestep weight",
        r -> Poisson.builder().reduction(r).dtype(DType.FLOAT64).build(),
        counts(random, 2, 3, 4), uniform(random, 0.5, 3, 2, 3, 4),
        uniform(random, 0.5, 2, 2, 3)));
    all.add(new Scenario("KLDivergence with zeros in y_true, weight [batch, 1]",
        r -> KLDivergence.builder().reduction(r).dtype(DType.FLOAT64).build(),
        Tensor.of(new double[][] {{0, 0.3, 0.7, 0}, {0.25, 0.25, 0.25, 0.25}, {1, 0, 0, 0}}),
        uniform(random, 0.05, 0.95, 3, 4), uniform(random, 0.5, 2, 3, 1)));
    all.add(new Scenario("KLDivergence, rank 3, per-timestep weight",
        r -> KLDivergence.builder().reduction(r).dtype(DType.FLOAT64).build(),
        uniform(random, 0, 1, 2, 3, 4), uniform(random, 0.05, 0.95, 2, 3, 4),
        uniform(random, 0.5, 2, 2, 3)));
    return all;
  }

  private static void check(Scenario scenario, Loss loss) {
    Tensor upstream = loss.reduction() == Reduction.NONE
        ? uniform(new Random(7), -1, 2, loss.perSample(scenario.yTrue, scenario.yPred).shape())
        : null;

    double[] analytic = loss.gradient(scenario.yTrue, scenario.yPred, scenario.weight, null,
        upstream).toDoubleArray();

    double[] numeric = centralDifferences(
        x -> objective(loss, scenario, x, upstream), scenario.yPred.toDoubleArray());
    for (int i = 0; i < numeric.length; i++) {
      double tolerance = GRADIENT_ATOL + GRADIENT_RTOL * Math.abs(numeric[i]);
      int index = i;
      assertTrue(Math.abs(analytic[i] - numeric[i]) <= tolerance,
          () -> "element " + index + ": analytic " + analytic[index] + ", central difference "
              + numeric[index]);
    }
  }

  /** Returns what the gradient differentiates: the reduced loss, or upstream · per-sample. */
  private static double objective(Loss loss, Scenario scenario, double[] yPred,
      Tensor upstream) {
    Tensor values = loss.compute(scenario.yTrue, Tensor.of(yPred, scenario.yPred.shape()),
        scenario.weight);
    if (upstream == null) {
      return values.doubleValue();
    }
    double total = 0;
    for (int i = 0; i < values.size(); i++) {
      total += upstream.getDouble(i) * values.getDouble(i);
    }
    return total;
  }

  /** Returns {@code (f(x + h e_i) - f(x - h e_i)) / 2h} for every coordinate {@code i}. */
  static double[] centralDifferences(Function<double[], Double> f, double[] x) {
    double[] gradient = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double h = STEP * Math.max(1, Math.abs(x[i]));
      double[] plus = x.clone();
      double[] minus = x.clone();
      plus[i] += h;
      minus[i] -= h;
      gradient[i] = (f.apply(plus) - f.apply(minus)) / (plus[i] - minus[i]);
    }
    return gradient;
  }

  @Test
  void centralDifferencesOfAQuadraticAreExact() {
    double[] x = {1.5, -2.0};

    double[] gradient = centralDifferences(v -> v[0] * v[0] + 3 * v[1], x);

    // d/dx0 x0^2 = 2 * 1.5 = 3; d/dx1 3 x1 = 3: central differences are exact for quadratics.
    assertArrayEquals(new double[] {3.0, 3.0}, gradient, 1e-8);
  }

  static Tensor uniform(Random random, double low, double high, int... shape) {
    double[] values = new double[size(shape)];
    for (int i = 0; i < values.length; i++) {
      values[i] = low + (high - low) * random.nextDouble();
    }
    return Tensor.of(values, shape);
  }

  private static Tensor binaryLabels(Random random, int... shape) {
    double[] values = new double[size(shape)];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextBoolean() ? 1 : 0;
    }
    return Tensor.of(values, shape);
  }

  private static Tensor counts(Random random, int... shape) {
    double[] values = new double[size(shape)];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextInt(5);
    }
    return Tensor.of(values, shape);
  }

  /** Returns one-hot rows along the last axis of a rank-2 shape. */
  private static Tensor oneHot(Random random, int rows, int classes) {
    double[] values = new double[rows * classes];
    for (int r = 0; r < rows; r++) {
      values[r * classes + random.nextInt(classes)] = 1;
    }
    return Tensor.of(values, rows, classes);
  }

  /** Returns soft labels: any non-negative values; the loss does not require them to sum to 1. */
  private static Tensor softLabels(Random random, int... shape) {
    return uniform(random, 0, 1, shape);
  }

  private static int size(int[] shape) {
    int size = 1;
    for (int dim : shape) {
      size *= dim;
    }
    return size;
  }
}
