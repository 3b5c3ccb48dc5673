package org.loss4j.cli.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.loss4j.api.DType;
import org.loss4j.api.Tensor;

/**
 * Reads and writes arrays as JSON: a number, or nested arrays of numbers (booleans read as 1 and
 * 0), with the non-finite numbers spelled as the strings {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"} ({@code "nan"}, {@code "inf"}, {@code "-inf"} are read too).
 */
public final class JsonArrays {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonArrays() {}

  /**
   * Reads one array as a float64 tensor.
   *
   * @throws IllegalArgumentException for malformed JSON, ragged nesting or a non-number
   */
  public static Tensor read(Reader reader) throws IOException {
    JsonNode root = readValue(reader);
    if (root == null) {
      throw new IllegalArgumentException("empty JSON file, expected nested arrays of numbers");
    }
    return toTensor(root);
  }

  /**
   * Reads exactly one JSON value, refusing anything but whitespace after it.
   *
   * @return the value, or null for empty input
   * @throws IllegalArgumentException for malformed JSON or trailing content, with a message
   *     giving the line and column, free of the parser's internals
   */
  public static JsonNode readValue(Reader reader) throws IOException {
    try (JsonParser parser = MAPPER.getFactory().createParser(reader)) {
      if (parser.nextToken() == null) {
        return null;
      }
      JsonNode value = MAPPER.readTree(parser);
      if (parser.nextToken() != null) {
        JsonLocation where = parser.currentTokenLocation();
        throw new IllegalArgumentException(String.format("trailing content at line %d, column %d"
            + " after the JSON value, expected a single value", where.getLineNr(),
            where.getColumnNr()));
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(describe(e), e);
    }
  }

  /**
   * Returns a one-line description of a JSON syntax error: where it is and what was wrong, without
   * the parser's hints about its own features or the source excerpt.
   */
  public static String describe(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage());
    int newline = message.indexOf('\n');
    message = newline < 0 ? message : message.substring(0, newline);
    if (message.contains("JsonReadFeature") || message.contains("JsonParser.Feature")) {
      int colon = message.indexOf(':');
      message = (colon < 0 ? message : message.substring(0, colon))
          + ", expected standard JSON (write non-finite numbers as the strings \"NaN\","
          + " \"Infinity\" and \"-Infinity\")";
    }
    message = message.replaceAll("`[a-z]+(\\.[a-z]+)+\\.([A-Za-z]+)[^`]*`", "$2");
    JsonLocation where = e.getLocation();
    return where == null ? "malformed JSON: " + message : String.format(
        "malformed JSON at line %d, column %d: %s", where.getLineNr(), where.getColumnNr(),
        message);
  }

  /** Returns the tensor a JSON value holds (a number or nested arrays). */
  public static Tensor toTensor(JsonNode node) {
    return Tensor.fromNested(toNested(node), DType.FLOAT64);
  }

  /**
   * Returns a JSON value as nested lists of doubles, non-finite spellings converted.
   *
   * @throws IllegalArgumentException for anything that is not a number, boolean or array
   */
  public static Object toNested(JsonNode node) {
    if (node.isArray()) {
      List<Object> items = new ArrayList<>(node.size());
      for (JsonNode item : node) {
        items.add(toNested(item));
      }
      return items;
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue() ? 1.0 : 0.0;
    }
    if (node.isTextual()) {
      try {
        return Numbers.parse(node.textValue());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "expected a number, got \"" + node.textValue() + "\"");
      }
    }
    throw new IllegalArgumentException("expected a number or an array, got " + node);
  }

  /** Writes a tensor as a number (rank 0) or nested arrays, in its dtype's shortest form. */
  public static void write(JsonGenerator json, Tensor tensor) throws IOException {
    writeBlock(json, tensor, tensor.shape(), 0, 0);
  }

  private static int writeBlock(JsonGenerator json, Tensor tensor, int[] shape, int axis,
      int position) throws IOException {
    if (axis == shape.length) {
      writeNumber(json, tensor.getDouble(position), tensor.dtype());
      return position + 1;
    }
    json.writeStartArray();
    int next = position;
    for (int i = 0; i < shape[axis]; i++) {
      next = writeBlock(json, tensor, shape, axis + 1, next);
    }
    json.writeEndArray();
    return next;
  }

  /** Writes one number; non-finite values become their string spellings. */
  public static void writeNumber(JsonGenerator json, double value, DType dtype)
      throws IOException {
    String text = Numbers.format(value, dtype);
    if (Numbers.isNonFinite(value)) {
      json.writeString(text);
    } else {
      json.writeNumber(text);
    }
  }

  /** Returns a compact generator writing to {@code out} that leaves {@code out} open. */
  public static JsonGenerator generator(java.io.Writer out) throws IOException {
    JsonGenerator json = MAPPER.getFactory().createGenerator(out);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    return json;
  }
}
