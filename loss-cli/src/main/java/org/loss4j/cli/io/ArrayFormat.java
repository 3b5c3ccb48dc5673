package org.loss4j.cli.io;

import java.nio.file.Path;
import java.util.Locale;

/** The array file formats, named by a file's extension. */
public enum ArrayFormat {
  /** NumPy's binary {@code .npy}. */
  NPY,
  /** Comma-separated values, one sample a row: {@code .csv}. */
  CSV,
  /** Nested JSON arrays: {@code .json}. */
  JSON;

  /**
   * Returns the format a path's extension names.
   *
   * @throws IllegalArgumentException for any extension other than {@code .npy}, {@code .csv} and
   *     {@code .json}
   */
  public static ArrayFormat of(Path path) {
    String name = path.getFileName() == null ? ""
        : path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".npy")) {
      return NPY;
    }
    if (name.endsWith(".csv")) {
      return CSV;
    }
    if (name.endsWith(".json")) {
      return JSON;
    }
    throw new IllegalArgumentException(
        path + ": unknown file type, expected a .npy, .csv or .json file");
  }
}
