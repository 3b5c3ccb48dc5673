package org.loss4j.focal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.Tensor;

/**
 * Float64 central finite differences of a reduced loss with respect to {@code y_pred}, the
 * independent check of the analytic gradients.
 */
final class NumericGradient {
  /** The step: small enough for an O(h^2) error near 1e-12, large enough for the round-off. */
  static final double STEP = 1e-6;

  /** Absolute and relative agreement required between the analytic and numeric gradients. */
  static final double TOLERANCE = 1e-6;

  private NumericGradient() {}

  /** Returns {@code (f(x + h e_i) - f(x - h e_i)) / 2h} for every element {@code i}. */
  static double[] of(Loss loss, Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    double[] x = yPred.toDoubleArray();
    double[] gradient = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      double[] plus = x.clone();
      double[] minus = x.clone();
      plus[i] += STEP;
      minus[i] -= STEP;
      double up = value(loss, yTrue, plus, yPred.shape(), sampleWeight);
      double down = value(loss, yTrue, minus, yPred.shape(), sampleWeight);
      gradient[i] = (up - down) / (2 * STEP);
    }
    return gradient;
  }

  private static double value(Loss loss, Tensor yTrue, double[] x, int[] shape, Tensor weight) {
    return loss.compute(yTrue, Tensor.fromDoubles(x, shape, DType.FLOAT64), weight)
        .doubleValue();
  }

  /** Checks the loss's gradient against finite differences, element by element. */
  static void check(Loss loss, Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
    double[] analytic = loss.gradient(yTrue, yPred, sampleWeight).toDoubleArray();

    double[] numeric = of(loss, yTrue, yPred, sampleWeight);

    for (int i = 0; i < numeric.length; i++) {
      double allowed = TOLERANCE * Math.max(1, Math.abs(numeric[i]));
      int element = i;
      assertEquals(numeric[i], analytic[i], allowed,
          () -> loss + ": gradient element " + element + " of " + yPred);
    }
  }
}
