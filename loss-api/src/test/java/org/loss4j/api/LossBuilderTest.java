package org.loss4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared arguments as {@link LossBuilder} collects them and
 * {@link AbstractLoss#AbstractLoss(String, LossBuilder)} validates and reports them.
 */
class LossBuilderTest {
  /** A loss that only carries the shared arguments: the absolute error, element-wise. */
  static final class AbsoluteError extends AbstractLoss {
    private AbsoluteError(Builder builder) {
      super("absolute_error", builder);
    }

    static Builder builder() {
      return new Builder();
    }

    @Override
    public LossConfig config() {
      return putCommonArguments(LossConfig.builder("absolute_error").put("scale", 1.0)).build();
    }

    @Override
    protected int[] perSampleShape(Operands operands) {
      return operands.yPredShape().clone();
    }

    @Override
    protected void forward(Operands operands, double[] perSample) {
      for (int i = 0; i < perSample.length; i++) {
        perSample[i] = Math.abs(operands.yTrue()[i] - operands.yPred()[i]);
      }
    }

    @Override
    protected void backward(Operands operands, double[] upstream, double[] gradient) {
      for (int i = 0; i < gradient.length; i++) {
        gradient[i] = upstream[i] * Math.signum(operands.yPred()[i] - operands.yTrue()[i]);
      }
    }

    static final class Builder extends LossBuilder<AbsoluteError, Builder> {
      @Override
      public AbsoluteError build() {
        return new AbsoluteError(this);
      }
    }
  }

  @Test
  void startsFromKerasDefaults() {
    AbsoluteError loss = AbsoluteError.builder().build();

    assertEquals(Reduction.SUM_OVER_BATCH_SIZE, loss.reduction());
    assertEquals("absolute_error", loss.name());
    assertEquals(DType.FLOAT32, loss.dtype());
  }

  @Test
  void putsTheSharedArgumentsAfterTheLossOwnInKerasOrder() {
    AbsoluteError loss = AbsoluteError.builder().reduction(Reduction.SUM).name("abs")
        .dtype(DType.FLOAT64).build();

    LossConfig config = loss.config();

    assertEquals(List.of("scale", "reduction", "name", "dtype"),
        List.copyOf(config.values().keySet()));
    assertEquals(Arrays.asList(1.0, "sum", "abs", "float64"),
        List.copyOf(config.values().values()));
  }

  @Test
  void keepsKerasNoneAsNullAndTheNoneStringAsGiven() {
    AbsoluteError fromNull = AbsoluteError.builder().reduction((Reduction) null).build();
    AbsoluteError fromString = AbsoluteError.builder().reduction("NONE").build();

    assertEquals(Reduction.NONE, fromNull.reduction());
    assertNull(fromNull.config().get("reduction"));
    assertEquals(Reduction.NONE, fromString.reduction());
    assertEquals("none", fromString.config().get("reduction"));
  }

  @Test
  void parsesStringsIgnoringCase() {
    AbsoluteError loss = AbsoluteError.builder().reduction("Sum").dtype("FLOAT64").build();

    assertEquals(Reduction.SUM, loss.reduction());
    assertEquals("sum", loss.config().get("reduction"));
    assertEquals(DType.FLOAT64, loss.dtype());
  }

  @Test
  void nullOrEmptyNameMeansTheDefaultName() {
    assertEquals("absolute_error", AbsoluteError.builder().name(null).build().name());
    assertEquals("absolute_error", AbsoluteError.builder().name("").build().name());
  }

  @Test
  void nullDtypeMeansFloat32() {
    AbsoluteError loss = AbsoluteError.builder().dtype((DType) null).build();

    assertEquals(DType.FLOAT32, loss.dtype());
  }

  @Test
  void rejectsAnUnknownReductionNamingTheLoss() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> AbsoluteError.builder().reduction("average").build());

    assertEquals("AbsoluteError: reduction must be one of [none, sum, sum_over_batch_size, mean, "
        + "mean_with_sample_weight] or null, got average", error.getMessage());
  }

  @Test
  void rejectsAnIntegerDtypeNamingTheLoss() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> AbsoluteError.builder().dtype(DType.INT32).build());

    assertEquals("AbsoluteError: dtype must be one of [float32, float64], got int32",
        error.getMessage());
  }

  @Test
  void rejectsAnUnknownDtypeString() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> AbsoluteError.builder().dtype("float16").build());

    assertEquals("AbsoluteError: dtype must be one of [float32, float64], got float16",
        error.getMessage());
  }

  @Test
  void commonArgumentsReadsTheThreeFromAConfiguration() {
    LossConfig config = AbsoluteError.builder().reduction((String) null).name("abs")
        .dtype(DType.FLOAT64).build().config();

    AbsoluteError rebuilt = AbsoluteError.builder().commonArguments(config).build();

    assertEquals(config, rebuilt.config());
    assertNull(rebuilt.config().get("reduction"));
  }

  @Test
  void commonArgumentsKeepsWhatTheConfigurationLacks() {
    LossConfig onlyName = LossConfig.builder("absolute_error").put("name", "abs").build();

    AbsoluteError loss = AbsoluteError.builder().reduction(Reduction.SUM).dtype(DType.FLOAT64)
        .commonArguments(onlyName).build();

    assertEquals(Reduction.SUM, loss.reduction());
    assertEquals("abs", loss.name());
    assertEquals(DType.FLOAT64, loss.dtype());
  }

  @Test
  void commonArgumentsRefusesANonStringValue() {
    LossConfig config = LossConfig.builder("absolute_error").put("dtype", 64).build();

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> AbsoluteError.builder().commonArguments(config));

    assertEquals("absolute_error: dtype must be a String, got Integer", error.getMessage());
  }

  @Test
  void oldConstructorReportsTheReductionByItsKerasName() {
    ExampleLoss loss = ExampleLoss.float64(Reduction.NONE);

    assertEquals(Reduction.NONE, loss.reduction());
    assertEquals("none", loss.reductionArgument());
  }
}
