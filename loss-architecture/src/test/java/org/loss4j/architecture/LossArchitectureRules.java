package org.loss4j.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The layering of DESIGN.md as ArchUnit rules, one named field each, so that
 * {@link ArchitectureTest} checks them on the library jars and {@link RulesCanFailTest} shows each
 * one reporting a deliberate violation.
 *
 * <p>A module is known by its root package: {@code org.loss4j.<module>}, with {@code api},
 * {@code core}, {@code focal}, {@code ctc}, {@code testkit}, {@code keras}, {@code examples},
 * {@code cli} and {@code bench}.
 */
final class LossArchitectureRules {
  /** The root packages of the library modules: everything but the CLI and the benchmarks. */
  static final String[] LIBRARY_PACKAGES = {"org.loss4j.api..", "org.loss4j.core..",
      "org.loss4j.focal..", "org.loss4j.ctc..", "org.loss4j.testkit..", "org.loss4j.keras..",
      "org.loss4j.examples.."};

  private static final Pattern MODULE = Pattern.compile("^org\\.loss4j\\.(\\w+)");
  private static final Pattern INTERNAL = Pattern.compile("^org\\.loss4j\\.(\\w+)(\\..+)?"
      + "\\.internal(\\..*)?$");

  static final ArchRule module_dependencies_follow_the_design = layeredArchitecture()
      .consideringOnlyDependenciesInLayers()
      // a module whose jar is absent leaves its layer empty instead of failing the rule
      .withOptionalLayers(true)
      .layer("loss-api").definedBy("org.loss4j.api..")
      .layer("loss-core").definedBy("org.loss4j.core..")
      .layer("loss-focal").definedBy("org.loss4j.focal..")
      .layer("loss-ctc").definedBy("org.loss4j.ctc..")
      .layer("loss-testkit").definedBy("org.loss4j.testkit..")
      .layer("loss-keras").definedBy("org.loss4j.keras..")
      .layer("loss-examples").definedBy("org.loss4j.examples..")
      .layer("loss-cli").definedBy("org.loss4j.cli..")
      .layer("loss-bench").definedBy("org.loss4j.bench..")
      .whereLayer("loss-api").mayNotAccessAnyLayer()
      .whereLayer("loss-core").mayOnlyAccessLayers("loss-api")
      .whereLayer("loss-focal").mayOnlyAccessLayers("loss-api", "loss-core")
      .whereLayer("loss-ctc").mayOnlyAccessLayers("loss-api", "loss-core")
      .whereLayer("loss-testkit").mayOnlyAccessLayers("loss-api")
      .whereLayer("loss-keras").mayOnlyAccessLayers("loss-api")
      .whereLayer("loss-examples").mayOnlyAccessLayers("loss-api")
      .whereLayer("loss-cli").mayNotBeAccessedByAnyLayer()
      .because("DESIGN.md allows core -> api; focal, ctc -> api, core; testkit -> api only "
          + "(never an implementation module); keras and a third-party loss -> api only; and only "
          + "the CLI and the benchmarks may use everything");

  /** Every package is its own slice; none may depend on itself through others. */
  static final ArchRule no_package_cycles = slices().matching("org.loss4j.(**)")
      .should().beFreeOfCycles()
      .because("a package cycle makes two packages one unit that can be neither understood nor "
          + "split on its own");

  static final ArchRule internal_packages_stay_in_their_module = classes()
      .that().resideInAPackage("org.loss4j..")
      .should(useOnlyTheirOwnModulesInternalPackages())
      .because("internal packages are not exported from module-info.java; on the class path "
          + "nothing else stops another module from depending on them");

  static final ArchRule library_code_uses_no_logback_or_picocli = noClasses()
      .that().resideInAnyPackage(LIBRARY_PACKAGES)
      .should().dependOnClassesThat().resideInAnyPackage("ch.qos.logback..", "picocli..")
      .because("libraries log through slf4j-api only and leave the choice of backend and of a "
          + "command line to the application (STYLE.md, Logging)");

  static final ArchRule only_the_testkit_uses_junit = noClasses()
      .that().resideInAnyPackage(LIBRARY_PACKAGES)
      .and().resideOutsideOfPackage("org.loss4j.testkit..")
      .should().dependOnClassesThat()
      .resideInAnyPackage("org.junit..", "org.opentest4j..", "org.apiguardian..")
      .because("only loss-testkit is a JUnit 5 based kit; the losses must not drag a test "
          + "framework into their users' run time");

  static final ArchRule only_vector_packages_use_the_incubator = noClasses()
      .that().resideInAnyPackage(LIBRARY_PACKAGES)
      .and().resideOutsideOfPackage("..vector..")
      .should().dependOnClassesThat().resideInAPackage("jdk.incubator.vector..")
      .because("the scalar path runs on JVMs without jdk.incubator.vector: a class outside a "
          + "vector package, loaded there, must not need it (KernelPath loads vector classes "
          + "only after finding the module)");

  static final ArchRule api_signatures_use_only_jdk_and_api_types = classes()
      .that().resideInAnyPackage(
          "org.loss4j.api", "org.loss4j.api.registry", "org.loss4j.api.spi")
      .and().arePublic()
      .should(exposeOnlyJdkAndApiTypes())
      .because("loss-api is the contract every loss and every user compiles against: a "
          + "third-party type in it would become every user's dependency and tie the contract "
          + "to that library's versions");

  private LossArchitectureRules() {}

  /** Returns the module of a package in org.loss4j ({@code "core"}), or null outside it. */
  static String moduleOf(String packageName) {
    Matcher matcher = MODULE.matcher(packageName);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static ArchCondition<JavaClass> useOnlyTheirOwnModulesInternalPackages() {
    return new ArchCondition<>("use internal packages of their own module only") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String home = moduleOf(origin.getPackageName());
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          Matcher internal = INTERNAL.matcher(dependency.getTargetClass().getPackageName());
          if (internal.matches() && !internal.group(1).equals(home)) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  private static ArchCondition<JavaClass> exposeOnlyJdkAndApiTypes() {
    return new ArchCondition<>("expose only JDK and loss-api types in public signatures") {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        List<JavaType> supertypes = new ArrayList<>(type.getInterfaces());
        type.getSuperclass().ifPresent(supertypes::add);
        for (JavaType supertype : supertypes) {
          report(type.getName() + " extends or implements", supertype, events);
        }
        for (JavaMember member : type.getMembers()) {
          if (!isVisibleToUsers(type, member)) {
            continue;
          }
          if (member instanceof JavaField) {
            report(member.getFullName(), ((JavaField) member).getType(), events);
          } else {
            JavaCodeUnit unit = (JavaCodeUnit) member;
            report(unit.getFullName() + " returns", unit.getReturnType(), events);
            for (JavaType parameter : unit.getParameterTypes()) {
              report(unit.getFullName() + " takes", parameter, events);
            }
            for (JavaClass thrown : unit.getThrowsClause().getTypes()) {
              report(unit.getFullName() + " throws", thrown, events);
            }
          }
        }
      }
    };
  }

  /** Public members, and protected ones of classes that can be extended. */
  private static boolean isVisibleToUsers(JavaClass owner, JavaMember member) {
    Set<JavaModifier> modifiers = member.getModifiers();
    if (modifiers.contains(JavaModifier.SYNTHETIC)) {
      return false;
    }
    return modifiers.contains(JavaModifier.PUBLIC)
        || (modifiers.contains(JavaModifier.PROTECTED)
            && !owner.getModifiers().contains(JavaModifier.FINAL));
  }

  private static void report(String where, JavaType used, ConditionEvents events) {
    for (JavaClass raw : used.getAllInvolvedRawTypes()) {
      JavaClass base = raw.isArray() ? raw.getBaseComponentType() : raw;
      String packageName = base.getPackageName();
      boolean allowed = base.isPrimitive() || packageName.startsWith("java.")
          || packageName.equals("org.loss4j.api") || packageName.equals("org.loss4j.api.spi")
          || packageName.equals("org.loss4j.api.registry");
      if (!allowed) {
        events.add(SimpleConditionEvent.violated(base,
            where + " " + base.getName() + ", which is neither a JDK nor a loss-api type"));
      }
    }
  }
}
