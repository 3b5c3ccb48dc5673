package org.loss4j.api;

/**
 * The inputs of one loss evaluation as a kernel sees them: {@code y_true} and {@code y_pred}
 * brought to compatible ranks by Keras's squeeze-or-expand rule, readable as row-major
 * {@code double} arrays converted to the loss's dtype (float32 values rounded to float, then
 * widened) or, for float32 kernels, as {@code float} arrays.
 *
 * <p>Each view is made on first use: {@link #yPredFloats()} of a float32 tensor is the tensor's
 * own storage, so a float32 kernel reads its input without a copy. Callers must not write any
 * array they get. Instances are created by {@link AbstractLoss} only, one per evaluation; the
 * views may be read from several threads once obtained.
 */
public final class Operands {
  private final Tensor yTrueTensor;
  private final int[] yTrueShape;
  private final Tensor yPredTensor;
  private final int[] yPredShape;
  private final DType dtype;
  private volatile double[] yTrue;
  private volatile double[] yPred;
  private volatile float[] yTrueFloats;
  private volatile float[] yPredFloats;

  Operands(Tensor yTrue, int[] yTrueShape, Tensor yPred, int[] yPredShape, DType dtype) {
    this.yTrueTensor = yTrue;
    this.yTrueShape = yTrueShape;
    this.yPredTensor = yPred;
    this.yPredShape = yPredShape;
    this.dtype = dtype;
  }

  /** Returns the targets in the loss dtype, row-major; do not modify. */
  public double[] yTrue() {
    double[] values = yTrue;
    if (values == null) {
      values = toDtype(yTrueTensor);
      yTrue = values;
    }
    return values;
  }

  /** Returns the shape of {@link #yTrue()} after rank alignment; do not modify. */
  public int[] yTrueShape() {
    return yTrueShape;
  }

  /** Returns the predictions in the loss dtype, row-major; do not modify. */
  public double[] yPred() {
    double[] values = yPred;
    if (values == null) {
      values = toDtype(yPredTensor);
      yPred = values;
    }
    return values;
  }

  /**
   * Returns the targets rounded to float, row-major: integer labels below 2<sup>24</sup> exactly,
   * a float32 tensor without a copy. Do not modify.
   */
  public float[] yTrueFloats() {
    float[] values = yTrueFloats;
    if (values == null) {
      values = toFloats(yTrueTensor);
      yTrueFloats = values;
    }
    return values;
  }

  /** Returns the predictions rounded to float, row-major, without a copy when float32. */
  public float[] yPredFloats() {
    float[] values = yPredFloats;
    if (values == null) {
      values = toFloats(yPredTensor);
      yPredFloats = values;
    }
    return values;
  }

  /** Returns the shape of {@link #yPred()} after rank alignment; do not modify. */
  public int[] yPredShape() {
    return yPredShape;
  }

  /** Returns the shape {@code y_pred} was given in, before rank alignment: the gradient's. */
  int[] givenYPredShape() {
    return yPredTensor.shape();
  }

  /** Returns the loss's compute type. */
  public DType dtype() {
    return dtype;
  }

  /** Returns the dtype {@code y_true} was given in (int32 for integer labels). */
  public DType yTrueDType() {
    return yTrueTensor.dtype();
  }

  /** Returns the rank of {@link #yPred()}. */
  public int yPredRank() {
    return yPredShape.length;
  }

  private double[] toDtype(Tensor tensor) {
    double[] values = tensor.toDoubleArray();
    if (dtype == DType.FLOAT32 && tensor.dtype() == DType.FLOAT64) {
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) values[i];
      }
    }
    return values;
  }

  private static float[] toFloats(Tensor tensor) {
    float[] storage = tensor.floatStorage();
    return storage != null ? storage : tensor.toFloatArray();
  }
}
