package org.loss4j.cli.demo;

/** How a linear model's output {@code z} becomes the {@code y_pred} a loss sees. */
enum Link {
  /** {@code y_pred = z}: logits for a loss with {@code from_logits=true}. */
  IDENTITY,
  /** {@code y_pred = exp(z)}: a positive rate, for the Poisson loss. */
  EXP;

  double[] apply(double[] z) {
    if (this == IDENTITY) {
      return z;
    }
    double[] rates = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      rates[i] = Math.exp(z[i]);
    }
    return rates;
  }

  /** Turns {@code dL/dy_pred} into {@code dL/dz} by the chain rule. */
  double[] chain(double[] gradientOfPrediction, double[] prediction) {
    if (this == IDENTITY) {
      return gradientOfPrediction;
    }
    double[] result = new double[prediction.length];
    for (int i = 0; i < result.length; i++) {
      result[i] = gradientOfPrediction[i] * prediction[i];
    }
    return result;
  }
}
