package org.loss4j.keras.archfixture;

import picocli.CommandLine;

/** Architecture fixture, deliberately wrong: library code that uses picocli. */
public final class ParsesWithPicocli {
  /** Returns a command line for an object: what only loss-cli may do. */
  public static CommandLine commandLine(Object command) {
    return new CommandLine(command);
  }
}
