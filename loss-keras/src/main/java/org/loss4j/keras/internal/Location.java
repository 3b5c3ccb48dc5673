package org.loss4j.keras.internal;

/**
 * Where a JSON value came from, for error messages: the source (a file, or a description of a
 * JSON string) and the key path inside it, such as {@code compile_config.loss.config.gamma}.
 *
 * <p>Messages read {@code <source>: <path>: <problem>}, so that a user sees at once which file
 * and which key to fix.
 */
public final class Location {
  private final String source;
  private final String path;

  private Location(String source, String path) {
    this.source = source;
    this.path = path;
  }

  /**
   * Returns the root of a source.
   *
   * @param source the file name, or what the JSON is, such as {@code "loss JSON"}; never null
   * @param root the key path of the root value, such as {@code "compile_config"}; never null
   */
  public static Location of(String source, String root) {
    return new Location(source, root);
  }

  /** Returns the location of a member of the object here. */
  public Location key(String key) {
    return new Location(source, path.isEmpty() ? key : path + "." + key);
  }

  /** Returns the location of an element of the array here. */
  public Location index(int index) {
    return new Location(source, path + "[" + index + "]");
  }

  /** Returns the source: the file name or a description of the JSON. */
  public String source() {
    return source;
  }

  /** Returns the key path, such as {@code compile_config.loss.config.gamma}. */
  public String path() {
    return path;
  }

  /** Returns an exception whose message names the source, the key path and the problem. */
  public IllegalArgumentException fail(String problem) {
    return new IllegalArgumentException(this + ": " + problem);
  }

  /** Returns the same exception as {@link #fail(String)}, keeping the cause. */
  public IllegalArgumentException fail(String problem, Throwable cause) {
    return new IllegalArgumentException(this + ": " + problem, cause);
  }

  /** Returns {@code <source>: <path>}. */
  @Override
  public String toString() {
    return path.isEmpty() ? source : source + ": " + path;
  }
}
