package org.loss4j.testkit.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads conformance cases from the JSON case format, and gives the case files the testkit ships.
 *
 * <p>Non-finite numbers are written as the strings {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"}; {@code "nan"}, {@code "inf"} and {@code "-inf"} are read too.
 */
public final class LossCases {
  private static final String BASE = "/org/loss4j/testkit/cases/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private LossCases() {}

  /**
   * Returns every example with a printed value on the Keras documentation page of the
   * probabilistic losses (keras.io/api/losses/probabilistic_losses), with ids such as
   * {@code doc.BinaryCrossentropy#3} and the tolerance the printed precision allows: one unit of
   * the last printed digit (the page truncates some values) plus 1e-6.
   */
  public static List<LossCase> documented() {
    return fromResource(BASE + "documented-examples.json");
  }

  /**
   * Returns the numeric cases of Keras 3.13.2's own unit tests for the probabilistic losses and
   * the documentation page's examples, with the values loss4j must give.
   */
  public static List<LossCase> kerasUnitTests() {
    return fromResource(BASE + "keras-unit-tests.json");
  }

  /**
   * Returns Keras's tests of the reduction, sample-weight and mask logic, run with a squared
   * error loss named {@code ExampleLoss}.
   */
  public static List<LossCase> kerasBaseClass() {
    return fromResource(BASE + "keras-base-class.json");
  }

  /** Returns the cases in a classpath resource of this jar. */
  public static List<LossCase> fromResource(String resource) {
    try (InputStream in = LossCases.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no case file " + resource);
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read case file " + resource, e);
    }
  }

  /**
   * Returns the cases of a JSON array.
   *
   * @throws IOException if the stream is not such an array
   * @throws IllegalArgumentException if a case lacks {@code loss} or {@code y_pred}
   */
  public static List<LossCase> read(InputStream json) throws IOException {
    List<?> array = JSON.readValue(json, List.class);
    List<LossCase> cases = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Object entry = array.get(i);
      if (!(entry instanceof Map)) {
        throw new IllegalArgumentException("case " + i + " is not a JSON object");
      }
      cases.add(toCase((Map<?, ?>) entry, i));
    }
    return cases;
  }

  private static LossCase toCase(Map<?, ?> json, int index) {
    Object id = json.containsKey("id") ? json.get("id") : "case#" + index;
    Object loss = json.get("loss");
    if (!(loss instanceof String)) {
      throw new IllegalArgumentException("case " + id + " has no \"loss\"");
    }
    LossCase.Builder builder = LossCase.builder(id.toString(), (String) loss);
    Object config = json.get("config");
    builder.config(config instanceof Map ? stringKeys((Map<?, ?>) config) : Map.of());
    builder.yTrue(numbers(json.get("y_true")), shape(json.get("y_true_shape")));
    builder.yPred(numbers(json.get("y_pred")), shape(json.get("y_pred_shape")));
    builder.sampleWeight(numbers(json.get("sample_weight")));
    builder.mask(numbers(json.get("mask")));
    Object expected = json.get("expected");
    if (expected instanceof Map && ((Map<?, ?>) expected).containsKey("error")) {
      builder.expectedError(String.valueOf(((Map<?, ?>) expected).get("error")));
    } else if (expected != null) {
      builder.expected(numbers(expected), number(json.get("rtol")), number(json.get("atol")));
    }
    Object note = json.get("note");
    return builder.note(note == null ? "" : note.toString()).build();
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> result = new LinkedHashMap<>();
    map.forEach((key, value) -> result.put(key.toString(), value));
    return result;
  }

  private static int[] shape(Object json) {
    if (json == null) {
      return null;
    }
    List<?> dims = (List<?>) json;
    return dims.stream().mapToInt(dim -> ((Number) dim).intValue()).toArray();
  }

  private static double number(Object json) {
    return json == null ? 0.0 : ((Number) json).doubleValue();
  }

  /** Replaces the spelled-out non-finite numbers in nested lists with doubles. */
  static Object numbers(Object json) {
    if (json instanceof List) {
      List<Object> converted = new ArrayList<>();
      for (Object item : (List<?>) json) {
        converted.add(numbers(item));
      }
      return converted;
    }
    if (json instanceof String) {
      return nonFinite((String) json);
    }
    return json;
  }

  private static Double nonFinite(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "nan":
        return Double.NaN;
      case "infinity":
      case "inf":
        return Double.POSITIVE_INFINITY;
      case "-infinity":
      case "-inf":
        return Double.NEGATIVE_INFINITY;
      default:
        throw new IllegalArgumentException("expected a number, got \"" + text + "\"");
    }
  }
}
