package org.loss4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Reduction;
import org.loss4j.api.registry.InstalledLoss;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.api.spi.ParameterSpec;

/**
 * The five providers: discovery through {@code META-INF/services}, the names and aliases of
 * semantics §10 and P19, the parameters in Keras's order, and the configuration round trip (P18).
 */
class ProvidersTest {
  private static final LossRegistry REGISTRY = LossRegistry.of(new BinaryCrossentropyProvider(),
      new CategoricalCrossentropyProvider(), new SparseCategoricalCrossentropyProvider(),
      new PoissonProvider(), new KLDivergenceProvider());

  @Test
  void areDiscoveredByServiceLoader() {
    LossRegistry registry = LossRegistry.load(ProvidersTest.class.getClassLoader());

    Set<String> names = registry.installed().stream().map(InstalledLoss::provider)
        .map(LossProvider::name).collect(Collectors.toSet());

    assertTrue(names.containsAll(Set.of("binary_crossentropy", "categorical_crossentropy",
        "sparse_categorical_crossentropy", "poisson", "kl_divergence")), names.toString());
    assertTrue(registry.broken().isEmpty(), registry.broken().toString());
  }

  @Test
  void answerToKerasNamesClassNamesAndAliases() {
    Map<String, Class<?>> expected = Map.ofEntries(
        Map.entry("binary_crossentropy", BinaryCrossentropy.class),
        Map.entry("BinaryCrossentropy", BinaryCrossentropy.class),
        Map.entry("bce", BinaryCrossentropy.class),
        Map.entry("BCE", BinaryCrossentropy.class),
        Map.entry("categorical_crossentropy", CategoricalCrossentropy.class),
        Map.entry("CategoricalCrossentropy", CategoricalCrossentropy.class),
        Map.entry("cce", CategoricalCrossentropy.class),
        Map.entry("sparse_categorical_crossentropy", SparseCategoricalCrossentropy.class),
        Map.entry("SparseCategoricalCrossentropy", SparseCategoricalCrossentropy.class),
        Map.entry("scce", SparseCategoricalCrossentropy.class),
        Map.entry("poisson", Poisson.class),
        Map.entry("Poisson", Poisson.class),
        Map.entry("kl_divergence", KLDivergence.class),
        Map.entry("KLDivergence", KLDivergence.class),
        Map.entry("kld", KLDivergence.class),
        Map.entry("KLD", KLDivergence.class),
        Map.entry("kullback_leibler_divergence", KLDivergence.class));

    expected.forEach((name, type) -> assertInstanceOf(type, REGISTRY.create(name), name));
  }

  @Test
  void listParametersInKerasOrderWithKerasDefaults() {
    List<String> bce = names(new BinaryCrossentropyProvider().parameters());
    List<String> scce = names(new SparseCategoricalCrossentropyProvider().parameters());
    List<String> poisson = names(new PoissonProvider().parameters());

    assertEquals(List.of("from_logits", "label_smoothing", "axis", "reduction", "name", "dtype"),
        bce);
    assertEquals(List.of("from_logits", "ignore_class", "axis", "reduction", "name", "dtype"),
        scce);
    assertEquals(List.of("reduction", "name", "dtype"), poisson);
    assertEquals("kl_divergence", new KLDivergenceProvider().parameters().stream()
        .filter(p -> p.name().equals("name")).findFirst().orElseThrow().defaultValue());
  }

  @Test
  void buildTheSameLossAsTheBuilderFromDefaults() {
    assertEquals(BinaryCrossentropy.builder().build(), REGISTRY.create("bce"));
    assertEquals(CategoricalCrossentropy.builder().build(), REGISTRY.create("cce"));
    assertEquals(SparseCategoricalCrossentropy.builder().build(), REGISTRY.create("scce"));
    assertEquals(Poisson.builder().build(), REGISTRY.create("poisson"));
    assertEquals(KLDivergence.builder().build(), REGISTRY.create("kld"));
  }

  @Test
  void rebuildAnEqualLossFromItsConfig() {
    List<Loss> losses = List.of(
        BinaryCrossentropy.builder().fromLogits(true).labelSmoothing(0.1).axis(0)
            .reduction(Reduction.SUM).name("x").dtype(DType.FLOAT64).build(),
        CategoricalCrossentropy.builder().labelSmoothing(0.3).axis(1).reduction((String) null)
            .build(),
        SparseCategoricalCrossentropy.builder().fromLogits(true).ignoreClass(255).axis(1)
            .reduction("mean_with_sample_weight").dtype("float64").build(),
        Poisson.builder().reduction(Reduction.MEAN).name("counts").build(),
        KLDivergence.builder().dtype(DType.FLOAT64).build());

    for (Loss loss : losses) {
      LossConfig config = loss.config();

      Loss rebuilt = REGISTRY.create(config);

      assertEquals(loss, rebuilt, config.toString());
      assertEquals(config, rebuilt.config());
    }
  }

  @Test
  void coerceStringArgumentsFromACommandLine() {
    Loss loss = REGISTRY.create("bce", Map.of("from_logits", "true", "label_smoothing", "0.1",
        "reduction", "SUM", "dtype", "float64"));

    assertEquals(BinaryCrossentropy.builder().fromLogits(true).labelSmoothing(0.1)
        .reduction(Reduction.SUM).dtype(DType.FLOAT64).build(), loss);
  }

  @Test
  void refuseOutOfRangeArgumentsNamingTheLoss() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> REGISTRY.create("cce", Map.of("label_smoothing", 2.0)));

    assertEquals("CategoricalCrossentropy: label_smoothing must be in [0, 1], got 2.0",
        error.getMessage());
  }

  @Test
  void refuseAnUnknownDtype() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> REGISTRY.create("poisson", Map.of("dtype", "bfloat16")));

    assertTrue(error.getMessage().contains("float32, float64"), error.getMessage());
  }

  @Test
  void buildFromAPartialHandWrittenConfig() {
    Loss loss = new SparseCategoricalCrossentropyProvider().create(
        LossConfig.builder("scce").put("from_logits", true).build());

    assertEquals(SparseCategoricalCrossentropy.builder().fromLogits(true).build(), loss);
  }

  private static List<String> names(List<ParameterSpec> specs) {
    return specs.stream().map(ParameterSpec::name).collect(Collectors.toList());
  }
}
