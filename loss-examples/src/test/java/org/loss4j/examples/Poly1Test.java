package org.loss4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.loss4j.testkit.assertions.TensorAssertions.assertAllClose;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.Tensor;
import org.loss4j.api.registry.LossRegistry;

/** Poly-1 values from independent arithmetic, and its configuration through the registry. */
class Poly1Test {
  /** float32 results against double arithmetic. */
  private static final double FLOAT32_RTOL = 1e-6;

  private static final double EXACT = 1e-12;

  private static final Tensor ONE_HOT = Tensor.of(new double[][] {{0, 1, 0}, {0, 0, 1}});

  private static final Tensor PROBABILITIES =
      Tensor.of(new double[][] {{0.05, 0.95, 0.0}, {0.1, 0.8, 0.1}});

  @Test
  void addsOneMinusTargetProbabilityToCrossEntropy() {
    Loss poly1 = Poly1.builder().dtype(DType.FLOAT64).build();

    Tensor perSample = poly1.perSample(ONE_HOT, PROBABILITIES);

    // Cross-entropy -log(0.95), -log(0.1) (Keras docs print [0.0513, 2.303] for these inputs),
    // plus epsilon 1 times 1 - pT with pT = 0.95 and 0.1.
    double[] expected = {-Math.log(0.95) + 0.05, -Math.log(0.1) + 0.9};
    assertAllClose(Tensor.of(expected, 2), perSample, 0, EXACT);
  }

  @Test
  void fromLogitsEqualsProbabilitiesOfTheSoftmax() {
    double[] logits = {0.3, -1.2, 2.0, 0.5, 0.5, -0.7};
    double[] softmax = new double[6];
    for (int row = 0; row < 2; row++) {
      double total = 0;
      for (int c = 0; c < 3; c++) {
        total += Math.exp(logits[row * 3 + c]);
      }
      for (int c = 0; c < 3; c++) {
        softmax[row * 3 + c] = Math.exp(logits[row * 3 + c]) / total;
      }
    }

    Tensor fromLogits = Poly1.builder().fromLogits(true).epsilon(2).dtype(DType.FLOAT64).build()
        .perSample(ONE_HOT, Tensor.of(logits, 2, 3));
    Tensor fromProbabilities = Poly1.builder().epsilon(2).dtype(DType.FLOAT64).build()
        .perSample(ONE_HOT, Tensor.of(softmax, 2, 3));

    assertAllClose(fromProbabilities, fromLogits, 0, EXACT);
  }

  @Test
  void epsilonZeroIsCategoricalCrossentropy() {
    Loss poly0 = Poly1.builder().epsilon(0).build();

    Tensor value = poly0.compute(ONE_HOT, PROBABILITIES);

    // Keras docs, CategoricalCrossentropy example: 1.177 (mean of -log(0.95) and -log(0.1)).
    double expected = (-Math.log(0.95) - Math.log(0.1)) / 2;
    assertAllClose(Tensor.scalar(expected), value.asType(DType.FLOAT64), FLOAT32_RTOL, 0);
  }

  @Test
  void rejectsEpsilonBelowMinusOne() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> Poly1.builder().epsilon(-1.5).build());

    assertEquals("Poly1: epsilon must be a finite number >= -1.0, got -1.5", error.getMessage());
  }

  @Test
  void buildsFromTheKerasConfigOfASavedModel() {
    // compile_config.loss.config in the config.json of custom_registered.keras
    // (loss-keras/src/test/resources/keras/)
    Map<String, Object> keras = new LinkedHashMap<>();
    keras.put("name", "poly1");
    keras.put("reduction", "sum_over_batch_size");
    keras.put("epsilon", 2.0);

    Loss loss = LossRegistry.global().create("Poly1", keras);

    assertEquals(2.0, ((Poly1) loss).epsilon());
    assertEquals("acme>Poly1",
        LossRegistry.global().provider("poly1").kerasRegisteredName().orElseThrow());
  }
}
