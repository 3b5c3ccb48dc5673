package org.loss4j.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.loss4j.api.LossConfig;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.cli.io.ArrayFiles;
import org.loss4j.keras.CompiledOutput;
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
  public Integer call() {
    ArrayFiles.requireFile(model);
    List<CompiledOutput> outputs =
        KerasLossReader.outputsFromModelFile(model, LossRegistry.global());
    List<CompiledOutput> unavailable =
        outputs.stream().filter(output -> output.loss().isEmpty()).collect(Collectors.toList());
    if (unavailable.size() == outputs.size()) {
      throw new IllegalArgumentException(unavailable.get(0).problem().orElseThrow());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(model + ": " + outputs.size() + " compiled loss" + (outputs.size() == 1 ? ""
        : "es") + (unavailable.isEmpty() ? "" : ", " + unavailable.size() + " unavailable"));
    for (CompiledOutput output : outputs) {
      String label = output.outputIndex() + output.outputName().map(name -> ": " + name)
          .orElse("");
      if (output.loss().isPresent()) {
        print(out, label, output.weight(), output.loss().get().config());
      } else {
        out.println();
        out.println("output " + label);
        out.println("  unavailable: " + output.problem().orElseThrow());
        out.println("  weight: " + output.weight());
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
