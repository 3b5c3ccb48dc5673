package org.loss4j.cli.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.loss4j.api.Tensor;

/** Reads a whole array from a {@code .npy}, {@code .csv} or {@code .json} file. */
public final class ArrayFiles {
  private ArrayFiles() {}

  /**
   * Reads the array a file holds, in the format its extension names.
   *
   * <p>{@code .npy} keeps its dtype (integers become int32); CSV and JSON give float64.
   *
   * @throws IllegalArgumentException naming the file, for a missing file, an unknown extension
   *     or malformed content
   */
  public static Tensor read(Path path) throws IOException {
    ArrayFormat format = ArrayFormat.of(path);
    requireFile(path);
    try {
      switch (format) {
        case NPY:
          try (NpyFile npy = NpyFile.open(path)) {
            return npy.readAll();
          }
        case CSV:
          try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return CsvArrays.read(reader);
          }
        default:
          try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return JsonArrays.read(reader);
          }
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks that a path names a readable regular file.
   *
   * @throws IllegalArgumentException saying that the file does not exist or is not a file
   */
  public static void requireFile(Path path) {
    if (!Files.exists(path)) {
      throw new IllegalArgumentException(path + ": no such file");
    }
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new IllegalArgumentException(path + ": not a readable file");
    }
  }
}
