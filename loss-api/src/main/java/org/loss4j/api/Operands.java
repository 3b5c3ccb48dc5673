package org.loss4j.api;

/**
 * The inputs of one loss evaluation as a kernel sees them: {@code y_true} and {@code y_pred} as
 * row-major {@code double} arrays, already converted to the loss's dtype (float32 values are
 * rounded to float, then widened) and already brought to compatible ranks by Keras's
 * squeeze-or-expand rule.
 *
 * <p>The arrays are private copies made for this evaluation: a kernel may read them freely and
 * must not write them. Instances are created by {@link AbstractLoss} only.
 */
public final class Operands {
  private final double[] yTrue;
  private final int[] yTrueShape;
  private final double[] yPred;
  private final int[] yPredShape;
  private final DType dtype;
  private final DType yTrueDType;

  Operands(
      double[] yTrue, int[] yTrueShape, double[] yPred, int[] yPredShape, DType dtype,
      DType yTrueDType) {
    this.yTrue = yTrue;
    this.yTrueShape = yTrueShape;
    this.yPred = yPred;
    this.yPredShape = yPredShape;
    this.dtype = dtype;
    this.yTrueDType = yTrueDType;
  }

  /** Returns the targets, row-major; do not modify. */
  public double[] yTrue() {
    return yTrue;
  }

  /** Returns the shape of {@link #yTrue()} after rank alignment; do not modify. */
  public int[] yTrueShape() {
    return yTrueShape;
  }

  /** Returns the predictions, row-major; do not modify. */
  public double[] yPred() {
    return yPred;
  }

  /** Returns the shape of {@link #yPred()} after rank alignment; do not modify. */
  public int[] yPredShape() {
    return yPredShape;
  }

  /** Returns the loss's compute type. */
  public DType dtype() {
    return dtype;
  }

  /** Returns the dtype {@code y_true} was given in (int32 for integer labels). */
  public DType yTrueDType() {
    return yTrueDType;
  }

  /** Returns the rank of {@link #yPred()}. */
  public int yPredRank() {
    return yPredShape.length;
  }
}
