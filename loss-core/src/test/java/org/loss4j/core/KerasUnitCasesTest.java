package org.loss4j.core;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.loss4j.api.Loss;
import org.loss4j.api.Tensor;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.testkit.cases.LossCase;
import org.loss4j.testkit.cases.LossCases;

/**
 * Runs every case of {@code keras-test-cases.json} (Keras 3.13.2's own unit tests and the
 * documentation page's examples, read through {@link LossCases#kerasUnitTests()}) whose loss is
 * one of loss-core's five, each within the tolerance the case states. {@code fn:} cases are
 * Keras's functional forms: per-sample values, no reduction.
 */
class KerasUnitCasesTest {
  private static final Set<String> CORE_LOSSES = Set.of("binarycrossentropy",
      "binary_crossentropy", "categoricalcrossentropy", "categorical_crossentropy",
      "sparsecategoricalcrossentropy", "sparse_categorical_crossentropy", "poisson",
      "kldivergence", "kl_divergence");
  private static final String FUNCTIONAL = "fn:";

  private static final LossRegistry REGISTRY = LossRegistry.of(new BinaryCrossentropyProvider(),
      new CategoricalCrossentropyProvider(), new SparseCategoricalCrossentropyProvider(),
      new PoissonProvider(), new KLDivergenceProvider());

  private static List<LossCase> coreCases() {
    return LossCases.kerasUnitTests().stream()
        .filter(c -> CORE_LOSSES.contains(lossName(c).toLowerCase(Locale.ROOT)))
        .collect(Collectors.toList());
  }

  private static String lossName(LossCase c) {
    return c.loss().startsWith(FUNCTIONAL) ? c.loss().substring(FUNCTIONAL.length()) : c.loss();
  }

  @TestFactory
  Stream<DynamicTest> matchesEveryKerasCaseOfTheCoreLosses() {
    return coreCases().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> run(c)));
  }

  @Test
  void coversAllFiveLossesAndTheFunctionalForms() {
    List<LossCase> cases = coreCases();

    Set<String> losses = cases.stream().map(c -> REGISTRY.provider(lossName(c)).name())
        .collect(Collectors.toSet());

    assertTrue(losses.equals(Set.of("binary_crossentropy", "categorical_crossentropy",
        "sparse_categorical_crossentropy", "poisson", "kl_divergence")), losses.toString());
    assertTrue(cases.stream().anyMatch(c -> c.loss().startsWith(FUNCTIONAL)));
    assertFalse(cases.size() < 60, "only " + cases.size() + " cases");
  }

  private static void run(LossCase c) {
    Loss loss = REGISTRY.create(lossName(c), c.config());
    if (c.expectedError().isPresent()) {
      assertThrows(IllegalArgumentException.class, () -> evaluate(c, loss), c.note());
      return;
    }

    Tensor actual = evaluate(c, loss);

    Tensor expected = c.expected().orElseThrow();
    assertTrue(actual.allClose(expected, c.rtol(), c.atol()),
        () -> c.id() + ": expected " + expected + " within rtol " + c.rtol() + ", atol "
            + c.atol() + ", got " + actual + (c.note().isEmpty() ? "" : " (" + c.note() + ")"));
  }

  private static Tensor evaluate(LossCase c, Loss loss) {
    if (c.loss().startsWith(FUNCTIONAL)) {
      return loss.perSample(c.yTrue(), c.yPred());
    }
    return loss.compute(c.yTrue(), c.yPred(), c.sampleWeight().orElse(null),
        c.mask().orElse(null));
  }
}
