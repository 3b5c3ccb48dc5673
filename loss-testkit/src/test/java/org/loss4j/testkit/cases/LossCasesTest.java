package org.loss4j.testkit.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.loss4j.api.Tensor;

/** The shipped case files load (on the module path, where these tests run) and agree. */
class LossCasesTest {
  /** Printed values with one more digit than the coarsest ones differ by at most 1e-3. */
  private static final double TRANSCRIPTION_SLACK = 1e-9;

  @Test
  void documentedHoldsEveryPrintedExampleOfThePage() {
    List<LossCase> documented = LossCases.documented();

    // The page prints 5 BinaryCrossentropy, 10 BinaryFocalCrossentropy, 4
    // CategoricalCrossentropy, 4 CategoricalFocalCrossentropy and 4
    // SparseCategoricalCrossentropy results; Poisson, CTC and KLDivergence have no example.
    Map<String, Long> perLoss = documented.stream()
        .collect(Collectors.groupingBy(LossCase::loss, Collectors.counting()));
    assertEquals(Map.of("BinaryCrossentropy", 5L, "BinaryFocalCrossentropy", 10L,
        "CategoricalCrossentropy", 4L, "CategoricalFocalCrossentropy", 4L,
        "SparseCategoricalCrossentropy", 4L), perLoss);
    assertTrue(documented.stream().allMatch(c -> c.id().matches("doc\\.[A-Za-z]+#\\d+")
        && c.note().contains("keras.io/api/losses/probabilistic_losses")));
  }

  @Test
  void documentedToleranceIsOneUnitOfTheLastPrintedDigit() {
    Map<String, LossCase> byId = LossCases.documented().stream()
        .collect(Collectors.toMap(LossCase::id, Function.identity()));

    // Printed 0.243 (three decimals), 0.8654 (four) and 0.23315276 (eight), each plus 1e-6.
    assertEquals(1e-3 + 1e-6, byId.get("doc.BinaryCrossentropy#3").atol(), TRANSCRIPTION_SLACK);
    assertEquals(1e-4 + 1e-6, byId.get("doc.BinaryCrossentropy#1").atol(), TRANSCRIPTION_SLACK);
    assertEquals(1e-8 + 1e-6, byId.get("doc.CategoricalFocalCrossentropy#1").atol(),
        TRANSCRIPTION_SLACK);
  }

  @Test
  void documentedAgreesWithTheDocumentationCasesOfTheUnitTestFile() {
    Map<String, LossCase> unit = LossCases.kerasUnitTests().stream()
        .collect(Collectors.toMap(LossCase::id, Function.identity()));

    for (LossCase doc : LossCases.documented()) {
      LossCase same = unit.get(doc.id());
      assertEquals(same.loss(), doc.loss(), doc.id());
      assertEquals(same.config(), doc.config(), doc.id());
      assertEquals(same.yTrue(), doc.yTrue(), doc.id());
      assertEquals(same.yPred(), doc.yPred(), doc.id());
      assertEquals(same.sampleWeight(), doc.sampleWeight(), doc.id());
      assertTrue(same.expected().get().allClose(doc.expected().get(), 0, TRANSCRIPTION_SLACK),
          doc.id());
    }
  }

  @Test
  void readsErrorCasesAndSpelledOutNonFiniteNumbers() throws IOException {
    String json = "[{\"id\": \"a\", \"loss\": \"x\", \"y_true\": [1], \"y_pred\": [\"NaN\"],"
        + " \"expected\": {\"error\": \"why\"}},"
        + " {\"id\": \"b\", \"loss\": \"x\", \"y_true\": [1], \"y_pred\": [\"-inf\"],"
        + " \"expected\": 2.5, \"atol\": 0.1}]";

    List<LossCase> cases =
        LossCases.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

    assertEquals("why", cases.get(0).expectedError().orElseThrow());
    assertTrue(Double.isNaN(cases.get(0).yPred().getDouble(0)));
    assertEquals(Double.NEGATIVE_INFINITY, cases.get(1).yPred().getDouble(0));
    assertEquals(Tensor.scalar(2.5), cases.get(1).expected().orElseThrow());
    assertEquals(0.1, cases.get(1).atol());
  }

  @Test
  void shippedFilesLoad() {
    // keras-base-class.json holds Keras's 13 base-class cases.
    assertEquals(13, LossCases.kerasBaseClass().size());
    assertTrue(LossCases.kerasUnitTests().size() > LossCases.documented().size());
  }
}
