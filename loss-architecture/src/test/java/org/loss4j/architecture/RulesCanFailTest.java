package org.loss4j.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Shows that every rule of {@link LossArchitectureRules} can fail: each is run on the fixtures in
 * this module's test sources ({@code org.loss4j.*.archfixture} and
 * {@code org.loss4j.api.spi.LeakingSignatureFixture}), which break it on purpose, and must report
 * the violating class, and only that, not the allowed fixture beside it.
 */
class RulesCanFailTest {
  private static JavaClasses fixtures;

  @BeforeAll
  static void importFixtures() {
    fixtures = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
        .importPackages("org.loss4j");
  }

  private static String violations(ArchRule rule) {
    EvaluationResult result = rule.evaluate(fixtures);
    assertTrue(result.hasViolation(), "expected a violation of: " + rule.getDescription());
    return String.join("\n", result.getFailureReport().getDetails());
  }

  private static void assertReports(String report, String... fragments) {
    for (String fragment : fragments) {
      assertTrue(report.contains(fragment), "missing " + fragment + " in:\n" + report);
    }
  }

  private static void assertDoesNotReport(String report, String fragment) {
    assertFalse(report.contains(fragment), "unexpected " + fragment + " in:\n" + report);
  }

  @Test
  void moduleDependencyRuleReportsForbiddenModuleEdges() {
    String report = violations(LossArchitectureRules.module_dependencies_follow_the_design);

    assertReports(report, "CoreReachesFocal", "TestkitReachesCore", "ApiReachesCore");
    // focal -> core is allowed
    assertDoesNotReport(report, "FocalFixture.value() calls");
  }

  @Test
  void cycleRuleReportsAPackageCycle() {
    String report = violations(LossArchitectureRules.no_package_cycles);

    assertReports(report, "keras.archfixture.cycle.a", "keras.archfixture.cycle.b", "CycleB");
  }

  @Test
  void internalRuleReportsAnotherModulesInternalPackage() {
    String report = violations(LossArchitectureRules.internal_packages_stay_in_their_module);

    assertReports(report, "FocalReachesCoreInternal");
    // a module may use its own internal package
    assertDoesNotReport(report, "CoreUsesOwnInternal");
  }

  @Test
  void loggingRuleReportsLogbackAndPicocli() {
    String report = violations(LossArchitectureRules.library_code_uses_no_logback_or_picocli);

    assertReports(report, "LogsWithLogback", "ch.qos.logback.classic.Logger",
        "ParsesWithPicocli", "picocli.CommandLine");
  }

  @Test
  void junitRuleReportsJunitOutsideTheTestkit() {
    String report = violations(LossArchitectureRules.only_the_testkit_uses_junit);

    assertReports(report, "AssertsWithJUnit");
    // the testkit is JUnit based
    assertDoesNotReport(report, "TestkitAssertsWithJUnit");
  }

  @Test
  void signatureRuleReportsThirdPartyTypesInPublicApiSignatures() {
    String report = violations(LossArchitectureRules.api_signatures_use_only_jdk_and_api_types);

    assertReports(report, "guavaReturn() returns com.google.common.collect.ImmutableList",
        "slf4jArgument(java.util.Map) takes org.slf4j.Logger");
    assertDoesNotReport(report, "jdkOnly");
    assertDoesNotReport(report, "privateGuava");
  }

  @Test
  void incubatorRuleReportsVectorUseOutsideAVectorPackage() {
    String report = violations(LossArchitectureRules.only_vector_packages_use_the_incubator);

    assertReports(report, "LanesOutsideAVectorPackage");
    assertDoesNotReport(report, "LanesInAVectorPackage");
  }
}
