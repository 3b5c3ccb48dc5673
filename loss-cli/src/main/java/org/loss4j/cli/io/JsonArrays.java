package org.loss4j.cli.io;

import com.fasterxml.jackson.core.JsonGenerator;
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
    JsonNode root;
    try {
      root = MAPPER.readTree(reader);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("malformed JSON: " + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw new IllegalArgumentException("empty JSON file, expected nested arrays of numbers");
    }
    return toTensor(root);
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
