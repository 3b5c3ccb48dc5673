package org.loss4j.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.loss4j.api.registry.BrokenProvider;
import org.loss4j.api.registry.InstalledLoss;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.api.spi.ParameterSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code list}: every installed loss with its names, parameters (type and default), provider class
 * and the jar it came from; then the providers that failed to load, and why.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the installed losses, their parameters and where they come from.",
    footer = {
      "",
      "To include a third-party loss, put its jar on the class path next to loss4j's:",
      "  java -cp loss4j.jar:their-losses.jar org.loss4j.cli.Main list",
      "(use ; instead of : on Windows)."
    })
final class ListCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    LossRegistry registry = LossRegistry.global();
    List<InstalledLoss> installed = registry.installed();
    out.println(installed.size() + " installed loss" + (installed.size() == 1 ? "" : "es")
        + " (parameters: name, type (? = may be null), default, meaning)");
    for (InstalledLoss loss : installed) {
      LossProvider provider = loss.provider();
      out.println();
      out.println(provider.className() + "  names: " + String.join(", ", loss.names()));
      out.println("  provider: " + provider.getClass().getName());
      out.println("  from:     " + loss.source());
      provider.kerasRegisteredName().ifPresent(name -> out.println("  keras:    " + name));
      out.println("  parameters:");
      for (ParameterSpec parameter : provider.parameters()) {
        out.printf("    %-22s %-12s = %-31s %s%n", parameter.name(),
            parameter.type().name().toLowerCase(java.util.Locale.ROOT)
                + (parameter.isNullable() ? "?" : ""),
            parameter.defaultValue(), parameter.description());
      }
    }
    List<BrokenProvider> broken = registry.broken();
    if (!broken.isEmpty()) {
      out.println();
      out.println(broken.size() + " broken provider" + (broken.size() == 1 ? "" : "s")
          + " (skipped):");
      for (BrokenProvider provider : broken) {
        out.println("  " + provider.description() + ": " + provider.reason());
      }
    }
    return 0;
  }
}
