package org.loss4j.keras.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Parses and writes JSON the way Python's {@code json} module (which Keras uses) does.
 *
 * <p>Python writes {@code NaN} and {@code Infinity} as bare tokens, which strict JSON forbids;
 * both are read and written here as Python does. Trailing content after the value and a key
 * given twice in one object are refused.
 */
public final class Json {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private Json() {}

  /**
   * Returns the tree of a JSON text.
   *
   * @throws IllegalArgumentException naming the location if the text is not valid JSON
   */
  public static JsonNode parse(String text, Location where) {
    if (text == null) {
      throw where.fail("expected JSON text, got null");
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw where.fail("expected JSON text, got an empty string");
      }
      return node;
    } catch (JsonProcessingException e) {
      String at = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr();
      throw where.fail("not valid JSON: " + e.getOriginalMessage() + at, e);
    }
  }

  /** Returns the compact JSON text of maps, lists, strings, numbers, booleans and nulls. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value + " as JSON", e);
    }
  }

  /** Returns the tree of maps, lists, strings, numbers, booleans and nulls. */
  public static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** Names the JSON type of a node for messages: {@code a string "abc"}, {@code an array}. */
  public static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    switch (node.getNodeType()) {
      case NULL:
        return "null";
      case BOOLEAN:
        return "the boolean " + node.asText();
      case NUMBER:
        return "the number " + node.asText();
      case STRING:
        return "the string " + node.toString();
      case ARRAY:
        return "an array of " + node.size();
      case OBJECT:
        return "an object";
      default:
        return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
