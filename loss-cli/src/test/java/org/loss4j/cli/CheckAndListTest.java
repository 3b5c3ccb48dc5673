package org.loss4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Runs {@code list} and {@code check}. The test class path holds the real loss modules plus three
 * test providers: {@code cli_test_squared_error}, a correct loss; {@code cli_test_plain}, the same
 * loss implementing {@code Loss} directly; and {@code cli_test_wrong_gradient}, whose gradient is
 * twice too large; and a service entry naming a class that does not exist,
 * {@code MissingProvider}.
 */
class CheckAndListTest {
  @Test
  void listsEveryInstalledLossWithNamesParametersProviderAndSource() {
    CliRun run = CliRun.of("list");

    assertEquals(0, run.status, run.toString());
    assertTrue(run.out.contains(
        "CliTestSquaredError  names: cli_test_squared_error, CliTestSquaredError, cli_sq"),
        run.out);
    assertTrue(run.out.contains("provider: org.loss4j.cli.testing.SquaredErrorProvider"));
    assertTrue(run.out.contains("test-classes"), "the directory it came from: " + run.out);
    assertTrue(run.out.matches("(?s).*scale\\s+double\\s+= 1\\.0\\s+A factor on the loss.*"));
    assertTrue(run.out.matches("(?s).*reduction\\s+reduction\\?\\s+= sum_over_batch_size.*"));
    assertTrue(run.out.contains("BinaryCrossentropy  names: binary_crossentropy"), run.out);
  }

  @Test
  void checkPassesACorrectLoss() {
    CliRun run = CliRun.of("check", "--loss", "cli_sq");

    assertEquals(0, run.status, run.toString());
    assertTrue(run.out.startsWith("PASS cli_test_squared_error"), run.out);
    assertTrue(run.out.contains("All 1 losses passed"), run.out);
  }

  @Test
  void checkFailsAWrongGradientNamingTheFailedChecks() {
    CliRun run = CliRun.of("check", "--loss", "cli_test_wrong_gradient");

    assertEquals(Main.FAILURE, run.status, run.toString());
    assertTrue(run.out.startsWith("FAIL cli_test_wrong_gradient"), run.out);
    assertTrue(run.out.contains("FAILED"), run.out);
    assertEquals("loss4j: conformance failed: 1 of 1 losses failed, 0 providers could not be"
        + " loaded", run.err.strip());
  }

  @Test
  void checkWithoutArgumentsRunsEveryInstalledLossAndFailsOnTheWrongOne() {
    CliRun run = CliRun.of("check");

    assertEquals(Main.FAILURE, run.status, run.toString());
    assertTrue(run.out.contains("PASS binary_crossentropy"), run.out);
    assertTrue(run.out.contains("PASS ctc"), run.out);
    assertTrue(run.out.contains("FAIL cli_test_wrong_gradient"), run.out);
    assertTrue(run.out.contains("FAIL org.loss4j.cli.testing.MissingProvider"), run.out);
    assertTrue(run.err.contains("1 of ") && run.err.contains("1 providers could not be loaded"),
        run.err);
  }

  @Test
  void listsBrokenProvidersAndWhy() {
    CliRun run = CliRun.of("list");

    assertEquals(0, run.status, run.toString());
    assertTrue(run.out.contains("1 broken provider (skipped):"), run.out);
    assertTrue(run.out.contains("org.loss4j.cli.testing.MissingProvider not found"), run.out);
  }

  @Test
  void refusesAnUnknownCommandWithUsageStatus() {
    CliRun run = CliRun.of("evaluate");

    assertEquals(Main.USAGE, run.status);
    assertTrue(run.err.startsWith("loss4j: Unmatched argument"), run.err);
  }
}
