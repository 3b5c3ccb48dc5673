package org.loss4j.api;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs Keras's own tests of the reduction, sample-weight and mask logic
 * ({@code keras-base-class-cases.json}, see ATTRIBUTION.md beside it) against {@link ExampleLoss}
 * in float32, Keras's default dtype. Each case carries its expected value and tolerance.
 */
class KerasBaseClassCasesTest {
  private static final String CASES = "keras-base-class-cases.json";
  private static final int CASE_COUNT = 13;

  private static List<Map<String, Object>> cases() throws IOException {
    try (InputStream in = KerasBaseClassCasesTest.class.getResourceAsStream(CASES)) {
      assertNotNull(in, CASES);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> cases = new ObjectMapper().readValue(in, List.class);
      return cases;
    }
  }

  @Test
  void readsEveryCase() throws IOException {
    // guards against a silently empty factory below
    assertTrue(cases().size() == CASE_COUNT, "expected " + CASE_COUNT + " cases");
  }

  @TestFactory
  Stream<DynamicTest> matchesKeras() throws IOException {
    return cases().stream().map(c -> DynamicTest.dynamicTest((String) c.get("id"), () -> run(c)));
  }

  private static void run(Map<String, Object> json) {
    @SuppressWarnings("unchecked")
    Map<String, Object> config = (Map<String, Object>) json.get("config");
    Reduction reduction = config.containsKey("reduction")
        ? Reduction.parse((String) config.get("reduction")) : Reduction.SUM_OVER_BATCH_SIZE;
    Loss loss = ExampleLoss.float32(reduction);
    Tensor yTrue = tensor(json.get("y_true"), allIntegers(json.get("y_true"))
        ? DType.INT32 : DType.FLOAT64);
    Tensor yPred = tensor(json.get("y_pred"), DType.FLOAT32);
    Tensor weight = tensor(json.get("sample_weight"), DType.FLOAT64);
    Tensor mask = tensor(json.get("mask"), DType.FLOAT64);
    Tensor expected = tensor(json.get("expected"), DType.FLOAT64);
    double rtol = ((Number) json.get("rtol")).doubleValue();
    double atol = ((Number) json.get("atol")).doubleValue();

    Tensor actual = loss.compute(yTrue, yPred, weight, mask);

    assertTrue(actual.allClose(expected, rtol, atol),
        json.get("id") + ": expected " + expected + ", got " + actual);
  }

  private static Tensor tensor(Object nested, DType dtype) {
    return nested == null ? null : Tensor.fromNested(nested, dtype);
  }

  /** Returns whether every leaf is a JSON integer (Keras's test_mixed_dtypes int32 labels). */
  private static boolean allIntegers(Object nested) {
    if (nested instanceof List) {
      return ((List<?>) nested).stream().allMatch(KerasBaseClassCasesTest::allIntegers);
    }
    return nested instanceof Integer;
  }
}
