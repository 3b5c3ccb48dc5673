package org.loss4j.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks every rule of {@link LossArchitectureRules} on the main classes of the loss4j jars this
 * module depends on (test classes, the fixtures of {@link RulesCanFailTest} included, are left
 * out).
 */
class ArchitectureTest {
  /** The modules whose jars this module's pom puts on the test class path. */
  private static final Set<String> EXPECTED_MODULES =
      Set.of("api", "core", "focal", "ctc", "testkit", "keras", "examples");

  private static JavaClasses mainClasses;

  @BeforeAll
  static void importMainClasses() {
    mainClasses = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.loss4j");
  }

  @Test
  void importsEveryLibraryModule() {
    // guards against rules that pass because nothing was imported
    Set<String> found = new TreeSet<>();
    for (JavaClass type : mainClasses) {
      found.add(LossArchitectureRules.moduleOf(type.getPackageName()));
    }

    assertTrue(found.containsAll(EXPECTED_MODULES), "imported modules: " + found);
    assertTrue(found.stream().noneMatch(module -> module.equals("architecture")),
        "the rules' own tests must not be imported: " + found);
  }

  @Test
  void moduleDependenciesFollowTheDesign() {
    LossArchitectureRules.module_dependencies_follow_the_design.check(mainClasses);
  }

  @Test
  void onlyVectorPackagesUseTheIncubator() {
    LossArchitectureRules.only_vector_packages_use_the_incubator.check(mainClasses);
  }

  @Test
  void noPackageCycles() {
    LossArchitectureRules.no_package_cycles.check(mainClasses);
  }

  @Test
  void internalPackagesStayInTheirModule() {
    LossArchitectureRules.internal_packages_stay_in_their_module.check(mainClasses);
  }

  @Test
  void libraryCodeUsesNoLogbackOrPicocli() {
    LossArchitectureRules.library_code_uses_no_logback_or_picocli.check(mainClasses);
  }

  @Test
  void onlyTheTestkitUsesJunit() {
    LossArchitectureRules.only_the_testkit_uses_junit.check(mainClasses);
  }

  @Test
  void apiSignaturesUseOnlyJdkAndApiTypes() {
    LossArchitectureRules.api_signatures_use_only_jdk_and_api_types.check(mainClasses);
  }
}
