package org.loss4j.cli.eval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.loss4j.api.Loss;
import org.loss4j.api.LossAndGradient;
import org.loss4j.api.Tensor;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.cli.io.ArrayFiles;
import org.loss4j.cli.io.JsonArrays;
import org.loss4j.testkit.cases.LossCase;
import org.loss4j.testkit.cases.LossCases;

/**
 * Evaluates a JSON file of cases, the format the testkit's data uses, and writes one result per
 * case in the same order.
 *
 * <p>A result is {@code {"id", "value"}} (a number, or nested arrays for reduction none), plus
 * {@code "grad_y_pred"} when gradients are asked for; or {@code {"id", "error": {"type",
 * "message"}}} when the loss refused the case. Non-finite numbers are written as the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}.
 */
public final class BatchEvaluation {
  private static final JsonFactory JSON = new JsonFactory();
  /** The prefix of the functional form of a loss in the shared case format. */
  private static final String FUNCTIONAL = "fn:";

  private final LossRegistry registry;
  private final boolean withGradient;

  /**
   * Creates an evaluation.
   *
   * @param registry where loss names are looked up; never null
   * @param withGradient whether results carry {@code grad_y_pred}
   */
  public BatchEvaluation(LossRegistry registry, boolean withGradient) {
    this.registry = registry;
    this.withGradient = withGradient;
  }

  /**
   * Reads the cases of a file.
   *
   * @throws IllegalArgumentException naming the file if it is missing, is not a JSON array of
   *     objects, or has a case without {@code loss}
   */
  public static List<LossCase> readCases(Path path) throws IOException {
    ArrayFiles.requireFile(path);
    byte[] bytes = Files.readAllBytes(path);
    try {
      checkShape(JsonArrays.readValue(
          new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)));
      try (InputStream in = new ByteArrayInputStream(bytes)) {
        return LossCases.read(in);
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(path + ": " + JsonArrays.describe(e), e);
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }

  /** Requires an array of objects, each with a loss name and both arrays. */
  private static void checkShape(JsonNode root) {
    if (root == null || !root.isArray()) {
      throw new IllegalArgumentException("expected a JSON array of case objects, got "
          + (root == null ? "an empty file" : "a JSON " + root.getNodeType().name()
              .toLowerCase(Locale.ROOT)));
    }
    for (int i = 0; i < root.size(); i++) {
      JsonNode entry = root.get(i);
      String which = "case " + i;
      if (!entry.isObject()) {
        throw new IllegalArgumentException(which + " is a JSON " + entry.getNodeType().name()
            .toLowerCase(Locale.ROOT) + ", expected an object with loss, y_true and y_pred");
      }
      if (entry.hasNonNull("id")) {
        which += " (id " + entry.get("id").asText() + ")";
      }
      for (String key : new String[] {"loss", "y_true", "y_pred"}) {
        if (!entry.hasNonNull(key)) {
          throw new IllegalArgumentException(which + " has no " + key + ", expected "
              + (key.equals("loss") ? "a loss name" : "nested arrays of numbers"));
        }
      }
      if (!entry.get("loss").isTextual()) {
        throw new IllegalArgumentException(
            which + ": loss is " + entry.get("loss") + ", expected a loss name string");
      }
    }
  }

  /** Evaluates every case and writes the results as a JSON array, one case a line. */
  public void run(List<LossCase> cases, Writer out) throws IOException {
    out.write("[");
    for (int i = 0; i < cases.size(); i++) {
      out.write(i == 0 ? "\n  " : ",\n  ");
      try (JsonGenerator json = JSON.createGenerator(out)) {
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        writeResult(cases.get(i), json);
      }
    }
    out.write(cases.isEmpty() ? "]\n" : "\n]\n");
    out.flush();
  }

  private void writeResult(LossCase lossCase, JsonGenerator json) throws IOException {
    Tensor value;
    Tensor gradient = null;
    try {
      boolean functional = lossCase.loss().startsWith(FUNCTIONAL);
      String name = functional ? lossCase.loss().substring(FUNCTIONAL.length())
          : lossCase.loss();
      Loss loss = registry.create(name, lossCase.config());
      Tensor yTrue = lossCase.yTrue();
      Tensor yPred = lossCase.yPred();
      Tensor weights = lossCase.sampleWeight().orElse(null);
      Tensor mask = lossCase.mask().orElse(null);
      if (functional) {
        value = loss.perSample(yTrue, yPred);
        if (withGradient) {
          gradient = registry.create(loss.config().with("reduction", "none"))
              .valueAndGradient(yTrue, yPred, null, null).gradient();
        }
      } else if (withGradient) {
        LossAndGradient both = loss.valueAndGradient(yTrue, yPred, weights, mask);
        value = both.value();
        gradient = both.gradient();
      } else {
        value = loss.compute(yTrue, yPred, weights, mask);
      }
    } catch (RuntimeException refused) {
      json.writeStartObject();
      json.writeStringField("id", lossCase.id());
      json.writeObjectFieldStart("error");
      json.writeStringField("type", refused.getClass().getSimpleName());
      json.writeStringField("message", String.valueOf(refused.getMessage()));
      json.writeEndObject();
      json.writeEndObject();
      return;
    }
    json.writeStartObject();
    json.writeStringField("id", lossCase.id());
    json.writeFieldName("value");
    JsonArrays.write(json, value);
    if (gradient != null) {
      json.writeFieldName("grad_y_pred");
      JsonArrays.write(json, gradient);
    }
    json.writeEndObject();
  }
}
