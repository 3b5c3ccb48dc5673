package org.loss4j.focal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loss4j.api.Loss;
import org.loss4j.api.Tensor;
import org.loss4j.api.registry.LossRegistry;

/**
 * Bad input is refused with an {@link IllegalArgumentException} naming the loss, the argument,
 * what was received and what was expected (semantics file P13, P14, P16; DESIGN.md "Errors").
 */
class FocalBadInputTest {
  private static final LossRegistry REGISTRY = LossRegistry.of(
      new BinaryFocalCrossentropyProvider(), new CategoricalFocalCrossentropyProvider());

  private static final Tensor TWO_BY_THREE = Tensor.of(new float[][] {{0, 1, 0}, {1, 0, 0}});
  private static final Tensor PROBABILITIES = Tensor.of(new float[][] {{0.2f, 0.5f, 0.3f},
      {0.6f, 0.3f, 0.1f}});

  private static String message(Runnable action) {
    return assertThrows(IllegalArgumentException.class, action::run).getMessage();
  }

  @Test
  void rejectsBinarySamplesWithNoValuesAlongTheAveragedAxis() {
    Tensor twoEmptySamples = Tensor.of(new float[2][0]);

    String message = message(() -> BinaryFocalCrossentropy.builder().build()
        .compute(twoEmptySamples, twoEmptySamples));

    assertEquals("BinaryFocalCrossentropy: y_pred shape [2, 0] has no values along axis -1,"
        + " expected at least 1 per sample", message);
  }

  @Test
  void rejectsNegativeGammaInCategorical() {
    String message = message(() -> CategoricalFocalCrossentropy.builder().gamma(-0.5).build());

    assertEquals("CategoricalFocalCrossentropy: gamma must be >= 0, got -0.5", message);
  }

  @Test
  void rejectsNegativeGammaInBinary() {
    String message = message(() -> BinaryFocalCrossentropy.builder().gamma(-0.5).build());

    assertEquals("BinaryFocalCrossentropy: gamma must be >= 0, got -0.5", message);
  }

  @Test
  void rejectsNanAndInfiniteGamma() {
    String nan = message(() -> BinaryFocalCrossentropy.builder().gamma(Double.NaN).build());
    String infinite = message(() -> CategoricalFocalCrossentropy.builder()
        .gamma(Double.POSITIVE_INFINITY).build());

    assertEquals("BinaryFocalCrossentropy: gamma must be >= 0, got NaN", nan);
    assertEquals("CategoricalFocalCrossentropy: gamma must be finite, got Infinity", infinite);
  }

  @Test
  void rejectsBinaryAlphaAboveOne() {
    String message = message(() -> BinaryFocalCrossentropy.builder().alpha(1.2).build());

    assertEquals("BinaryFocalCrossentropy: alpha must be in [0, 1], got 1.2", message);
  }

  @Test
  void rejectsScalarCategoricalAlphaBelowZero() {
    String message = message(() -> CategoricalFocalCrossentropy.builder().alpha(-0.1).build());

    assertEquals("CategoricalFocalCrossentropy: alpha must be in [0, 1], got -0.1", message);
  }

  @Test
  void rejectsAPerClassAlphaOutsideTheUnitInterval() {
    String message = message(() -> CategoricalFocalCrossentropy.builder().alpha(0.2, 1.5, 0.3)
        .build());

    assertEquals("CategoricalFocalCrossentropy: alpha[1] must be in [0, 1], got 1.5", message);
  }

  @Test
  void rejectsAnEmptyPerClassAlpha() {
    String message = message(() -> CategoricalFocalCrossentropy.builder().alpha(new double[0])
        .build());

    assertEquals("CategoricalFocalCrossentropy: alpha must hold one weight per class, got []",
        message);
  }

  @Test
  void rejectsAPerClassAlphaOfTheWrongLength() {
    Loss loss = CategoricalFocalCrossentropy.builder().alpha(0.2, 0.8).build();

    String message = message(() -> loss.compute(TWO_BY_THREE, PROBABILITIES));

    assertEquals("CategoricalFocalCrossentropy: alpha has 2 weights for y_pred shape [2, 3],"
        + " expected one per class: 3 along axis -1", message);
  }

  @Test
  void rejectsLabelSmoothingAboveOne() {
    String binary = message(() -> BinaryFocalCrossentropy.builder().labelSmoothing(1.5).build());
    String categorical = message(() -> CategoricalFocalCrossentropy.builder()
        .labelSmoothing(-0.1).build());

    assertEquals("BinaryFocalCrossentropy: label_smoothing must be in [0, 1], got 1.5", binary);
    assertEquals("CategoricalFocalCrossentropy: label_smoothing must be in [0, 1], got -0.1",
        categorical);
  }

  @Test
  void rejectsOutOfRangeValuesComingThroughTheRegistry() {
    String message = message(() -> REGISTRY.create("bfce", Map.of("gamma", -1)));

    assertEquals("BinaryFocalCrossentropy: gamma must be >= 0, got -1.0", message);
  }

  @Test
  void rejectsAnUnknownReduction() {
    String message = message(() -> BinaryFocalCrossentropy.builder().reduction("auto").build());

    assertTrue(message.startsWith("BinaryFocalCrossentropy: reduction must be one of"), message);
    assertTrue(message.endsWith("got auto"), message);
  }

  @Test
  void rejectsFloat16() {
    String message = message(() -> CategoricalFocalCrossentropy.builder().dtype("float16")
        .build());

    assertEquals("CategoricalFocalCrossentropy: dtype must be one of [float32, float64], got "
        + "float16", message);
  }

  @Test
  void rejectsShapesThatDiffer() {
    Loss loss = BinaryFocalCrossentropy.withDefaults();

    String message = message(() -> loss.compute(TWO_BY_THREE,
        Tensor.of(new float[][] {{0.5f, 0.5f}, {0.5f, 0.5f}})));

    assertTrue(message.startsWith("BinaryFocalCrossentropy: y_true shape [2, 3] does not match"
        + " y_pred shape [2, 2], expected equal shapes"), message);
  }

  @Test
  void rejectsAnAxisOutsideTheRank() {
    Loss loss = CategoricalFocalCrossentropy.builder().axis(2).build();

    String message = message(() -> loss.compute(TWO_BY_THREE, PROBABILITIES));

    assertTrue(message.startsWith("CategoricalFocalCrossentropy: axis 2 is out of range for"
        + " y_pred shape [2, 3]"), message);
  }

  @Test
  void rejectsScalarInputs() {
    Loss loss = BinaryFocalCrossentropy.withDefaults();

    String message = message(() -> loss.compute(Tensor.scalar(1.0), Tensor.scalar(0.5)));

    assertEquals("BinaryFocalCrossentropy: y_pred shape [] has rank 0, expected rank >= 1",
        message);
  }

  @Test
  void rejectsAPredictionRowSummingToZero() {
    Loss loss = CategoricalFocalCrossentropy.withDefaults();

    String message = message(() -> loss.compute(TWO_BY_THREE,
        Tensor.of(new float[][] {{0.2f, 0.5f, 0.3f}, {0, 0, 0}})));

    // Semantics file P13: Keras gives NaN.
    assertEquals("CategoricalFocalCrossentropy: y_pred[1, :] sums to 0 along axis 1, expected"
        + " probabilities with a positive sum", message);
  }

  @Test
  void acceptsAZeroSumRowOfLogits() {
    Loss loss = CategoricalFocalCrossentropy.builder().fromLogits(true).build();

    double value = loss.compute(TWO_BY_THREE, Tensor.of(new float[][] {{1, -1, 0}, {0, 0, 0}}))
        .doubleValue();

    assertTrue(Double.isFinite(value));
  }

  @Test
  void rejectsAClassAxisOfSizeOne() {
    Loss loss = CategoricalFocalCrossentropy.withDefaults();

    String message = message(() -> loss.compute(Tensor.of(new float[] {1, 0}),
        Tensor.of(new float[][] {{0.7f}, {0.2f}})));

    // Semantics file P14: Keras warns and returns about 0.
    assertEquals("CategoricalFocalCrossentropy: y_pred shape [2, 1] has 1 class along axis -1,"
        + " expected at least 2 (the loss would be 0 whatever the prediction; use"
        + " BinaryFocalCrossentropy)", message);
  }

  @Test
  void rejectsASampleWeightThatCannotBeAligned() {
    Loss loss = BinaryFocalCrossentropy.withDefaults();

    String message = message(() -> loss.compute(TWO_BY_THREE, PROBABILITIES,
        Tensor.of(new float[] {1, 2, 3})));

    assertTrue(message.startsWith("BinaryFocalCrossentropy: sample_weight shape [3]"), message);
  }

  @Test
  void propagatesNanInBinaryInputs() {
    Loss loss = BinaryFocalCrossentropy.builder().fromLogits(true)
        .reduction(org.loss4j.api.Reduction.NONE).build();

    double[] values = loss.compute(Tensor.of(new float[][] {{1, 0}, {0, 1}}),
        Tensor.of(new float[][] {{Float.NaN, 1}, {0.5f, 2}})).toDoubleArray();

    assertTrue(Double.isNaN(values[0]), Arrays.toString(values));
    assertTrue(Double.isFinite(values[1]), Arrays.toString(values));
  }
}
