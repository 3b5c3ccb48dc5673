package org.loss4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loss4j.cli.CliRun.resource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code inspect} and {@code eval --model} on model files saved by Keras 3.13.2. */
class KerasModelTest {
  /** Float32 evaluation against the double-precision hand computation. */
  private static final double TOLERANCE = 1e-7;

  @TempDir Path dir;

  @Test
  void inspectPrintsTheCompiledLossItsConfigurationAndWeight() {
    CliRun run = CliRun.of("inspect", resource("keras/cancer_bfce.keras"));

    assertEquals(0, run.status, run.toString());
    assertTrue(run.out.contains("output 0\n  loss:   binary_focal_crossentropy"), run.out);
    assertTrue(run.out.contains("weight: 1.0"), run.out);
    assertTrue(run.out.matches("(?s).*apply_class_balancing\\s+true.*"), run.out);
    assertTrue(run.out.matches("(?s).*alpha\\s+0\\.3\\n.*"), run.out);
    assertTrue(run.out.matches("(?s).*gamma\\s+1\\.5\\n.*"), run.out);
    assertTrue(run.out.matches("(?s).*name\\s+focal\\n.*"), run.out);
  }

  @Test
  void inspectShowsPerClassAlphaAndReduction() {
    CliRun run = CliRun.of("inspect", resource("keras/digits_cfce.keras"));

    assertEquals(0, run.status, run.toString());
    assertTrue(run.out.contains("loss:   categorical_focal_crossentropy"), run.out);
    assertTrue(run.out.matches("(?s).*reduction\\s+sum\\n.*"), run.out);
    assertTrue(run.out.matches("(?s).*label_smoothing\\s+0\\.05\\n.*"), run.out);
  }

  @Test
  void inspectRefusesAModelWhoseCustomLossIsNotInstalled() {
    CliRun run = CliRun.of("inspect", resource("keras/custom_registered.keras"));

    assertEquals(Main.FAILURE, run.status);
    assertTrue(run.err.startsWith("loss4j: ") && run.err.contains("acme>Poly1"), run.err);
    assertEquals(1, run.err.lines().count(), run.err);
  }

  @Test
  void inspectRefusesAMissingModel() {
    CliRun run = CliRun.of("inspect", dir.resolve("none.keras").toString());

    assertEquals(Main.FAILURE, run.status);
    assertEquals("loss4j: " + dir.resolve("none.keras") + ": no such file", run.err.strip());
  }

  /**
   * The model's loss is binary focal cross-entropy with class balancing, alpha 0.3, gamma 1.5.
   * For label 1 and p = 0.75: {@code 0.3 * (1 - 0.75)^1.5 * -ln(0.75) = 0.3 * 0.125 * 0.2876821 =
   * 0.0107880785}; for label 0 and p = 0.25: {@code 0.7 * 0.25^1.5 * -ln(0.75) = 0.0251721797};
   * their mean is {@code 0.0179801291}.
   */
  @Test
  void evalTakesTheLossFromTheModelFile() throws IOException {
    Path yTrue = Files.writeString(dir.resolve("t.csv"), "1\n0\n");
    Path yPred = Files.writeString(dir.resolve("p.csv"), "0.75\n0.25\n");

    CliRun fromModel = CliRun.of("eval", "--model", resource("keras/cancer_bfce.keras"),
        "--y-true", yTrue.toString(), "--y-pred", yPred.toString());
    CliRun explicit = CliRun.of("eval", "--loss", "binary_focal_crossentropy", "--config",
        "apply_class_balancing=true", "--config", "alpha=0.3", "--config", "gamma=1.5",
        "--y-true", yTrue.toString(), "--y-pred", yPred.toString());

    assertEquals(0, fromModel.status, fromModel.toString());
    assertEquals(0.0179801291, Double.parseDouble(fromModel.lastLine()), TOLERANCE);
    assertEquals(explicit.lastLine(), fromModel.lastLine());
  }

  @Test
  void evalChoosesAnOutputByIndex() throws IOException {
    Path yTrue = Files.writeString(dir.resolve("t.csv"), "1\n0\n");
    Path yPred = Files.writeString(dir.resolve("p.csv"), "0.75\n0.25\n");

    CliRun run = CliRun.of("eval", "--model", resource("keras/cancer_bfce.keras"), "--output",
        "0", "--y-true", yTrue.toString(), "--y-pred", yPred.toString());

    assertEquals(0, run.status, run.toString());
    assertEquals(0.0179801291, Double.parseDouble(run.lastLine()), TOLERANCE,
        "the hand computation of evalTakesTheLossFromTheModelFile");
  }

  @Test
  void evalRefusesAnOutputTheModelDoesNotHave() throws IOException {
    Path yTrue = Files.writeString(dir.resolve("t.csv"), "1\n0\n");

    CliRun run = CliRun.of("eval", "--model", resource("keras/cancer_bfce.keras"), "--output",
        "nope", "--y-true", yTrue.toString(), "--y-pred", yTrue.toString());

    assertEquals(Main.FAILURE, run.status);
    assertTrue(run.err.contains("has no output nope"), run.err);
  }
}
