package org.loss4j.cli;

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
 * weights a Keras model file was compiled with.
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
    List<CompiledLoss> losses = KerasLossReader.fromModelFile(model, LossRegistry.global());
    PrintWriter out = spec.commandLine().getOut();
    out.println(model + ": " + losses.size() + " compiled loss" + (losses.size() == 1 ? ""
        : "es"));
    for (CompiledLoss compiled : losses) {
      LossConfig config = compiled.loss().config();
      out.println();
      out.println("output " + compiled.outputIndex()
          + compiled.outputName().map(name -> ": " + name).orElse(""));
      out.println("  loss:   " + config.loss());
      out.println("  weight: " + compiled.weight());
      config.values().forEach((key, value) -> out.printf("  %-22s %s%n", key, value));
    }
    return 0;
  }
}
