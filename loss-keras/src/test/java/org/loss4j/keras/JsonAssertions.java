package org.loss4j.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/** Compares JSON texts as trees, for the serialized losses. */
final class JsonAssertions {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonAssertions() {}

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  /** Returns {@code compile_config.loss} of a model file's config.json, read independently. */
  static JsonNode compiledLossOf(Path kerasFile) {
    try (ZipFile zip = new ZipFile(kerasFile.toFile());
        InputStream in = zip.getInputStream(zip.getEntry("config.json"))) {
      return MAPPER.readTree(in).path("compile_config").path("loss");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Asserts equal trees (a number's JSON type counts: {@code 2} is not {@code 2.0}), and the
   * config keys in the same order.
   */
  static void assertSameSerializedLoss(String expected, String actual) {
    JsonNode want = parse(expected);
    JsonNode got = parse(actual);
    assertEquals(want, got, () -> "expected " + want + "\n     got " + got);
    assertEquals(keys(want.path("config")), keys(got.path("config")), "config key order");
  }

  static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
