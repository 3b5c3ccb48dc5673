package org.loss4j.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Reduction;
import org.loss4j.api.Tensor;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.core.SparseCategoricalCrossentropy;
import org.loss4j.focal.BinaryFocalCrossentropy;
import org.loss4j.focal.CategoricalFocalCrossentropy;

/**
 * Reads the model files Keras 3.13.2 saved (test resources {@code keras/}; their README documents
 * the loss each was compiled with) and checks each loss against the one built by hand from that
 * README.
 *
 * <p>The loaded and the hand-built loss run the same code, so their values must be identical:
 * the comparison is exact ({@link #SAME_CODE_PATH}).
 */
class KerasModelFileTest {
  /** Both sides run the same kernel on the same inputs: no rounding difference is possible. */
  private static final double SAME_CODE_PATH = 0.0;

  private final LossRegistry registry = Registries.withPoly1();

  static Path model(String file) {
    try {
      return Path.of(KerasModelFileTest.class.getResource("/keras/" + file).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static CompiledLoss single(List<CompiledLoss> compiled) {
    assertEquals(1, compiled.size(), "one loss for the single output");
    CompiledLoss only = compiled.get(0);
    assertEquals(Optional.empty(), only.outputName());
    assertEquals(1.0, only.weight(), "compiled without loss_weights");
    return only;
  }

  @Test
  void readsTheBinaryFocalLossOfCancerModelWithEveryArgument() {
    CompiledLoss compiled = single(KerasLossReader.fromModelFile(model("cancer_bfce.keras"),
        registry));

    LossConfig config = compiled.loss().config();
    assertEquals("binary_focal_crossentropy", config.loss());
    assertTrue(config.getBoolean("apply_class_balancing"));
    assertEquals(0.3, config.getDouble("alpha"));
    assertEquals(1.5, config.getDouble("gamma"));
    assertFalse(config.getBoolean("from_logits"));
    assertEquals(0.0, config.getDouble("label_smoothing"));
    assertEquals(-1, config.getInt("axis"));
    assertEquals("sum_over_batch_size", config.getString("reduction"));
    assertEquals("focal", config.getString("name"));
    assertEquals("float32", config.getString("dtype"));
  }

  @Test
  void cancerModelLossEvaluatesLikeTheHandBuiltLoss() {
    Loss loaded = KerasLossReader.fromModelFile(model("cancer_bfce.keras"), registry).get(0)
        .loss();
    Loss byHand = BinaryFocalCrossentropy.builder().applyClassBalancing(true).alpha(0.3)
        .gamma(1.5).name("focal").build();
    Tensor yTrue = Tensor.of(new float[][] {{1}, {0}, {1}, {0}});
    Tensor yPred = Tensor.of(new float[][] {{0.9f}, {0.2f}, {0.35f}, {0.7f}});

    double expected = byHand.compute(yTrue, yPred).doubleValue();

    assertEquals(byHand, loaded);
    assertEquals(expected, loaded.compute(yTrue, yPred).doubleValue(), SAME_CODE_PATH);
  }

  @Test
  void readsTheCategoricalFocalLossOfDigitsModelWithEveryArgument() {
    CompiledLoss compiled = single(KerasLossReader.fromModelFile(model("digits_cfce.keras"),
        registry));

    LossConfig config = compiled.loss().config();
    assertEquals("categorical_focal_crossentropy", config.loss());
    assertEquals(Collections.nCopies(10, 0.1), config.get("alpha"));
    assertEquals(3.0, config.getDouble("gamma"));
    assertTrue(config.getBoolean("from_logits"));
    assertEquals(0.05, config.getDouble("label_smoothing"));
    assertEquals(-1, config.getInt("axis"));
    assertEquals("sum", config.getString("reduction"));
    assertEquals("categorical_focal_crossentropy", config.getString("name"));
    assertEquals("float32", config.getString("dtype"));
  }

  @Test
  void digitsModelLossEvaluatesLikeTheHandBuiltLoss() {
    Loss loaded = KerasLossReader.fromModelFile(model("digits_cfce.keras"), registry).get(0)
        .loss();
    double[] alpha = new double[10];
    java.util.Arrays.fill(alpha, 0.1);
    Loss byHand = CategoricalFocalCrossentropy.builder().alpha(alpha).gamma(3.0)
        .fromLogits(true).labelSmoothing(0.05).reduction(Reduction.SUM).build();
    float[][] oneHot = new float[2][10];
    oneHot[0][3] = 1;
    oneHot[1][7] = 1;
    float[][] logits = new float[2][10];
    for (int c = 0; c < 10; c++) {
      logits[0][c] = 0.3f * c - 1;
      logits[1][c] = 1.5f - 0.25f * c;
    }
    Tensor yTrue = Tensor.of(oneHot);
    Tensor yPred = Tensor.of(logits);

    double expected = byHand.compute(yTrue, yPred).doubleValue();

    assertEquals(byHand, loaded);
    assertEquals(expected, loaded.compute(yTrue, yPred).doubleValue(), SAME_CODE_PATH);
  }

  @Test
  void readsTheStringLossOfScceModelAsTheDefaultLoss() {
    CompiledLoss compiled = single(KerasLossReader.fromModelFile(model("scce_string.keras"),
        registry));

    LossConfig config = compiled.loss().config();
    assertEquals("sparse_categorical_crossentropy", config.loss());
    assertFalse(config.getBoolean("from_logits"));
    assertNull(config.get("ignore_class"));
    assertEquals(-1, config.getInt("axis"));
    assertEquals("sum_over_batch_size", config.getString("reduction"));
    assertEquals("sparse_categorical_crossentropy", config.getString("name"));
    assertEquals("float32", config.getString("dtype"));
  }

  @Test
  void scceModelLossEvaluatesLikeTheHandBuiltLoss() {
    Loss loaded = KerasLossReader.fromModelFile(model("scce_string.keras"), registry).get(0)
        .loss();
    Loss byHand = SparseCategoricalCrossentropy.builder().build();
    Tensor yTrue = Tensor.of(new float[] {1, 2});
    Tensor yPred = Tensor.of(new float[][] {{0.05f, 0.95f, 0}, {0.1f, 0.8f, 0.1f}});

    double expected = byHand.compute(yTrue, yPred).doubleValue();

    assertEquals(byHand, loaded);
    assertEquals(expected, loaded.compute(yTrue, yPred).doubleValue(), SAME_CODE_PATH);
  }

  @Test
  void readsTheRegisteredCustomLossThroughItsProvider() {
    CompiledLoss compiled = single(KerasLossReader.fromModelFile(
        model("custom_registered.keras"), registry));

    LossConfig config = compiled.loss().config();
    assertEquals("poly1", config.loss());
    assertEquals(2.0, config.getDouble("epsilon"));
    assertEquals("sum_over_batch_size", config.getString("reduction"));
    assertEquals("poly1", config.getString("name"));
    assertEquals("float32", config.getString("dtype"));
  }

  @Test
  void customModelLossEvaluatesLikeTheHandBuiltLoss() {
    Loss loaded = KerasLossReader.fromModelFile(model("custom_registered.keras"), registry)
        .get(0).loss();
    Loss byHand = new Poly1Provider().create(LossConfig.builder("poly1").put("epsilon", 2.0)
        .put("reduction", "sum_over_batch_size").put("name", "poly1").put("dtype", "float32")
        .build());
    Tensor yTrue = Tensor.of(new float[][] {{0, 1}, {1, 0}});
    Tensor yPred = Tensor.of(new float[][] {{0.4f, 0.6f}, {0.9f, 0.1f}});

    double expected = byHand.compute(yTrue, yPred).doubleValue();

    assertEquals(byHand, loaded);
    assertEquals(expected, loaded.compute(yTrue, yPred).doubleValue(), SAME_CODE_PATH);
  }

  @Test
  void refusesTheCustomModelWithoutItsProviderNamingTheRegisteredName() {
    Path file = model("custom_registered.keras");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KerasLossReader.fromModelFile(file, Registries.builtIns()));

    assertTrue(e.getMessage().startsWith(file + ": config.json: "
        + "compile_config.loss.registered_name: "), e.getMessage());
    assertTrue(e.getMessage().contains("\"acme>Poly1\""), e.getMessage());
  }

  @Test
  void findsTheShippedLossesThroughTheGlobalRegistry() {
    Loss loaded = KerasLossReader.fromModelFile(model("digits_cfce.keras"),
        LossRegistry.global()).get(0).loss();

    assertEquals(KerasLossReader.fromModelFile(model("digits_cfce.keras"), registry).get(0)
        .loss(), loaded);
  }
}
