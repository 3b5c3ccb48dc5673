package org.loss4j.cli.demo;

/**
 * A linear model {@code z = x W + b} trained by stochastic gradient descent with momentum; the
 * loss's gradient with respect to {@code z} comes from loss4j.
 */
final class LinearModel {
  private final int inputs;
  private final int outputs;
  private final double[] weights;
  private final double[] bias;
  private final double[] weightVelocity;
  private final double[] biasVelocity;

  /** Creates a model with zero weights and the given initial bias (length {@code outputs}). */
  LinearModel(int inputs, double[] initialBias) {
    this.inputs = inputs;
    this.outputs = initialBias.length;
    this.weights = new double[inputs * outputs];
    this.bias = initialBias.clone();
    this.weightVelocity = new double[weights.length];
    this.biasVelocity = new double[outputs];
  }

  int outputs() {
    return outputs;
  }

  /** Returns {@code x W + b}, row-major of shape {@code [rows, outputs]}. */
  double[] forward(double[][] x) {
    double[] z = new double[x.length * outputs];
    for (int i = 0; i < x.length; i++) {
      System.arraycopy(bias, 0, z, i * outputs, outputs);
      for (int j = 0; j < inputs; j++) {
        double xij = x[i][j];
        if (xij == 0) {
          continue;
        }
        for (int k = 0; k < outputs; k++) {
          z[i * outputs + k] += xij * weights[j * outputs + k];
        }
      }
    }
    return z;
  }

  /**
   * Takes one step: {@code v = momentum * v - rate * dL/dθ}, {@code θ += v}, with
   * {@code dL/dW = xᵀ dL/dz} and {@code dL/db = Σ dL/dz}.
   */
  void step(double[][] x, double[] gradientOfZ, double rate, double momentum) {
    double[] gradWeights = new double[weights.length];
    double[] gradBias = new double[outputs];
    for (int i = 0; i < x.length; i++) {
      for (int k = 0; k < outputs; k++) {
        double g = gradientOfZ[i * outputs + k];
        gradBias[k] += g;
        for (int j = 0; j < inputs; j++) {
          gradWeights[j * outputs + k] += x[i][j] * g;
        }
      }
    }
    for (int p = 0; p < weights.length; p++) {
      weightVelocity[p] = momentum * weightVelocity[p] - rate * gradWeights[p];
      weights[p] += weightVelocity[p];
    }
    for (int k = 0; k < outputs; k++) {
      biasVelocity[k] = momentum * biasVelocity[k] - rate * gradBias[k];
      bias[k] += biasVelocity[k];
    }
  }
}
