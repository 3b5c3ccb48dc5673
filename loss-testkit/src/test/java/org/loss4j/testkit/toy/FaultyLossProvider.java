package org.loss4j.testkit.toy;

import java.lang.reflect.Field;
import java.util.List;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.LossAndGradient;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Reduction;
import org.loss4j.api.Tensor;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.api.spi.ParameterSpec;

/**
 * Provides {@link ExampleLoss} with one deliberate fault, so the self-tests can show that the kit
 * catches it.
 */
public final class FaultyLossProvider implements LossProvider {
  /** The faults a provider can have. */
  public enum Fault {
    /** {@code compute} and {@code gradient} drop {@code sample_weight}. */
    IGNORES_SAMPLE_WEIGHTS,
    /** {@code gradient} returns the negated gradient. */
    WRONG_GRADIENT_SIGN,
    /** {@code perSample} squares {@code y_pred} in place, using the caller's array as scratch. */
    MUTATES_INPUT,
    /** A {@code y_pred} with another batch size gives a {@code NullPointerException}. */
    NPE_ON_BAD_SHAPE,
    /** {@code gradient} drops the upstream gradient (treats it as ones). */
    IGNORES_UPSTREAM
  }

  private final ExampleLossProvider correct = new ExampleLossProvider();
  private final Fault fault;

  /** Creates a provider whose losses have the given fault. */
  public FaultyLossProvider(Fault fault) {
    this.fault = fault;
  }

  @Override
  public String name() {
    return correct.name();
  }

  @Override
  public String className() {
    return correct.className();
  }

  @Override
  public List<ParameterSpec> parameters() {
    return correct.parameters();
  }

  @Override
  public Loss create(LossConfig config) {
    return new FaultyLoss(correct.create(config), fault);
  }

  /** Delegates to the correct loss, except where the fault strikes. */
  private static final class FaultyLoss implements Loss {
    private final Loss delegate;
    private final Fault fault;

    FaultyLoss(Loss delegate, Fault fault) {
      this.delegate = delegate;
      this.fault = fault;
    }

    @Override
    public String name() {
      return delegate.name();
    }

    @Override
    public Reduction reduction() {
      return delegate.reduction();
    }

    @Override
    public DType dtype() {
      return delegate.dtype();
    }

    @Override
    public LossConfig config() {
      return delegate.config();
    }

    @Override
    public Tensor perSample(Tensor yTrue, Tensor yPred) {
      checkShapes(yTrue, yPred);
      if (fault == Fault.MUTATES_INPUT) {
        squareInPlace(yPred);
      }
      return delegate.perSample(yTrue, yPred);
    }

    @Override
    public Tensor compute(Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask) {
      checkShapes(yTrue, yPred);
      Tensor weights = fault == Fault.IGNORES_SAMPLE_WEIGHTS ? null : sampleWeight;
      return delegate.compute(yTrue, yPred, weights, mask);
    }

    @Override
    public Tensor gradient(
        Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask, Tensor upstream) {
      checkShapes(yTrue, yPred);
      Tensor weights = fault == Fault.IGNORES_SAMPLE_WEIGHTS ? null : sampleWeight;
      Tensor incoming = fault == Fault.IGNORES_UPSTREAM ? null : upstream;
      Tensor gradient = delegate.gradient(yTrue, yPred, weights, mask, incoming);
      if (fault != Fault.WRONG_GRADIENT_SIGN) {
        return gradient;
      }
      double[] values = gradient.toDoubleArray();
      for (int i = 0; i < values.length; i++) {
        values[i] = -values[i];
      }
      return Tensor.fromDoubles(values, gradient.shape(), gradient.dtype());
    }

    @Override
    public LossAndGradient valueAndGradient(
        Tensor yTrue, Tensor yPred, Tensor sampleWeight, Tensor mask) {
      return new LossAndGradient(compute(yTrue, yPred, sampleWeight, mask),
          gradient(yTrue, yPred, sampleWeight, mask, null));
    }

    private void checkShapes(Tensor yTrue, Tensor yPred) {
      if (fault == Fault.NPE_ON_BAD_SHAPE && yTrue.dim(0) != yPred.dim(0)) {
        Object missing = null;
        missing.hashCode();
      }
    }

    /**
     * Writes into the array a {@link Tensor#wrap} view shares, as a careless loss holding such an
     * array would; reflection stands in for that access (the surefire configuration opens the
     * package to this test).
     */
    private static void squareInPlace(Tensor yPred) {
      try {
        Field field = Tensor.class.getDeclaredField("doubles");
        field.setAccessible(true);
        double[] values = (double[]) field.get(yPred);
        if (values != null) {
          for (int i = 0; i < values.length; i++) {
            values[i] = values[i] * values[i];
          }
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot reach the tensor's array", e);
      }
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof FaultyLoss && ((FaultyLoss) other).delegate.equals(delegate)
          && ((FaultyLoss) other).fault == fault;
    }

    @Override
    public int hashCode() {
      return delegate.hashCode() * 31 + fault.hashCode();
    }
  }
}
