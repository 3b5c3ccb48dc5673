package org.loss4j.focal;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Runs every case of {@code keras-test-cases.json} (Keras 3.13.2's unit tests and the documented
 * examples, shipped by the testkit) that names one of the focal losses: the class form through
 * {@link Loss#compute}, the {@code fn:} functional form through {@link Loss#perSample}. Each
 * case's expected value and tolerance come from the file.
 */
class KerasUnitCasesTest {
  private static final String FUNCTION_PREFIX = "fn:";

  /**
   * The focal cases in {@code keras-test-cases.json}: 19 BinaryFocalCrossentropy, 14
   * CategoricalFocalCrossentropy, and one functional case of each.
   */
  private static final int FOCAL_CASES = 35;

  private static final Set<String> FOCAL_NAMES = Set.of("binaryfocalcrossentropy",
      "categoricalfocalcrossentropy", "binary_focal_crossentropy",
      "categorical_focal_crossentropy");

  private static final LossRegistry REGISTRY = LossRegistry.of(
      new BinaryFocalCrossentropyProvider(), new CategoricalFocalCrossentropyProvider());

  private static List<LossCase> focalCases() {
    return LossCases.kerasUnitTests().stream()
        .filter(c -> FOCAL_NAMES.contains(baseName(c).toLowerCase(Locale.ROOT)))
        .collect(Collectors.toList());
  }

  private static String baseName(LossCase lossCase) {
    String name = lossCase.loss();
    return name.startsWith(FUNCTION_PREFIX) ? name.substring(FUNCTION_PREFIX.length()) : name;
  }

  @Test
  void findsEveryFocalCaseOfTheFile() {
    List<LossCase> cases = focalCases();

    assertEquals(FOCAL_CASES, cases.size(), () -> cases.toString());
  }

  @TestFactory
  Stream<DynamicTest> matchesKerasUnitTestCases() {
    return focalCases().stream().map(c -> DynamicTest.dynamicTest(c.id(), () -> run(c)));
  }

  private static void run(LossCase lossCase) {
    Loss loss = REGISTRY.create(baseName(lossCase), lossCase.config());
    if (lossCase.expectedError().isPresent()) {
      assertThrows(IllegalArgumentException.class, () -> evaluate(lossCase, loss),
          lossCase.expectedError().get());
      return;
    }

    Tensor actual = evaluate(lossCase, loss);

    Tensor expected = lossCase.expected().orElseThrow();
    assertTrue(actual.allClose(expected, lossCase.rtol(), lossCase.atol()),
        () -> lossCase.id() + ": expected " + expected + " within rtol " + lossCase.rtol()
            + ", atol " + lossCase.atol() + ", got " + actual);
  }

  private static Tensor evaluate(LossCase lossCase, Loss loss) {
    if (lossCase.loss().startsWith(FUNCTION_PREFIX)) {
      return loss.perSample(lossCase.yTrue(), lossCase.yPred());
    }
    return loss.compute(lossCase.yTrue(), lossCase.yPred(),
        lossCase.sampleWeight().orElse(null), lossCase.mask().orElse(null));
  }
}
