package org.loss4j.cli.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * An output file that appears only when it is complete: bytes go to a temporary file next to the
 * target, which {@link #commit()} moves over the target (atomically where the file system can);
 * {@link #close()} without a commit deletes it, so an error never leaves a half-written file.
 */
public final class AtomicOutput implements Closeable {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path target;
  private final Path temporary;
  private final OutputStream stream;
  private boolean committed;

  private AtomicOutput(Path target, Path temporary, OutputStream stream) {
    this.target = target;
    this.temporary = temporary;
    this.stream = stream;
  }

  /**
   * Starts writing {@code target}, creating its directory if needed.
   *
   * @throws IOException if the directory or the temporary file cannot be created
   */
  public static AtomicOutput create(Path target) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    if (directory == null) {
      throw new IllegalArgumentException(target + ": not a file path");
    }
    OutputPaths.requireWritable(target);
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new IllegalArgumentException(target + ": cannot create the directory " + directory
          + " (" + OutputPaths.reason(e) + "), expected a writable directory", e);
    }
    // A new file with the default permissions (createTempFile would make it owner-only).
    while (true) {
      Path temporary = directory.resolve("." + absolute.getFileName() + "."
          + Long.toHexString(RANDOM.nextLong()) + ".part");
      try {
        return new AtomicOutput(absolute, temporary,
            Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE));
      } catch (java.nio.file.FileAlreadyExistsException e) {
        continue;
      } catch (IOException e) {
        throw new IllegalArgumentException(target + ": cannot write in " + directory + " ("
            + OutputPaths.reason(e) + "), expected a writable directory", e);
      }
    }
  }

  /** Returns the stream to write to (buffer it as needed). */
  public OutputStream stream() {
    return stream;
  }

  /** Returns the final path. */
  public Path target() {
    return target;
  }

  /** Closes the stream and moves the finished file into place. */
  public void commit() throws IOException {
    stream.close();
    moveIntoPlace();
  }

  /** Closes the stream; the file stays hidden until {@link #moveIntoPlace()}. */
  void finishWriting() throws IOException {
    stream.close();
  }

  /** Moves the closed temporary file over the target. */
  void moveIntoPlace() throws IOException {
    try {
      Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new IllegalArgumentException(target + ": cannot move the finished file into place ("
          + OutputPaths.reason(e) + "), expected a path where a file can be written", e);
    }
    committed = true;
  }

  /** Deletes the target after a commit, when a later output of the same run failed. */
  void retract() throws IOException {
    if (committed) {
      Files.deleteIfExists(target);
    }
  }

  /** Deletes the temporary file unless {@link #commit()} succeeded. */
  @Override
  public void close() throws IOException {
    if (!committed) {
      try {
        stream.close();
      } finally {
        Files.deleteIfExists(temporary);
      }
    }
  }
}
