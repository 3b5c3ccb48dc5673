package org.loss4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.loss4j.api.LossConfig;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.cli.io.ArrayFiles;
import org.loss4j.keras.CompiledLoss;
import org.loss4j.keras.KerasLossReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code inspect MODEL.keras}: prints the losses, with their full configuration, and the loss
 * weights a Keras model file was compiled with. An output whose loss cannot be built (such as one
 * not installed) is shown as unavailable with the reason, and the others still show; the exit
 * status is non-zero only when no output can be read.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = "Print the losses and loss weights a .keras model file was compiled with.")
final class InspectCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Parameters(paramLabel = "MODEL.keras", description = "A model saved by Keras 3.")
  private Path model;

  @Override
  public Integer call() throws Exception {
    ArrayFiles.requireFile(model);
    LossRegistry registry = LossRegistry.global();
    List<CompiledLoss> losses;
    try {
      losses = KerasLossReader.fromModelFile(model, registry);
    } catch (IllegalArgumentException whole) {
      return partially(registry, whole);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(model + ": " + losses.size() + " compiled loss" + (losses.size() == 1 ? ""
        : "es"));
    for (CompiledLoss compiled : losses) {
      print(out, compiled.outputIndex()
          + compiled.outputName().map(name -> ": " + name).orElse(""), compiled.weight(),
          compiled.loss().config());
    }
    return 0;
  }

  /**
   * Shows each output that can be read when the model as a whole cannot, marking the others
   * unavailable; fails with the reading's error when no output can be read.
   */
  private Integer partially(LossRegistry registry, IllegalArgumentException whole)
      throws IOException {
    List<OutputLosses.Entry> entries;
    try {
      entries = OutputLosses.read(model, registry);
    } catch (IllegalArgumentException e) {
      throw whole;
    }
    if (entries.stream().allMatch(entry -> entry.loss == null)) {
      throw whole;
    }
    PrintWriter out = spec.commandLine().getOut();
    long available = entries.stream().filter(entry -> entry.loss != null).count();
    out.println(model + ": " + entries.size() + " compiled loss" + (entries.size() == 1 ? ""
        : "es") + ", " + (entries.size() - available) + " unavailable");
    for (OutputLosses.Entry entry : entries) {
      if (entry.loss != null) {
        print(out, entry.label, entry.weight, entry.loss.config());
      } else {
        out.println();
        out.println("output " + entry.label);
        out.println("  unavailable: " + entry.problem);
        out.println("  weight: " + entry.weight);
      }
    }
    return 0;
  }

  private static void print(PrintWriter out, String label, double weight, LossConfig config) {
    out.println();
    out.println("output " + label);
    out.println("  loss:   " + config.loss());
    out.println("  weight: " + weight);
    config.values().forEach((key, value) -> out.printf("  %-22s %s%n", key, value));
  }
}
