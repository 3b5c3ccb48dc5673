package org.loss4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The root command: holds the options every command shares and runs {@code demo} when no command
 * is given.
 */
@Command(
    name = "loss4j",
    mixinStandardHelpOptions = true,
    version = "loss4j 0.1.0-SNAPSHOT",
    description = {
      "Keras's probabilistic losses on the JVM: evaluate, list, check, inspect, demo.",
      "Without a command, runs the demo."
    },
    subcommands = {
      EvalCommand.class,
      ListCommand.class,
      CheckCommand.class,
      InspectCommand.class,
      DemoCommand.class
    })
final class Loss4jCommand implements Callable<Integer> {
  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Show stack traces of failures and debug logs.")
  private boolean verbose;

  @Spec private CommandSpec spec;

  boolean verbose() {
    return verbose;
  }

  /** Runs the demo with its defaults. */
  @Override
  public Integer call() throws Exception {
    return DemoCommand.runDefault(spec.commandLine().getOut());
  }
}
