package org.loss4j.focal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Reduction;
import org.loss4j.api.registry.InstalledLoss;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.api.spi.ParameterSpec;

/**
 * The two providers: discovery through {@link java.util.ServiceLoader}, the names of the semantics
 * file §10 plus loss4j's aliases, parameters in Keras's order, and configurations that survive
 * the round trip (§9 and P18).
 */
class FocalProvidersTest {
  private static final LossRegistry REGISTRY = LossRegistry.of(
      new BinaryFocalCrossentropyProvider(), new CategoricalFocalCrossentropyProvider());

  @Test
  void isDiscoveredByTheServiceLoader() {
    List<String> names = LossRegistry.global().installed().stream()
        .map(InstalledLoss::provider)
        .map(provider -> provider.getClass().getName())
        .collect(Collectors.toList());

    assertTrue(names.contains(BinaryFocalCrossentropyProvider.class.getName()), names::toString);
    assertTrue(names.contains(CategoricalFocalCrossentropyProvider.class.getName()),
        names::toString);
  }

  @Test
  void answersToTheKerasNamesAndTheAliasBfce() {
    for (String name : List.of("binary_focal_crossentropy", "BinaryFocalCrossentropy", "bfce",
        "BFCE")) {
      assertInstanceOf(BinaryFocalCrossentropy.class, REGISTRY.create(name), name);
    }
  }

  @Test
  void answersToTheKerasNamesAndTheAliasCfce() {
    for (String name : List.of("categorical_focal_crossentropy", "CategoricalFocalCrossentropy",
        "cfce", "CFCE")) {
      assertInstanceOf(CategoricalFocalCrossentropy.class, REGISTRY.create(name), name);
    }
  }

  @Test
  void createsKerasDefaultsWhenGivenNoParameters() {
    Loss binary = REGISTRY.create("bfce");
    Loss categorical = REGISTRY.create("cfce");

    assertEquals(BinaryFocalCrossentropy.withDefaults(), binary);
    assertEquals(CategoricalFocalCrossentropy.withDefaults(), categorical);
  }

  @Test
  void listsBinaryParametersInKerasConstructorOrder() {
    List<String> names = new BinaryFocalCrossentropyProvider().parameters().stream()
        .map(ParameterSpec::name).collect(Collectors.toList());

    // Semantics file §3: the constructor's arguments, then dtype.
    assertEquals(List.of("apply_class_balancing", "alpha", "gamma", "from_logits",
        "label_smoothing", "axis", "reduction", "name", "dtype"), names);
  }

  @Test
  void listsCategoricalParametersInKerasConstructorOrder() {
    List<String> names = new CategoricalFocalCrossentropyProvider().parameters().stream()
        .map(ParameterSpec::name).collect(Collectors.toList());

    // Semantics file §5: the constructor's arguments, then dtype.
    assertEquals(List.of("alpha", "gamma", "from_logits", "label_smoothing", "axis",
        "reduction", "name", "dtype"), names);
  }

  @Test
  void givesBinaryConfigInKerasGetConfigOrderAndRebuildsAnEqualLoss() {
    BinaryFocalCrossentropy loss = BinaryFocalCrossentropy.builder().applyClassBalancing(true)
        .alpha(0.3).gamma(1.5).fromLogits(true).labelSmoothing(0.05).axis(-1)
        .reduction(Reduction.SUM).name("focal").dtype(DType.FLOAT64).build();

    LossConfig config = loss.config();

    // Semantics file §9 (get_config order), plus dtype (P18).
    assertEquals(List.of("name", "reduction", "from_logits", "label_smoothing", "axis",
        "apply_class_balancing", "alpha", "gamma", "dtype"), List.copyOf(config.values().keySet()));
    assertEquals(List.of("focal", "sum", true, 0.05, -1, true, 0.3, 1.5, "float64"),
        List.copyOf(config.values().values()));
    assertEquals("binary_focal_crossentropy", config.loss());
    assertEquals(loss, REGISTRY.create(config));
  }

  @Test
  void givesCategoricalConfigInKerasGetConfigOrderAndRebuildsAnEqualLoss() {
    CategoricalFocalCrossentropy loss = CategoricalFocalCrossentropy.builder()
        .alpha(0.2, 0.3, 0.5).gamma(3).fromLogits(true).labelSmoothing(0.1).axis(1)
        .reduction((Reduction) null).name("cfce_loss").dtype(DType.FLOAT32).build();

    LossConfig config = loss.config();

    // Semantics file §9 (get_config order), plus dtype (P18); reduction None stays null.
    assertEquals(List.of("name", "reduction", "from_logits", "label_smoothing", "axis", "alpha",
        "gamma", "dtype"), List.copyOf(config.values().keySet()));
    assertEquals(List.of(0.2, 0.3, 0.5), config.get("alpha"));
    assertEquals(null, config.get("reduction"));
    assertEquals(loss, REGISTRY.create(config));
  }

  @Test
  void holdsAScalarCategoricalAlphaAsADouble() {
    LossConfig config = CategoricalFocalCrossentropy.builder().alpha(0.4).build().config();

    assertEquals(0.4, config.get("alpha"));
  }

  @Test
  void readsPerClassAlphaFromACommaSeparatedString() {
    Loss loss = REGISTRY.create("cfce", Map.of("alpha", "0.1,0.2,0.7", "reduction", "none"));

    CategoricalFocalCrossentropy categorical = assertInstanceOf(
        CategoricalFocalCrossentropy.class, loss);
    assertEquals(List.of(0.1, 0.2, 0.7), categorical.alphaPerClass());
    assertEquals(Reduction.NONE, categorical.reduction());
    assertEquals("none", categorical.config().get("reduction"));
  }

  @Test
  void readsEveryBinaryArgumentFromStrings() {
    Loss loss = REGISTRY.create("binary_focal_crossentropy", Map.of(
        "apply_class_balancing", "true", "alpha", "0.4", "gamma", "3", "from_logits", "true",
        "label_smoothing", "0.2", "axis", "0", "reduction", "mean", "name", "mine",
        "dtype", "float64"));

    BinaryFocalCrossentropy binary = assertInstanceOf(BinaryFocalCrossentropy.class, loss);
    assertEquals(BinaryFocalCrossentropy.builder().applyClassBalancing(true).alpha(0.4)
        .gamma(3).fromLogits(true).labelSmoothing(0.2).axis(0).reduction(Reduction.MEAN)
        .name("mine").dtype(DType.FLOAT64).build(), binary);
  }
}
