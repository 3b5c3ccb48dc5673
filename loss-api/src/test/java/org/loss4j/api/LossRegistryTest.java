package org.loss4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loss4j.api.registry.InstalledLoss;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.api.spi.LossProvider;

/** Lookup, creation, configuration and registration in {@link LossRegistry}. */
class LossRegistryTest {
  private static final double TOLERANCE = 1e-12;

  private static LossRegistry registry() {
    return LossRegistry.of(new ExampleLossProvider(),
        new StubProvider("binary_crossentropy", "BinaryCrossentropy", "bce", "BCE"),
        new StubProvider("binary_focal_crossentropy", "BinaryFocalCrossentropy"),
        new StubProvider("kl_divergence", "KLDivergence", "kld", "kullback_leibler_divergence"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"example_loss", "ExampleLoss", "exl", "EXAMPLE_LOSS", "exampleloss",
      "EXL"})
  void findsALossByAnyOfItsNamesIgnoringCase(String name) {
    LossProvider provider = registry().provider(name);

    assertEquals(ExampleLossProvider.class, provider.getClass());
  }

  @Test
  void findsKerasAliases() {
    assertEquals("kl_divergence", registry().provider("KLD").name());
    assertEquals("kl_divergence", registry().provider("kullback_leibler_divergence").name());
    assertEquals("binary_crossentropy", registry().provider("bce").name());
  }

  @Test
  void findIsEmptyForAnUnknownName() {
    assertTrue(registry().find("focal").isEmpty());
  }

  @Test
  void unknownNameListsTheClosestNames() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> registry().create("binary_crossentropi"));

    // edit distances, ignoring case: binary_crossentropy 1, binarycrossentropy 2, then
    // binaryfocalcrossentropy 6 and binary_focal_crossentropy 7
    assertTrue(error.getMessage().startsWith("unknown loss binary_crossentropi, expected an "
        + "installed loss such as binary_crossentropy, BinaryCrossentropy, "), error.getMessage());
  }

  @Test
  void unknownNameInAnEmptyRegistrySaysNoneIsInstalled() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> LossRegistry.of().provider("bce"));

    assertEquals("unknown loss bce, expected an installed loss, but none is installed",
        error.getMessage());
  }

  @Test
  void closestNamesListsNamesByEditDistanceThenAlphabetically() {
    List<String> closest = registry().closestNames("KLD_divergence", 2);

    // ignoring case: kl_divergence is 1 edit away (delete the first d), KLDivergence 2 (delete
    // the _ and a d); every other name needs more
    assertEquals(List.of("kl_divergence", "KLDivergence"), closest);
  }

  @Test
  void closestNamesWithLimitZeroIsEmpty() {
    assertEquals(List.of(), registry().closestNames("bce", 0));
  }

  @Test
  void closestNamesRejectsANegativeLimit() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> registry().closestNames("bce", -1));

    assertEquals("limit must be >= 0, got -1", error.getMessage());
  }

  @Test
  void createsWithDefaults() {
    Loss loss = registry().create("exl");

    assertEquals(Reduction.SUM_OVER_BATCH_SIZE, loss.reduction());
    assertEquals(DType.FLOAT32, loss.dtype());
    assertEquals("example_loss", loss.name());
  }

  @Test
  void createsFromAMapOfStrings() {
    Map<String, Object> parameters =
        Map.of("scale", "2.5", "reduction", "SUM", "dtype", "float64", "name", "mine");

    Loss loss = registry().create("ExampleLoss", parameters);

    assertEquals(Reduction.SUM, loss.reduction());
    assertEquals(DType.FLOAT64, loss.dtype());
    assertEquals("mine", loss.name());
    // scale 2.5 * (1 - 0)^2 = 2.5
    assertEquals(2.5, loss.compute(Tensor.of(new double[] {1}), Tensor.of(new double[] {0}))
        .doubleValue(), TOLERANCE);
  }

  @Test
  void configureFillsDefaultsInDeclaredOrder() {
    LossConfig config = registry().configure("exl", Map.of("dtype", "float64", "scale", 3));

    assertEquals(LossConfig.builder("example_loss").put("scale", 3.0)
        .put("reduction", "sum_over_batch_size").put("name", "example_loss")
        .put("dtype", "float64").build(), config);
  }

  @Test
  void unknownParameterListsTheValidOnes() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> registry().create("exl", Map.of("gama", 2)));

    assertEquals("ExampleLoss: unknown parameter gama, expected one of "
        + "[scale, reduction, name, dtype]", error.getMessage());
  }

  @Test
  void illTypedParameterSaysWhatItExpected() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> registry().create("exl", Map.of("scale", "big")));

    assertEquals("ExampleLoss: scale: expected a number, got \"big\"", error.getMessage());
  }

  @Test
  void illTypedReductionListsTheValidOnes() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> registry().create("exl", Map.of("reduction", "auto")));

    assertEquals("ExampleLoss: reduction: expected one of [none, sum, sum_over_batch_size, "
        + "mean, mean_with_sample_weight] or null, got \"auto\"", error.getMessage());
  }

  @Test
  void valueTheLossRefusesKeepsTheLossesMessage() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> registry().create("exl", Map.of("scale", -1)));

    assertEquals("ExampleLoss: scale must be > 0, got -1.0", error.getMessage());
  }

  @Test
  void configurationRoundTripKeepsEveryArgument() {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("scale", 3);
    parameters.put("reduction", null);
    parameters.put("name", "custom");
    parameters.put("dtype", "float64");
    Loss loss = registry().create("exl", parameters);

    Loss rebuilt = registry().create(loss.config());

    assertEquals(loss.config(), rebuilt.config());
    assertEquals(loss, rebuilt);
    assertEquals(Reduction.NONE, rebuilt.reduction());
    assertEquals(DType.FLOAT64, rebuilt.dtype());
    assertEquals("custom", rebuilt.name());
  }

  @Test
  void registersProvidersByHand() {
    LossRegistry registry = LossRegistry.of();

    registry.register(new ExampleLossProvider());

    assertTrue(registry.find("exl").isPresent());
    InstalledLoss installed = registry.installed().get(0);
    assertEquals(List.of("example_loss", "ExampleLoss", "exl"), installed.names());
    assertEquals("registered programmatically", installed.source());
    assertTrue(registry.broken().isEmpty());
  }

  @Test
  void twoProvidersClaimingOneNameFailNamingBothClasses() {
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> LossRegistry.of(new ExampleLossProvider(),
            new StubProvider.Clashing("other_loss", "OtherLoss", "EXL")));

    assertEquals("two loss providers claim the name EXL: org.loss4j.api.ExampleLossProvider "
        + "from registered programmatically and org.loss4j.api.StubProvider$Clashing from "
        + "registered programmatically", error.getMessage());
  }

  @Test
  void aClashingRegistrationLeavesTheRegistryUnchanged() {
    LossRegistry registry = registry();
    int before = registry.installed().size();

    assertThrows(IllegalStateException.class,
        () -> registry.register(new StubProvider.Clashing("bce", "Bce2")));

    assertEquals(before, registry.installed().size());
    assertEquals("binary_crossentropy", registry.provider("bce").name());
    assertTrue(registry.find("Bce2").isEmpty());
  }

  @Test
  void aProviderMayRepeatItsOwnNameInAnotherCase() {
    // "poisson" and "Poisson" are one key ignoring case, but both belong to the same provider
    LossRegistry registry = LossRegistry.of(new StubProvider("poisson", "Poisson"));

    assertEquals("poisson", registry.provider("POISSON").name());
  }

  @Test
  void refusesToRegisterAProviderThatCannotDescribeItself() {
    LossProvider nameless = new StubProvider(" ", "Blank");

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> LossRegistry.of().register(nameless));

    assertEquals("org.loss4j.api.StubProvider: name() and className() must not be blank",
        error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> LossRegistry.of(nameless));
  }

  @Test
  void listsEveryNameInDeclaredSpelling() {
    List<String> names = LossRegistry.of(new ExampleLossProvider()).allNames();

    assertEquals(List.of("example_loss", "ExampleLoss", "exl"), names);
  }

  @Test
  void concurrentRegistrationsAreAllKept() throws Exception {
    // 4 threads register 50 distinct providers each while others look names up; the registry
    // publishes immutable snapshots under a lock, so no registration may be lost
    LossRegistry registry = LossRegistry.of();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> tasks = new ArrayList<>();
    for (int thread = 0; thread < 4; thread++) {
      int first = thread * 50;
      tasks.add(pool.submit(() -> {
        for (int i = first; i < first + 50; i++) {
          registry.register(new StubProvider("loss_" + i, "Loss" + i));
          registry.find("loss_" + (i / 2));
        }
      }));
    }
    for (Future<?> task : tasks) {
      task.get();
    }
    pool.shutdown();

    assertEquals(200, registry.installed().size());
    for (int i = 0; i < 200; i++) {
      assertEquals("loss_" + i, registry.provider("Loss" + i).name());
    }
  }

  @Test
  void globalRegistryIsDiscoveredOnce() {
    LossRegistry global = LossRegistry.global();

    assertNotNull(global);
    assertSame(global, LossRegistry.global());
  }
}
