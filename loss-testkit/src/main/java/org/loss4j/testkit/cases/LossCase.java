package org.loss4j.testkit.cases;

import java.util.Map;
import java.util.Optional;
import org.loss4j.api.DType;
import org.loss4j.api.Tensor;

/**
 * One conformance case: a loss by name, its Keras-named configuration, the inputs, and either the
 * value the loss must give (within a tolerance) or the fact that it must refuse the inputs.
 *
 * <p>This is the JSON case format that the testkit's data files and the CLI's batch mode share:
 * {@code {"id", "loss", "config", "y_true", "y_pred", "sample_weight", "mask", "y_true_shape",
 * "y_pred_shape", "expected", "rtol", "atol", "note"}}. {@code expected} is a number, nested
 * arrays (reduction none), or {@code {"error": "why"}} for inputs that must be refused.
 */
public final class LossCase {
  private final String id;
  private final String loss;
  private final Map<String, Object> config;
  private final Object yTrue;
  private final Object yPred;
  private final Object sampleWeight;
  private final Object mask;
  private final int[] yTrueShape;
  private final int[] yPredShape;
  private final Object expected;
  private final String expectedError;
  private final double rtol;
  private final double atol;
  private final String note;

  LossCase(Builder builder) {
    this.id = builder.id;
    this.loss = builder.loss;
    this.config = builder.config;
    this.yTrue = builder.yTrue;
    this.yPred = builder.yPred;
    this.sampleWeight = builder.sampleWeight;
    this.mask = builder.mask;
    this.yTrueShape = builder.yTrueShape;
    this.yPredShape = builder.yPredShape;
    this.expected = builder.expected;
    this.expectedError = builder.expectedError;
    this.rtol = builder.rtol;
    this.atol = builder.atol;
    this.note = builder.note;
  }

  /** Returns the stable identifier, such as {@code doc.BinaryCrossentropy#3}. */
  public String id() {
    return id;
  }

  /** Returns the name of the loss, any name the registry accepts. */
  public String loss() {
    return loss;
  }

  /** Returns the Keras-named configuration (possibly holding {@code dtype}). */
  public Map<String, Object> config() {
    return config;
  }

  /** Returns the compute dtype the case asks for ({@code config.dtype}, default float32). */
  public DType dtype() {
    Object dtype = config.get("dtype");
    return DType.parseCompute(dtype == null ? null : dtype.toString());
  }

  /** Returns {@code y_true} as a float64 tensor (labels included; losses convert them). */
  public Tensor yTrue() {
    return tensor(yTrue, yTrueShape);
  }

  /** Returns {@code y_pred} as a float64 tensor. */
  public Tensor yPred() {
    return tensor(yPred, yPredShape);
  }

  /** Returns {@code sample_weight} as a float64 tensor, if the case has one. */
  public Optional<Tensor> sampleWeight() {
    return Optional.ofNullable(sampleWeight).map(value -> tensor(value, null));
  }

  /** Returns the mask as a float64 tensor of 0 and 1, if the case has one. */
  public Optional<Tensor> mask() {
    return Optional.ofNullable(mask).map(value -> tensor(value, null));
  }

  private static Tensor tensor(Object nested, int[] shape) {
    Tensor tensor = Tensor.fromNested(nested, DType.FLOAT64);
    return shape == null ? tensor : tensor.reshape(shape);
  }

  /**
   * Returns the expected value as a float64 tensor (a scalar for a reduced loss), or empty when
   * the case expects an error.
   */
  public Optional<Tensor> expected() {
    return Optional.ofNullable(expected).map(value -> tensor(value, null));
  }

  /** Returns why the inputs must be refused, or empty when the case expects a value. */
  public Optional<String> expectedError() {
    return Optional.ofNullable(expectedError);
  }

  /** Returns the relative tolerance. */
  public double rtol() {
    return rtol;
  }

  /** Returns the absolute tolerance. */
  public double atol() {
    return atol;
  }

  /** Returns where the case and its expected value come from. */
  public String note() {
    return note;
  }

  @Override
  public String toString() {
    return id + " (" + loss + " " + config + ")";
  }

  /** Returns a builder, for cases written in code. */
  public static Builder builder(String id, String loss) {
    return new Builder(id, loss);
  }

  /** Collects the fields of a case. */
  public static final class Builder {
    private final String id;
    private final String loss;
    private Map<String, Object> config = Map.of();
    private Object yTrue;
    private Object yPred;
    private Object sampleWeight;
    private Object mask;
    private int[] yTrueShape;
    private int[] yPredShape;
    private Object expected;
    private String expectedError;
    private double rtol;
    private double atol;
    private String note = "";

    private Builder(String id, String loss) {
      this.id = id;
      this.loss = loss;
    }

    /** Sets the configuration. */
    public Builder config(Map<String, Object> config) {
      this.config = config;
      return this;
    }

    /** Sets {@code y_true} as nested lists or arrays, and optionally its shape. */
    public Builder yTrue(Object values, int[] shape) {
      this.yTrue = values;
      this.yTrueShape = shape;
      return this;
    }

    /** Sets {@code y_pred} as nested lists or arrays, and optionally its shape. */
    public Builder yPred(Object values, int[] shape) {
      this.yPred = values;
      this.yPredShape = shape;
      return this;
    }

    /** Sets the sample weight; null for none. */
    public Builder sampleWeight(Object values) {
      this.sampleWeight = values;
      return this;
    }

    /** Sets the mask; null for none. */
    public Builder mask(Object values) {
      this.mask = values;
      return this;
    }

    /** Sets the expected value and its tolerances. */
    public Builder expected(Object value, double rtol, double atol) {
      this.expected = value;
      this.rtol = rtol;
      this.atol = atol;
      return this;
    }

    /** Says the loss must refuse these inputs, and why. */
    public Builder expectedError(String why) {
      this.expectedError = why;
      return this;
    }

    /** Sets the note on provenance. */
    public Builder note(String note) {
      this.note = note;
      return this;
    }

    /** Returns the case. */
    public LossCase build() {
      return new LossCase(this);
    }
  }
}
