package org.loss4j.cli.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks output paths before any work: each must be able to become a file (not a directory, under
 * a directory that exists or can be created and is writable), and no output may be an input or
 * another output, so that a run never overwrites its own inputs.
 */
public final class OutputPaths {
  private OutputPaths() {}

  /**
   * Requires that a file can be written at {@code target}.
   *
   * @throws IllegalArgumentException naming the path, if it is a directory, lies under a file, or
   *     its nearest existing directory is not writable
   */
  public static void requireWritable(Path target) {
    Path absolute = target.toAbsolutePath().normalize();
    if (Files.isDirectory(absolute)) {
      throw new IllegalArgumentException(
          target + ": is a directory, expected the path of a file to write");
    }
    Path ancestor = absolute.getParent();
    while (ancestor != null && !Files.exists(ancestor)) {
      ancestor = ancestor.getParent();
    }
    if (ancestor == null) {
      throw new IllegalArgumentException(target + ": not a file path");
    }
    if (!Files.isDirectory(ancestor)) {
      throw new IllegalArgumentException(target + ": " + ancestor
          + " is a file, not a directory, expected a path in a directory");
    }
    if (!Files.isWritable(ancestor)) {
      throw new IllegalArgumentException(target + ": cannot write in " + ancestor
          + " (permission denied), expected a writable directory");
    }
  }

  /**
   * Requires every output to be writable and distinct from every input and every other output.
   *
   * @param inputs the input paths by option name, such as {@code --y-true}; null paths ignored
   * @param outputs the output paths by option name; null paths ignored
   * @throws IllegalArgumentException naming both options when two paths are the same file
   */
  public static void check(Map<String, Path> inputs, Map<String, Path> outputs) {
    Map<Path, String> seen = new LinkedHashMap<>();
    inputs.forEach((option, path) -> {
      if (path != null) {
        seen.putIfAbsent(identity(path), option);
      }
    });
    for (Map.Entry<String, Path> output : outputs.entrySet()) {
      Path path = output.getValue();
      if (path == null) {
        continue;
      }
      String option = output.getKey();
      String other = seen.putIfAbsent(identity(path), option);
      if (other != null) {
        String role = inputs.containsKey(other) ? "the input of " : "also the output of ";
        throw new IllegalArgumentException(option + " " + path + ": is " + role + other
            + ", expected a different file so that it is not overwritten");
      }
      try {
        requireWritable(path);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(option + " " + e.getMessage(), e);
      }
    }
  }

  /** Returns the path that names the same file as {@code path}, links resolved where they exist. */
  private static Path identity(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    try {
      if (Files.exists(absolute)) {
        return absolute.toRealPath();
      }
      Path parent = absolute.getParent();
      if (parent != null && Files.exists(parent)) {
        return parent.toRealPath().resolve(absolute.getFileName());
      }
    } catch (IOException e) {
      return absolute;
    }
    return absolute;
  }

  /** Returns a short reason for a failed file operation, without the paths it names. */
  static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException) {
      return e.getMessage() + " is a file, not a directory";
    }
    if (e instanceof NotDirectoryException) {
      return e.getMessage() + " is not a directory";
    }
    if (e instanceof NoSuchFileException) {
      return "files cannot be created there";
    }
    if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
      return ((FileSystemException) e).getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
