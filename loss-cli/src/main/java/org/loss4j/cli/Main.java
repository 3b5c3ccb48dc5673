package org.loss4j.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.loss4j.core.kernel.KernelPath;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Starts the {@code loss4j} program: {@code java -jar loss4j.jar COMMAND [OPTIONS]}.
 *
 * <p>Exit status: 0 on success; 1 when a command fails (bad input, a failed check), after one
 * line {@code loss4j: <why>} on standard error (with the stack trace only under
 * {@code --verbose}); 2 for a command line that does not parse.
 */
public final class Main {
  /** The exit status of a command that failed. */
  public static final int FAILURE = 1;
  /** The exit status of a command line that does not parse. */
  public static final int USAGE = 2;

  private Main() {}

  /** Runs the program and exits with its status. */
  public static void main(String... args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(run(System.out, System.err, args));
  }

  /**
   * Runs the program in-process and returns its exit status instead of exiting.
   *
   * @param out where normal output goes; never null
   * @param err where errors, warnings and progress go; never null
   * @param args the command line, without the program name
   */
  public static int run(PrintStream out, PrintStream err, String... args) {
    PrintWriter outWriter = new PrintWriter(
        new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true);
    PrintWriter errWriter = new PrintWriter(
        new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true);
    Loss4jCommand root = new Loss4jCommand();
    CommandLine commandLine = new CommandLine(root)
        .setOut(outWriter)
        .setErr(errWriter)
        .setExecutionExceptionHandler((e, command, parsed) -> {
          errWriter.println("loss4j: " + describe(e));
          if (root.verbose()) {
            e.printStackTrace(errWriter);
          }
          return FAILURE;
        })
        .setParameterExceptionHandler((e, parsed) -> {
          errWriter.println("loss4j: " + e.getMessage());
          errWriter.println("Try 'loss4j " + commandName(e.getCommandLine()) + " --help'.");
          return USAGE;
        })
        .setExecutionStrategy(parsed -> {
          if (root.verbose()) {
            ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.DEBUG);
          }
          try {
            KernelPath.active();
          } catch (IllegalStateException e) {
            throw new CommandLine.ExecutionException(parsed.commandSpec().commandLine(),
                e.getMessage(), e);
          }
          return new CommandLine.RunLast().execute(parsed);
        });
    int status;
    try {
      status = commandLine.execute(args);
    } catch (OutOfMemoryError e) {
      errWriter.println("loss4j: out of memory; give Java more (java -Xmx…), or for .npy inputs"
          + " stream them in smaller chunks with --chunk-rows N");
      status = FAILURE;
    }
    outWriter.flush();
    errWriter.flush();
    return status;
  }

  private static String commandName(CommandLine commandLine) {
    String name = commandLine.getCommandName();
    return commandLine.getParent() == null ? "" : name;
  }

  /** Returns the message of a failure, or its type when it has none. */
  private static String describe(Throwable e) {
    Throwable shown = e;
    while (shown.getMessage() == null && shown.getCause() != null) {
      shown = shown.getCause();
    }
    if (shown instanceof java.nio.file.NoSuchFileException) {
      return shown.getMessage() + ": no such file";
    }
    if (shown instanceof java.nio.file.AccessDeniedException) {
      return shown.getMessage() + ": permission denied";
    }
    return shown.getMessage() == null ? shown.getClass().getSimpleName() : shown.getMessage();
  }
}
