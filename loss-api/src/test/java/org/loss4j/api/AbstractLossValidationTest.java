package org.loss4j.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * What {@link AbstractLoss} refuses, and how it converts dtypes and aligns ranks before a kernel
 * sees its inputs.
 */
class AbstractLossValidationTest {
  private static final double TOLERANCE = 1e-12;

  private static final Tensor Y_4_BY_7 = Tensor.of(new double[28], 4, 7);

  @Test
  void refusesAWeightThatCannotBroadcastNamingBothShapes() {
    Tensor weight = Tensor.of(new double[] {1, 2, 3});
    Loss loss = ExampleLoss.float64(Reduction.SUM);

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> loss.compute(Y_4_BY_7, Y_4_BY_7, weight));

    assertTrue(error.getMessage().startsWith(
        "ExampleLoss: sample_weight shape [3] cannot broadcast to loss shape [4, 7]"),
        error.getMessage());
  }

  @Test
  void refusesAMisshapenWeightInTheGradientToo() {
    Tensor weight = Tensor.of(new double[] {1, 2, 3});

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ExampleLoss.float64(Reduction.SUM).gradient(Y_4_BY_7, Y_4_BY_7, weight));

    assertTrue(error.getMessage().contains("[3]") && error.getMessage().contains("[4, 7]"),
        error.getMessage());
  }

  @Test
  void refusesAWeightOfTheTransposedShape() {
    Tensor weight = Tensor.of(new double[28], 7, 4);

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ExampleLoss.float64(Reduction.SUM).compute(Y_4_BY_7, Y_4_BY_7, weight));

    assertTrue(error.getMessage().contains("sample_weight shape [7, 4]"), error.getMessage());
  }

  @Test
  void refusesATrailingAxisWeightThatKerasWouldBroadcast() {
    // [7] against [4, 7]: numpy broadcasting would weight the time axis; loss4j aligns weights
    // with the leading axis (P10) and so refuses a [7] that does not fit it
    Tensor weight = Tensor.of(new double[7]);

    assertThrows(IllegalArgumentException.class,
        () -> ExampleLoss.float64(Reduction.SUM).compute(Y_4_BY_7, Y_4_BY_7, weight));
  }

  @Test
  void refusesAMaskThatCannotBroadcastNamingTheMask() {
    Tensor mask = Tensor.of(new double[] {1, 0, 1, 1, 0});
    Tensor four = Tensor.of(new double[4]);

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ExampleLoss.float64(Reduction.SUM).compute(four, four, null, mask));

    assertTrue(error.getMessage().startsWith(
        "ExampleLoss: mask shape [5] cannot broadcast to loss shape [4]"), error.getMessage());
  }

  @Test
  void refusesMisshapenInputsWithTheKernelsMessage() {
    Tensor yTrue = Tensor.of(new double[6], 2, 3);
    Tensor yPred = Tensor.of(new double[6], 3, 2);

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ExampleLoss.float64(Reduction.SUM).compute(yTrue, yPred));

    assertEquals("ExampleLoss: y_true shape [2, 3] must equal y_pred shape [3, 2]",
        error.getMessage());
  }

  @Test
  void refusesAnUpstreamOfTheWrongSizeForNone() {
    Tensor four = Tensor.of(new double[4]);
    Tensor upstream = Tensor.of(new double[3]);

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ExampleLoss.float64(Reduction.NONE).gradient(four, four, null, null, upstream));

    assertEquals("ExampleLoss: upstream gradient shape [3] does not match the loss output shape "
        + "[4]", error.getMessage());
  }

  @Test
  void refusesANonScalarUpstreamForAReducingReduction() {
    Tensor four = Tensor.of(new double[4]);
    Tensor upstream = Tensor.of(new double[4]);

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ExampleLoss.float64(Reduction.MEAN).gradient(four, four, null, null, upstream));

    assertTrue(error.getMessage().endsWith("the loss output shape []"), error.getMessage());
  }

  @Test
  void checksWeightsBeforeRunningTheKernel() {
    Loss loss = new AbstractLoss("probe", Reduction.SUM, DType.FLOAT64) {
      @Override
      protected int[] perSampleShape(Operands operands) {
        return operands.yPredShape();
      }

      @Override
      protected void forward(Operands operands, double[] perSample) {
        throw new AssertionError("forward ran before the weights were checked");
      }

      @Override
      protected void backward(Operands operands, double[] upstream, double[] gradient) {
        throw new AssertionError("backward ran before the weights were checked");
      }

      @Override
      public LossConfig config() {
        return LossConfig.of("probe", java.util.Map.of());
      }
    };

    assertThrows(IllegalArgumentException.class,
        () -> loss.compute(Y_4_BY_7, Y_4_BY_7, Tensor.of(new double[3])));
    assertThrows(IllegalArgumentException.class,
        () -> loss.gradient(Y_4_BY_7, Y_4_BY_7, Tensor.of(new double[3])));
  }

  @Test
  void refusesAnIntegerComputeType() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new AbstractLoss("probe", Reduction.SUM, DType.INT32) {
          @Override
          protected int[] perSampleShape(Operands operands) {
            return operands.yPredShape();
          }

          @Override
          protected void forward(Operands operands, double[] perSample) {}

          @Override
          protected void backward(Operands operands, double[] upstream, double[] gradient) {}

          @Override
          public LossConfig config() {
            return LossConfig.of("probe", java.util.Map.of());
          }
        });

    assertTrue(error.getMessage().endsWith("dtype must be one of [float32, float64], got int32"),
        error.getMessage());
  }

  @Test
  void refusesNullInputs() {
    Tensor four = Tensor.of(new double[4]);
    Loss loss = ExampleLoss.float64(Reduction.SUM);

    assertThrows(NullPointerException.class, () -> loss.compute(null, four));
    assertThrows(NullPointerException.class, () -> loss.compute(four, null));
  }

  // ---- rank alignment (keras-semantics.md 8.1) -------------------------------------------

  @Test
  void rankOneTargetAgainstAColumnPredictionIsExpandedNotBroadcast() {
    // [4] against [4, 1]: y_true becomes [4, 1], so the loss has 4 elements, not 16
    Tensor yPred = AbstractLossReductionTest.Y_PRED_1.reshape(4, 1);

    Tensor result = ExampleLoss.float64(Reduction.NONE)
        .compute(AbstractLossReductionTest.Y_TRUE_1, yPred);

    assertArrayEquals(new int[] {4, 1}, result.shape());
    assertArrayEquals(new double[] {0.25, 0.0625, 0.0625, 0.25}, result.toDoubleArray(),
        TOLERANCE);
  }

  @Test
  void targetWithAnExtraTrailingOneIsSqueezed() {
    // y_true [2, 3, 1] against y_pred [2, 3]: y_true loses its last axis
    Tensor yTrue = AbstractLossReductionTest.Y_TRUE_2.reshape(2, 3, 1);

    Tensor result = ExampleLoss.float64(Reduction.NONE)
        .compute(yTrue, AbstractLossReductionTest.Y_PRED_2);

    assertArrayEquals(new int[] {2, 3}, result.shape());
  }

  @Test
  void perSampleIsUnweightedAndUnreduced() {
    Tensor result = ExampleLoss.float64(Reduction.SUM)
        .perSample(AbstractLossReductionTest.Y_TRUE_1, AbstractLossReductionTest.Y_PRED_1);

    assertEquals(Tensor.of(new double[] {0.25, 0.0625, 0.0625, 0.25}), result);
  }

  // ---- dtype -----------------------------------------------------------------------------

  @Test
  void float32LossRoundsFloat64InputsToFloatFirst() {
    // y_pred 0.1 becomes 0.1f = 0.100000001490116..., l = 0.1f^2 computed in double, then
    // rounded to float: the value Keras's float32 arithmetic gives for (0 - 0.1)^2
    double p = (float) 0.1;
    Tensor result = ExampleLoss.float32(Reduction.NONE)
        .compute(Tensor.of(new double[] {0}), Tensor.of(new double[] {0.1}));

    assertEquals(DType.FLOAT32, result.dtype());
    assertEquals((float) (p * p), result.getDouble(0));
  }

  @Test
  void float32LossCastsFloat64WeightsToFloat() {
    // w = 0.1 as a double differs from 0.1f; Keras casts sample_weight to the loss dtype, so
    // sum = l * 0.1f with l = (1 - 0)^2 = 1
    Tensor result = ExampleLoss.float32(Reduction.SUM)
        .compute(Tensor.of(new double[] {1}), Tensor.of(new double[] {0}),
            Tensor.of(new double[] {0.1}));

    assertEquals((double) 0.1f, result.getDouble(0));
  }

  @Test
  void integerLabelsAreAccepted() {
    // y_true int32 [1, 0, 1, 0] gives the same losses as its float64 twin
    Tensor labels = Tensor.of(new int[] {1, 0, 1, 0});

    Tensor result = ExampleLoss.float64(Reduction.SUM)
        .compute(labels, AbstractLossReductionTest.Y_PRED_1);

    assertEquals(0.625, result.doubleValue(), TOLERANCE);
  }

  // ---- identity ----------------------------------------------------------------------------

  @Test
  void lossesWithEqualConfigurationsAreEqual() {
    assertEquals(ExampleLoss.float64(Reduction.SUM), ExampleLoss.float64(Reduction.SUM));
    assertEquals(ExampleLoss.float64(Reduction.SUM).hashCode(),
        ExampleLoss.float64(Reduction.SUM).hashCode());
    assertTrue(!ExampleLoss.float64(Reduction.SUM).equals(ExampleLoss.float32(Reduction.SUM)));
  }

  @Test
  void toStringShowsTheClassAndConfiguration() {
    assertEquals("ExampleLoss{scale=1.0, reduction=sum, name=example_loss, dtype=float64}",
        ExampleLoss.float64(Reduction.SUM).toString());
  }
}
