package org.loss4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loss4j.api.registry.LossRegistry;

/**
 * Runs {@code eval --cases}. Values of {@code cli_test_squared_error} are the hand computations in
 * {@link EvalCommandTest}'s class comment; the Keras cases carry their own expected values.
 */
class BatchEvalTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INPUTS =
      "\"y_true\": [[0, 1], [1, 0]], \"y_pred\": [[0.25, 0.75], [0.5, 0.5]]";

  @TempDir Path dir;

  private Path cases(String... entries) throws IOException {
    return Files.writeString(dir.resolve("cases.json"), "[" + String.join(",\n", entries) + "]");
  }

  private static Map<String, JsonNode> byId(String output) throws IOException {
    Map<String, JsonNode> results = new HashMap<>();
    for (JsonNode result : JSON.readTree(output)) {
      results.put(result.get("id").asText(), result);
    }
    return results;
  }

  @Test
  void writesOneResultPerCaseInOrder() throws IOException {
    Path file = cases(
        "{\"id\": \"plain\", \"loss\": \"cli_test_squared_error\", " + INPUTS + "}",
        "{\"id\": \"weight-number\", \"loss\": \"cli_sq\", \"config\": {\"reduction\": \"sum\"},"
            + " \"sample_weight\": 2, " + INPUTS + "}",
        "{\"id\": \"mask\", \"loss\": \"cli_sq\", \"mask\": [true, false], " + INPUTS + "}",
        "{\"loss\": \"cli_sq\", \"config\": {\"dtype\": \"float64\"}, " + INPUTS + "}");

    CliRun run = CliRun.of("eval", "--cases", file.toString());

    assertEquals(0, run.status, run.toString());
    JsonNode results = JSON.readTree(run.out);
    assertEquals("plain", results.get(0).get("id").asText());
    assertEquals(0.15625, results.get(0).get("value").doubleValue());
    assertEquals(0.625, results.get(1).get("value").doubleValue(), "2 * (0.0625 + 0.25)");
    assertEquals(0.0625, results.get(2).get("value").doubleValue(), "only sample 0 counts");
    assertEquals("case#3", results.get(3).get("id").asText());
    assertEquals(0.15625, results.get(3).get("value").doubleValue());
  }

  @Test
  void writesNestedValuesForReductionNoneWithNonFiniteNumbersAsStrings() throws IOException {
    Path file = cases("{\"id\": \"none\", \"loss\": \"cli_sq\", \"config\": {\"reduction\": null},"
        + " \"y_true\": [[0, 1], [1, 0]], \"y_pred\": [[0.25, 0.75], [\"nan\", 0.5]]}");

    CliRun run = CliRun.of("eval", "--cases", file.toString());

    assertEquals(0, run.status, run.toString());
    JsonNode value = JSON.readTree(run.out).get(0).get("value");
    assertEquals(0.0625, value.get(0).doubleValue());
    assertEquals("NaN", value.get(1).textValue());
  }

  /** An empty batch reduces to 0 (semantics file, choice P9). */
  @Test
  void takesTheShapeOfEmptyArraysFromTheShapeKeys() throws IOException {
    Path file = cases("{\"id\": \"empty\", \"loss\": \"cli_sq\", \"y_true\": [],"
        + " \"y_pred\": [], \"y_true_shape\": [0, 2], \"y_pred_shape\": [0, 2],"
        + " \"expected\": 0.0, \"note\": \"ignored\"}");

    CliRun run = CliRun.of("eval", "--cases", file.toString(), "--with-gradient");

    assertEquals(0, run.status, run.toString());
    JsonNode result = JSON.readTree(run.out).get(0);
    assertEquals(0.0, result.get("value").doubleValue());
    assertEquals("[]", result.get("grad_y_pred").toString());
  }

  @Test
  void addsTheGradientWhenAsked() throws IOException {
    Path file = cases("{\"id\": \"plain\", \"loss\": \"cli_sq\", " + INPUTS + "}");

    CliRun run = CliRun.of("eval", "--cases", file.toString(), "--with-gradient");

    assertEquals(0, run.status, run.toString());
    JsonNode gradient = JSON.readTree(run.out).get(0).get("grad_y_pred");
    assertEquals("[[0.125,-0.125],[-0.25,0.25]]", gradient.toString());
  }

  @Test
  void reportsRefusedCasesAsResultsAndExitsZero() throws IOException {
    Path file = cases(
        "{\"id\": \"unknown\", \"loss\": \"no_such_loss\", " + INPUTS + "}",
        "{\"id\": \"shape\", \"loss\": \"cli_sq\", \"y_true\": [[0, 1, 0]],"
            + " \"y_pred\": [[0.25, 0.75]]}",
        "{\"id\": \"ok\", \"loss\": \"cli_sq\", " + INPUTS + "}");

    CliRun run = CliRun.of("eval", "--cases", file.toString());

    assertEquals(0, run.status, run.toString());
    Map<String, JsonNode> results = byId(run.out);
    assertEquals("IllegalArgumentException",
        results.get("unknown").get("error").get("type").asText());
    assertTrue(results.get("unknown").get("error").get("message").asText()
        .startsWith("unknown loss no_such_loss"));
    assertTrue(results.get("shape").get("error").get("message").asText()
        .contains("y_true shape [1, 3] must equal y_pred shape [1, 2]"));
    assertEquals(0.15625, results.get("ok").get("value").doubleValue());
  }

  @Test
  void writesToOutFileAtomically() throws IOException {
    Path file = cases("{\"id\": \"plain\", \"loss\": \"cli_sq\", " + INPUTS + "}");
    Path out = dir.resolve("results.json");

    CliRun run = CliRun.of("eval", "--cases", file.toString(), "--out", out.toString());

    assertEquals(0, run.status, run.toString());
    assertEquals("", run.out);
    assertEquals(0.15625, JSON.readTree(out.toFile()).get(0).get("value").doubleValue());
  }

  @Test
  void failsOnACaseWithoutLossAndWritesNothing() throws IOException {
    Path file = cases("{\"id\": \"plain\", \"loss\": \"cli_sq\", " + INPUTS + "}",
        "{\"id\": \"lossless\", " + INPUTS + "}");
    Path out = dir.resolve("results.json");

    CliRun run = CliRun.of("eval", "--cases", file.toString(), "--out", out.toString());

    assertEquals(Main.FAILURE, run.status);
    assertEquals("loss4j: " + file + ": case 1 (id lossless) has no loss, expected a loss name",
        run.err.strip());
    assertFalse(Files.exists(out));
  }

  @Test
  void refusesSingleEvaluationOptionsNextToCases() throws IOException {
    Path file = cases("{\"id\": \"plain\", \"loss\": \"cli_sq\", " + INPUTS + "}");

    CliRun run = CliRun.of("eval", "--cases", file.toString(), "--gradient", "g.npy");

    assertEquals(Main.FAILURE, run.status);
    assertTrue(run.err.startsWith("loss4j: --cases takes losses"), run.err);
  }

  @Test
  void failsOnAFileThatIsNotJson() throws IOException {
    Path file = Files.writeString(dir.resolve("cases.json"), "[{\"id\": ");

    CliRun run = CliRun.of("eval", "--cases", file.toString());

    assertEquals(Main.FAILURE, run.status);
    assertTrue(run.err.startsWith("loss4j: " + file + ": malformed JSON"), run.err);
    assertEquals(1, run.err.lines().count(), run.err);
  }

  /**
   * Runs the Keras unit-test cases the testkit ships through the batch mode and compares each
   * result with the case's own expected value and tolerance (cases about losses not installed,
   * such as Keras's function forms, are refused and skipped).
   */
  @Test
  void reproducesKerasUnitTestCases() throws IOException {
    Path file = dir.resolve("keras.json");
    try (InputStream in = BatchEvalTest.class.getResourceAsStream(
        "/org/loss4j/testkit/cases/keras-unit-tests.json")) {
      Files.copy(in, file);
    }

    CliRun run = CliRun.of("eval", "--cases", file.toString());

    assertEquals(0, run.status, run.toString());
    Map<String, JsonNode> results = byId(run.out);
    int compared = 0;
    for (JsonNode expectedCase : JSON.readTree(file.toFile())) {
      JsonNode result = results.get(expectedCase.get("id").asText());
      JsonNode expected = expectedCase.get("expected");
      boolean installed = LossRegistry.global().find(expectedCase.get("loss").asText())
          .isPresent();
      if (!installed || expected == null) {
        continue;
      }
      if (expected.has("error")) {
        assertTrue(result.has("error"), "refused: " + result);
        continue;
      }
      compared++;
      assertClose(expected, result.get("value"), expectedCase.path("rtol").asDouble(),
          expectedCase.path("atol").asDouble(), result.toString());
    }
    assertTrue(compared > 50, "compared " + compared);
  }

  private static void assertClose(JsonNode expected, JsonNode actual, double rtol, double atol,
      String context) {
    if (expected.isArray()) {
      assertEquals(expected.size(), actual.size(), context);
      for (int i = 0; i < expected.size(); i++) {
        assertClose(expected.get(i), actual.get(i), rtol, atol, context);
      }
      return;
    }
    double want = expected.isTextual() ? Double.parseDouble(expected.asText())
        : expected.asDouble();
    double got = actual.isTextual() ? Double.parseDouble(actual.asText()) : actual.asDouble();
    if (Double.isNaN(want) || Double.isInfinite(want)) {
      assertEquals(want, got, context);
      return;
    }
    assertTrue(Math.abs(got - want) <= atol + rtol * Math.abs(want),
        "expected " + want + " got " + got + " in " + context);
  }
}
