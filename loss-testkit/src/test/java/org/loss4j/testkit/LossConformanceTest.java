package org.loss4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.testkit.model.Capability;
import org.loss4j.testkit.model.ConformanceResult;
import org.loss4j.testkit.model.Level;
import org.loss4j.testkit.model.Status;
import org.loss4j.testkit.toy.ExampleLossProvider;
import org.loss4j.testkit.toy.FaultyLossProvider.Fault;
import org.loss4j.testkit.toy.FaultyLossProvider;

/** Runs the kit against a correct toy loss and against copies with deliberate faults. */
class LossConformanceTest {
  private static final Capability[] TOY_SUPPORTS = {
    Capability.GRADIENT, Capability.SAMPLE_WEIGHT, Capability.MASK, Capability.FLOAT64
  };

  private static ConformanceReport run(LossProvider provider) {
    return LossConformance.of(provider).supporting(TOY_SUPPORTS).run();
  }

  private static Map<String, ConformanceResult> byId(ConformanceReport report) {
    return report.results().stream()
        .collect(Collectors.toMap(ConformanceResult::id, result -> result));
  }

  private static void assertFailed(ConformanceReport report, String id, String messagePart) {
    ConformanceResult result = byId(report).get(id);
    assertEquals(Status.FAILED, result.status(), report::toString);
    assertTrue(result.message().contains(messagePart),
        () -> "expected \"" + messagePart + "\" in: " + result.message());
  }

  @Test
  void passesACorrectLossWithEveryCapabilityItDeclares() {
    ConformanceReport report = run(new ExampleLossProvider());

    assertTrue(report.isSuccessful(), report::toString);
    Set<String> skipped = report.withStatus(Status.SKIPPED).stream().map(ConformanceResult::id)
        .collect(Collectors.toSet());
    assertEquals(Set.of("property.names.discoverable",
        "property.gradient.finite-differences.from-logits"), skipped);
  }

  @Test
  void runsKerasBaseClassCasesAgainstALossNamedExampleLoss() {
    ConformanceReport report = run(new ExampleLossProvider());

    List<String> cases = report.results().stream().map(ConformanceResult::id)
        .filter(id -> id.startsWith("LossTest.")).collect(Collectors.toList());
    // keras-base-class.json holds 13 cases, all about ExampleLoss.
    assertEquals(13, cases.size());
    assertTrue(cases.stream().allMatch(id -> byId(report).get(id).status() == Status.PASSED));
  }

  @Test
  void reportsALossThatIgnoresSampleWeights() {
    ConformanceReport report = run(new FaultyLossProvider(Fault.IGNORES_SAMPLE_WEIGHTS));

    assertFailed(report, "property.weights.zeros-give-zero", "expected 0");
    assertFailed(report, "property.weights.scale-linearly", "differ");
    assertFailed(report, "LossTest.test_sample_weight#1", "differ");
  }

  @Test
  void reportsAGradientWithTheWrongSign() {
    ConformanceReport report = run(new FaultyLossProvider(Fault.WRONG_GRADIENT_SIGN));

    assertFailed(report, "property.gradient.finite-differences", "finite differences");
    assertEquals(1, report.failures().size(), report::toString);
  }

  @Test
  void reportsALossThatModifiesItsInput() {
    ConformanceReport report = run(new FaultyLossProvider(Fault.MUTATES_INPUT));

    assertFailed(report, "property.inputs.unmodified", "y_pred was modified");
  }

  @Test
  void reportsANullPointerExceptionOnABadShape() {
    ConformanceReport report = run(new FaultyLossProvider(Fault.NPE_ON_BAD_SHAPE));

    assertFailed(report, "property.errors.bad-shapes-refused", "NullPointerException");
    assertEquals(1, report.failures().size(), report::toString);
  }

  @Test
  void reportsAGradientThatIgnoresTheUpstreamGradient() {
    ConformanceReport report = run(new FaultyLossProvider(Fault.IGNORES_UPSTREAM));

    assertFailed(report, "property.gradient.finite-differences", "reduction none");
    assertEquals(1, report.failures().size(), report::toString);
  }

  @Test
  void skipsUndeclaredCapabilitiesSayingWhatToDeclare() {
    ConformanceReport report = LossConformance.of(new ExampleLossProvider()).run();

    ConformanceResult gradient = byId(report).get("property.gradient.finite-differences");
    assertEquals(Status.SKIPPED, gradient.status());
    assertEquals(Level.OPTIONAL, gradient.level());
    assertTrue(gradient.message().contains("declare Capability.GRADIENT"), gradient::message);
    assertTrue(report.isSuccessful(), report::toString);
  }

  @Test
  void detectsTheCapabilitiesOfACorrectLoss() {
    Set<Capability> detected =
        LossConformance.of(new ExampleLossProvider()).detectingCapabilities().capabilities();

    assertEquals(Set.of(TOY_SUPPORTS), detected);
  }

  @Test
  void detectingCapabilitiesStillReportsAWrongGradient() {
    ConformanceReport report = LossConformance.of(
        new FaultyLossProvider(Fault.WRONG_GRADIENT_SIGN)).detectingCapabilities().run();

    assertFailed(report, "property.gradient.finite-differences", "finite differences");
  }

  @Test
  void suppressedCheckIsSkippedWithItsReason() {
    ConformanceReport report = LossConformance.of(new FaultyLossProvider(Fault.MUTATES_INPUT))
        .supporting(TOY_SUPPORTS)
        .suppressing("property.inputs.unmodified", "known issue #12")
        .run();

    ConformanceResult result = byId(report).get("property.inputs.unmodified");
    assertEquals(Status.SKIPPED, result.status());
    assertEquals("suppressed: known issue #12", result.message());
  }

  @Test
  void rejectsSuppressingAnUnknownId() {
    LossConformance.Builder kit = LossConformance.of(new ExampleLossProvider())
        .suppressing("property.no-such-check", "typo");

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, kit::run);

    assertTrue(error.getMessage().contains("property.no-such-check"), error::getMessage);
  }

  @Test
  void gradientCheckRunsInFloat32WhenFloat64IsNotDeclared() {
    ConformanceReport correct = LossConformance.of(new ExampleLossProvider())
        .supporting(Capability.GRADIENT).run();
    ConformanceReport wrong = LossConformance.of(new FaultyLossProvider(Fault.WRONG_GRADIENT_SIGN))
        .supporting(Capability.GRADIENT).run();

    assertEquals(Status.PASSED,
        byId(correct).get("property.gradient.finite-differences").status());
    assertFailed(wrong, "property.gradient.finite-differences", "h = 0.001");
  }

  @Test
  void everyCheckIdIsUnique() {
    ConformanceReport report = run(new ExampleLossProvider());

    long distinct = report.results().stream().map(ConformanceResult::id).distinct().count();

    assertEquals(report.results().size(), distinct);
  }
}
