package org.loss4j.cli.eval;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.loss4j.api.Loss;
import org.loss4j.api.LossAndGradient;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.api.Tensor;
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
    try (InputStream in = Files.newInputStream(path)) {
      return LossCases.read(in);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(path + ": malformed JSON: " + e.getOriginalMessage());
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
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
      Loss loss = registry.create(lossCase.loss(), lossCase.config());
      Tensor yTrue = lossCase.yTrue();
      Tensor yPred = lossCase.yPred();
      Tensor weights = lossCase.sampleWeight().orElse(null);
      Tensor mask = lossCase.mask().orElse(null);
      if (withGradient) {
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
