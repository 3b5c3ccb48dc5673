package org.loss4j.keras.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads {@code config.json} from a {@code .keras} model file: a zip that also holds
 * {@code metadata.json} and {@code model.weights.h5}.
 *
 * <p>Only the zip's central directory and the {@code config.json} entry are read; the weights are
 * never decompressed. A {@code config.json} above {@link #MAX_CONFIG_BYTES} is refused, so that a
 * hostile archive cannot exhaust memory.
 */
public final class ModelArchive {
  /** The name of the model configuration inside the archive. */
  public static final String CONFIG_ENTRY = "config.json";

  /** The largest {@code config.json} read, in bytes (16 MiB; real ones are a few KiB). */
  public static final int MAX_CONFIG_BYTES = 16 << 20;

  private ModelArchive() {}

  /**
   * Returns the text of {@code config.json}.
   *
   * @throws IllegalArgumentException naming the file, if it does not exist, is not a zip, has no
   *     {@code config.json} or one that is too large
   * @throws UncheckedIOException if reading fails for another reason
   */
  public static String readConfig(Path file) {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(file + ": no such file, expected a .keras model file");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": not a regular file, expected a .keras model "
          + "file");
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry entry = zip.getEntry(CONFIG_ENTRY);
      if (entry == null || entry.isDirectory()) {
        throw new IllegalArgumentException(file + ": " + CONFIG_ENTRY + ": missing from the "
            + "archive, expected a .keras model file saved by Keras 3 (entries: "
            + entryNames(zip) + ")");
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return new String(readBounded(in, file), StandardCharsets.UTF_8);
      }
    } catch (ZipException e) {
      throw new IllegalArgumentException(file + ": not a zip archive (" + e.getMessage()
          + "), expected a .keras model file, which is a zip holding " + CONFIG_ENTRY, e);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read " + CONFIG_ENTRY, e);
    }
  }

  /**
   * Returns the names of a model's outputs, in order, from the {@code output_layers} of a
   * functional model's {@code config.json}; empty when the model does not list them (a
   * Sequential model has one output).
   */
  public static List<String> outputNames(JsonNode modelConfig) {
    JsonNode layers = modelConfig.path("config").path("output_layers");
    List<String> names = new ArrayList<>();
    if (layers.isObject()) {
      layers.fieldNames().forEachRemaining(names::add);
    } else if (layers.isArray() && layers.size() > 0 && layers.get(0).isTextual()) {
      names.add(layers.get(0).textValue());
    } else if (layers.isArray()) {
      for (JsonNode layer : layers) {
        if (!layer.isArray() || layer.size() == 0 || !layer.get(0).isTextual()) {
          return List.of();
        }
        names.add(layer.get(0).textValue());
      }
    }
    return Collections.unmodifiableList(names);
  }

  private static byte[] readBounded(InputStream in, Path file) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int read;
    while ((read = in.read(buffer)) > 0) {
      if (out.size() + read > MAX_CONFIG_BYTES) {
        throw new IllegalArgumentException(file + ": " + CONFIG_ENTRY + ": larger than "
            + MAX_CONFIG_BYTES + " bytes, expected a model configuration of a few KiB");
      }
      out.write(buffer, 0, read);
    }
    return out.toByteArray();
  }

  private static List<String> entryNames(ZipFile zip) {
    List<String> names = new ArrayList<>();
    zip.stream().limit(10).forEach(e -> names.add(e.getName()));
    return names;
  }
}
