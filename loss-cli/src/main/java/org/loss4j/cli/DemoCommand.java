package org.loss4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.cli.demo.Demo;
import org.loss4j.cli.io.OutputPaths;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code demo}, also what runs with no command: see {@link Demo}. The chart's path is checked
 * before the training starts.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Train models on the bundled public datasets with loss4j's gradients, evaluate"
        + " every installed loss on their predictions and chart the training curves.")
final class DemoCommand implements Callable<Integer> {
  /** The chart's file when {@code --chart} is not given. */
  static final String DEFAULT_CHART = "loss4j-demo.png";

  @Spec private CommandSpec spec;

  @Option(names = "--chart", paramLabel = "FILE", defaultValue = DEFAULT_CHART,
      description = "Where to write the training curves (PNG); default ${DEFAULT-VALUE}.")
  private Path chart;

  @Override
  public Integer call() throws Exception {
    try {
      OutputPaths.requireWritable(chart);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--chart " + e.getMessage(), e);
    }
    new Demo(LossRegistry.global(), spec.commandLine().getOut()).run(chart);
    return 0;
  }

  /** Runs the demo with the default chart path, for the program run without a command. */
  static Integer runDefault(PrintWriter out) throws Exception {
    OutputPaths.requireWritable(Path.of(DEFAULT_CHART));
    new Demo(LossRegistry.global(), out).run(Path.of(DEFAULT_CHART));
    return 0;
  }
}
