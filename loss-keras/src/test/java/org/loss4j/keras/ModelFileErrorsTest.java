package org.loss4j.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loss4j.api.registry.LossRegistry;

/** Opens broken and hand-made {@code .keras} files: each failure names the file and the key. */
class ModelFileErrorsTest {
  private static final String WEIGHTS = "model.weights.h5";
  /** The fixed part of a zip local file header, before the entry name (APPNOTE 4.3.7). */
  private static final int LOCAL_HEADER_BYTES = 30;

  private final LossRegistry registry = Registries.builtIns();

  @TempDir
  Path dir;

  private Path zip(String file, Map<String, String> entries) throws IOException {
    Path path = dir.resolve(file);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(path))) {
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        byte[] bytes = entry.getValue().getBytes(StandardCharsets.UTF_8);
        ZipEntry zipEntry = new ZipEntry(entry.getKey());
        zipEntry.setMethod(ZipEntry.STORED);
        zipEntry.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        zipEntry.setCrc(crc.getValue());
        out.putNextEntry(zipEntry);
        out.write(bytes);
        out.closeEntry();
      }
    }
    return path;
  }

  private Path model(String configJson) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("metadata.json", "{\"keras_version\": \"3.13.2\"}");
    entries.put("config.json", configJson.replace('\'', '"'));
    return zip("model.keras", entries);
  }

  private IllegalArgumentException refused(Path file) {
    return assertThrows(IllegalArgumentException.class,
        () -> KerasLossReader.fromModelFile(file, registry));
  }

  private static void assertMessage(IllegalArgumentException e, String part) {
    assertTrue(e.getMessage().contains(part), () -> "\"" + part + "\" not in: "
        + e.getMessage());
  }

  @Test
  void refusesAMissingFile() {
    Path file = dir.resolve("absent.keras");

    assertMessage(refused(file), file + ": no such file");
  }

  @Test
  void refusesAFileThatIsNotAZip() throws IOException {
    Path file = Files.writeString(dir.resolve("text.keras"), "not a zip at all");

    assertMessage(refused(file), file + ": not a zip archive");
  }

  @Test
  void refusesAZipWithoutConfigJson() throws IOException {
    Path file = zip("empty.keras", Map.of("metadata.json", "{}"));

    IllegalArgumentException e = refused(file);

    assertMessage(e, file + ": config.json: missing from the archive");
    assertMessage(e, "metadata.json");
  }

  @Test
  void refusesAConfigJsonThatIsNotJson() throws IOException {
    Path file = model("{'compile_config': ");

    assertMessage(refused(file), file + ": config.json: not valid JSON");
  }

  @Test
  void refusesAModelSavedWithoutCompile() throws IOException {
    Path file = model("{'class_name':'Sequential','config':{}}");

    assertMessage(refused(file), file + ": config.json: compile_config: missing: the model was "
        + "saved without being compiled");
  }

  @Test
  void refusesAModelCompiledWithoutALoss() throws IOException {
    Path file = model("{'compile_config':{'optimizer':'sgd','loss':null,'loss_weights':null}}");

    assertMessage(refused(file), file + ": config.json: compile_config.loss: the model was "
        + "compiled without a loss");
  }

  @Test
  void refusesAnUnknownClassNamingFileAndKey() throws IOException {
    Path file = model("{'compile_config':{'loss':{'module':'keras.losses',"
        + "'class_name':'Huber','config':{},'registered_name':null}}}");

    assertMessage(refused(file), file + ": config.json: compile_config.loss.class_name: "
        + "unknown loss class \"Huber\"");
  }

  @Test
  void refusesAnIllTypedKeyNamingFileAndKey() throws IOException {
    Path file = model("{'compile_config':{'loss':{'module':'keras.losses',"
        + "'class_name':'BinaryCrossentropy','config':{'axis':'last'},"
        + "'registered_name':null}}}");

    assertMessage(refused(file), file + ": config.json: compile_config.loss.config.axis: "
        + "BinaryCrossentropy: axis must be an integer, got the string \"last\"");
  }

  @Test
  void readsOnlyConfigJsonNeverTheWeights() throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("config.json", "{\"compile_config\": {\"loss\": \"poisson\"}}");
    entries.put(WEIGHTS, "weights");
    Path file = zip("model.keras", entries);
    breakLocalHeader(file, WEIGHTS);
    try (ZipFile zip = new ZipFile(file.toFile())) {
      assertThrows(ZipException.class,
          () -> zip.getInputStream(zip.getEntry(WEIGHTS)).readAllBytes(),
          "reading the broken weights entry fails, so reading it would fail the test");
    }

    CompiledLoss only = KerasLossReader.fromModelFile(file, registry).get(0);

    assertEquals(registry.create("poisson"), only.loss());
  }

  /**
   * Breaks the signature of an entry's local header (the 30 bytes before its name's first
   * occurrence): the central directory still lists the entry, but reading it fails.
   */
  private static void breakLocalHeader(Path file, String entry) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    int header = indexOf(bytes, entry.getBytes(StandardCharsets.UTF_8)) - LOCAL_HEADER_BYTES;
    assertEquals('P', bytes[header], "local header signature PK\\3\\4");
    bytes[header] = 'X';
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(bytes);
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
