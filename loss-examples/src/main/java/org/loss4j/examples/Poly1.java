package org.loss4j.examples;

import java.util.Arrays;
import org.loss4j.api.AbstractLoss;
import org.loss4j.api.DType;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Operands;
import org.loss4j.api.Reduction;
import org.loss4j.api.Tensor;

/**
 * The Poly-1 cross-entropy of PolyLoss (Leng et al., 2022, "PolyLoss: A Polynomial Expansion
 * Perspective of Classification Loss Functions"): categorical cross-entropy plus a first-order
 * term that raises the weight of the target class's probability.
 *
 * <pre>{@code
 * loss = -sum_c yTrue[c] * log(p[c]) + epsilon * (1 - pT),   pT = sum_c yTrue[c] * p[c]
 * }</pre>
 *
 * <p>The class axis is the last one. With {@code from_logits = false}, {@code p} is
 * {@code yPred / sum(yPred)} clipped to {@code [EPSILON_CLIP, 1 - EPSILON_CLIP]}, as Keras's
 * {@code CategoricalCrossentropy} does ({@code EPSILON_CLIP} is the float32 value of 1e-7); the
 * gradient is zero where the clip is active. With {@code from_logits = true}, {@code p} is the
 * softmax of {@code yPred}, and {@code log(p)} is computed as a stable log-softmax. Targets may be
 * one-hot or soft (then {@code pT} is their expected probability). {@code epsilon = 0} gives plain
 * categorical cross-entropy; the paper's default and best-known setting is {@code epsilon = 1}.
 * NaN in an input gives NaN.
 *
 * <p>Gradient with respect to the logits {@code z}, with {@code S = sum_c yTrue[c]}:
 *
 * <pre>{@code dloss/dz[j] = p[j] * S - yTrue[j] - epsilon * (yTrue[j] * p[j] - p[j] * pT)}</pre>
 *
 * <p>With respect to probabilities, through {@code q = yPred / s}, {@code s = sum(yPred)}:
 * {@code dloss/dyPred[j] = (a[j] - sum_c a[c] * q[c]) / s} with
 * {@code a[c] = -yTrue[c] / q[c] - epsilon * yTrue[c]} (0 where clipped).
 *
 * <pre>{@code
 * Loss poly1 = Poly1.builder().build();   // epsilon 1, probabilities
 * poly1.perSample(
 *     Tensor.of(new float[][] {{0, 1, 0}, {0, 0, 1}}),
 *     Tensor.of(new float[][] {{0.05f, 0.95f, 0f}, {0.1f, 0.8f, 0.1f}}));
 * // [0.1013, 3.2026]: Keras's documented cross-entropies [0.0513, 2.303] plus 1 - [0.95, 0.1]
 * }</pre>
 *
 * <h2>Known limitations</h2>
 *
 * <p>Integer (sparse) labels and an {@code axis} other than the last are not supported.
 */
public final class Poly1 extends AbstractLoss {
  /** Keras's clipping epsilon, {@code 1e-7} as a float32 value. */
  static final double EPSILON_CLIP = (float) 1e-7;

  /** The smallest accepted {@code epsilon}: below it the loss can decrease as pT grows worse. */
  static final double MIN_EPSILON = -1.0;

  private final double epsilon;
  private final boolean fromLogits;

  private Poly1(Builder builder) {
    super(builder.name, builder.reduction, builder.dtype);
    this.epsilon = builder.epsilon;
    this.fromLogits = builder.fromLogits;
  }

  /** Returns a builder with the defaults: epsilon 1, probabilities, sum_over_batch_size. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the weight of the first polynomial term. */
  public double epsilon() {
    return epsilon;
  }

  /** Returns whether {@code y_pred} holds logits. */
  public boolean fromLogits() {
    return fromLogits;
  }

  @Override
  public LossConfig config() {
    return LossConfig.builder(Poly1Provider.NAME)
        .put("epsilon", epsilon)
        .put("from_logits", fromLogits)
        .put("reduction", reduction().kerasName())
        .put("name", name())
        .put("dtype", dtype().kerasName())
        .build();
  }

  @Override
  protected int[] perSampleShape(Operands operands) {
    int[] trueShape = operands.yTrueShape();
    int[] predShape = operands.yPredShape();
    if (!Arrays.equals(trueShape, predShape)) {
      throw new IllegalArgumentException("Poly1: y_true shape " + Tensor.formatShape(trueShape)
          + " must equal y_pred shape " + Tensor.formatShape(predShape));
    }
    if (predShape.length == 0 || predShape[predShape.length - 1] == 0) {
      throw new IllegalArgumentException("Poly1: y_pred shape " + Tensor.formatShape(predShape)
          + " must have a non-empty class axis");
    }
    return Arrays.copyOf(predShape, predShape.length - 1);
  }

  @Override
  protected void forward(Operands operands, double[] perSample) {
    int classes = classes(operands);
    double[] p = new double[classes];
    double[] logP = new double[classes];
    for (int row = 0; row < perSample.length; row++) {
      int offset = row * classes;
      probabilities(operands.yPred(), offset, p, logP);
      double crossEntropy = 0;
      double pT = 0;
      for (int c = 0; c < classes; c++) {
        double target = operands.yTrue()[offset + c];
        crossEntropy -= target * logP[c];
        pT += target * p[c];
      }
      perSample[row] = crossEntropy + epsilon * (1 - pT);
    }
  }

  @Override
  protected void backward(Operands operands, double[] upstream, double[] gradient) {
    int classes = classes(operands);
    double[] p = new double[classes];
    double[] logP = new double[classes];
    double[] a = new double[classes];
    double[] yTrue = operands.yTrue();
    double[] yPred = operands.yPred();
    for (int row = 0; row < upstream.length; row++) {
      if (upstream[row] == 0) {
        continue;
      }
      int offset = row * classes;
      probabilities(yPred, offset, p, logP);
      double targets = 0;
      double pT = 0;
      for (int c = 0; c < classes; c++) {
        targets += yTrue[offset + c];
        pT += yTrue[offset + c] * p[c];
      }
      if (fromLogits) {
        for (int j = 0; j < classes; j++) {
          double y = yTrue[offset + j];
          gradient[offset + j] = upstream[row]
              * (p[j] * targets - y - epsilon * (y * p[j] - p[j] * pT));
        }
        continue;
      }
      double sum = rowSum(yPred, offset, classes);
      double weighted = 0;
      for (int c = 0; c < classes; c++) {
        double q = yPred[offset + c] / sum;
        boolean clipped = q < EPSILON_CLIP || q > 1 - EPSILON_CLIP;
        double y = yTrue[offset + c];
        a[c] = clipped ? 0.0 : -y / p[c] - epsilon * y;
        weighted += a[c] * q;
      }
      for (int j = 0; j < classes; j++) {
        gradient[offset + j] = upstream[row] * (a[j] - weighted) / sum;
      }
    }
  }

  private static int classes(Operands operands) {
    int[] shape = operands.yPredShape();
    return shape[shape.length - 1];
  }

  /** Fills {@code p} and {@code log(p)} for the row starting at {@code offset}. */
  private void probabilities(double[] yPred, int offset, double[] p, double[] logP) {
    int classes = p.length;
    if (fromLogits) {
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < classes; c++) {
        max = Math.max(max, yPred[offset + c]);
      }
      double total = 0;
      for (int c = 0; c < classes; c++) {
        total += Math.exp(yPred[offset + c] - max);
      }
      double logTotal = max + Math.log(total);
      for (int c = 0; c < classes; c++) {
        logP[c] = yPred[offset + c] - logTotal;
        p[c] = Math.exp(logP[c]);
      }
      return;
    }
    double sum = rowSum(yPred, offset, classes);
    for (int c = 0; c < classes; c++) {
      p[c] = Math.min(1 - EPSILON_CLIP, Math.max(EPSILON_CLIP, yPred[offset + c] / sum));
      logP[c] = Math.log(p[c]);
    }
  }

  private static double rowSum(double[] values, int offset, int length) {
    double sum = 0;
    for (int c = 0; c < length; c++) {
      sum += values[offset + c];
    }
    return sum;
  }

  /** Collects the arguments of a {@link Poly1}; every one has a default. */
  public static final class Builder {
    private double epsilon = 1.0;
    private boolean fromLogits;
    private Reduction reduction = Reduction.SUM_OVER_BATCH_SIZE;
    private String name = Poly1Provider.NAME;
    private DType dtype = DType.FLOAT32;

    private Builder() {}

    /**
     * Sets the weight of {@code (1 - pT)}; default 1.
     *
     * @param epsilon finite and {@code >= -1}
     */
    public Builder epsilon(double epsilon) {
      this.epsilon = epsilon;
      return this;
    }

    /** Sets whether {@code y_pred} holds logits; default false. */
    public Builder fromLogits(boolean fromLogits) {
      this.fromLogits = fromLogits;
      return this;
    }

    /** Sets the reduction; default {@code sum_over_batch_size}. */
    public Builder reduction(Reduction reduction) {
      this.reduction = reduction;
      return this;
    }

    /** Sets the {@code name}; default {@code "poly1"}. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /** Sets the compute type; default float32. */
    public Builder dtype(DType dtype) {
      this.dtype = dtype;
      return this;
    }

    /**
     * Returns the loss.
     *
     * @throws IllegalArgumentException if epsilon is not finite or below -1, or dtype is not a
     *     floating-point type
     */
    public Poly1 build() {
      if (!(epsilon >= MIN_EPSILON) || Double.isInfinite(epsilon)) {
        throw new IllegalArgumentException(
            "Poly1: epsilon must be a finite number >= " + MIN_EPSILON + ", got " + epsilon);
      }
      return new Poly1(this);
    }
  }
}
