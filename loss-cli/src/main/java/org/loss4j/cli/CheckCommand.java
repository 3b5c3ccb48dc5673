package org.loss4j.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.loss4j.api.registry.BrokenProvider;
import org.loss4j.api.registry.InstalledLoss;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.testkit.ConformanceReport;
import org.loss4j.testkit.LossConformance;
import org.loss4j.testkit.model.ConformanceResult;
import org.loss4j.testkit.model.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code check}: runs the conformance kit against every installed provider, those in jars added
 * to the class path included, with the capabilities each shows by itself; prints a summary per
 * loss and every failed check, and fails if any check failed or any provider could not load.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Run the conformance kit against every installed loss (add jars with java -cp).",
      "Exits non-zero if a check fails or a provider cannot be loaded."
    },
    footer = {
      "",
      "To check a third-party loss, put its jar on the class path next to loss4j's:",
      "  java -cp loss4j.jar:their-losses.jar org.loss4j.cli.Main check",
      "(use ; instead of : on Windows)."
    })
final class CheckCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = "--loss", paramLabel = "NAME",
      description = "Check only this loss (any of its names); repeatable.")
  private List<String> only = new ArrayList<>();

  @Option(names = "--all-results", description = "Print every check, not only the failures.")
  private boolean allResults;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    LossRegistry registry = LossRegistry.global();
    List<InstalledLoss> selected = select(registry);
    int failedLosses = 0;
    for (InstalledLoss installed : selected) {
      ConformanceReport report;
      try {
        report = LossConformance.of(installed.provider()).detectingCapabilities().run();
      } catch (RuntimeException e) {
        out.println("FAIL " + installed.provider().name() + ": the kit could not run: "
            + e.getMessage());
        failedLosses++;
        continue;
      }
      out.println((report.isSuccessful() ? "PASS " : "FAIL ") + report.summary());
      out.println("     from " + installed.source());
      for (ConformanceResult result : report.results()) {
        if (allResults || result.status() == Status.FAILED) {
          out.println("     " + result.toString().replace("\n", "\n       "));
        }
      }
      out.flush();
      failedLosses += report.isSuccessful() ? 0 : 1;
    }
    List<BrokenProvider> broken = only.isEmpty() ? registry.broken() : List.of();
    for (BrokenProvider provider : broken) {
      out.println("FAIL " + provider.description() + ": could not be loaded: "
          + provider.reason());
    }
    if (failedLosses > 0 || !broken.isEmpty()) {
      throw new IllegalStateException(String.format(
          "conformance failed: %d of %d losses failed, %d providers could not be loaded",
          failedLosses, selected.size(), broken.size()));
    }
    out.println("All " + selected.size() + " losses passed the conformance kit");
    return 0;
  }

  private List<InstalledLoss> select(LossRegistry registry) {
    List<InstalledLoss> installed = registry.installed();
    if (only.isEmpty()) {
      if (installed.isEmpty()) {
        throw new IllegalStateException("no loss is installed; add a loss jar with java -cp");
      }
      return installed;
    }
    List<InstalledLoss> selected = new ArrayList<>();
    for (String name : only) {
      Object provider = registry.provider(name);
      for (InstalledLoss candidate : installed) {
        if (candidate.provider() == provider && !selected.contains(candidate)) {
          selected.add(candidate);
        }
      }
    }
    return selected;
  }
}
