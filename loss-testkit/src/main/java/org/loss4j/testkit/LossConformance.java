package org.loss4j.testkit;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.testkit.cases.LossCase;
import org.loss4j.testkit.cases.LossCases;
import org.loss4j.testkit.internal.CapabilityProbe;
import org.loss4j.testkit.internal.CaseCheck;
import org.loss4j.testkit.internal.Check;
import org.loss4j.testkit.internal.SampleFinder;
import org.loss4j.testkit.model.Capability;
import org.loss4j.testkit.model.ConformanceResult;
import org.loss4j.testkit.model.Sample;
import org.loss4j.testkit.properties.LossProperty;
import org.loss4j.testkit.properties.LossUnderTest;
import org.loss4j.testkit.properties.StandardProperties;

/**
 * Runs the conformance kit against one {@link LossProvider}: the properties every loss must keep
 * ({@link StandardProperties}) and every data case about a loss of the provider's names (the
 * documented Keras examples, Keras's unit-test cases, and cases you add).
 *
 * <h2>In a JUnit 5 build</h2>
 *
 * <pre>{@code
 * class AcmeLossConformanceTest {
 *   @TestFactory
 *   Stream<DynamicNode> conformance() {
 *     return LossConformance.of(new AcmeLossProvider())
 *         .supporting(Capability.GRADIENT, Capability.SAMPLE_WEIGHT, Capability.FLOAT64)
 *         .suppressing("doc.AcmeLoss#2", "printed value predates the 2023 fix")
 *         .build();
 *   }
 * }
 * }</pre>
 *
 * <p>Every test is named {@code <stable id> [required]} or {@code [optional]}; optional checks
 * need a {@link Capability} and show as skipped, with a reason saying what to declare or
 * implement, when it is not declared. A suppressed check shows as skipped with its reason.
 *
 * <h2>Without JUnit (tools, the CLI's {@code check} command)</h2>
 *
 * <pre>{@code
 * for (InstalledLoss installed : LossRegistry.global().installed()) {
 *   ConformanceReport report =
 *       LossConformance.of(installed.provider()).detectingCapabilities().run();
 *   System.out.println(report.summary());
 *   report.failures().forEach(failure -> System.out.println("  " + failure));
 * }
 * }</pre>
 *
 * <p>{@link Builder#detectingCapabilities()} declares what the provider shows by itself: a boolean
 * {@code from_logits} parameter gives {@link Capability#FROM_LOGITS}; the global registry finding
 * the class gives {@link Capability#DISCOVERABLE}; trial calls on the sample inputs decide
 * {@link Capability#GRADIENT}, {@link Capability#SAMPLE_WEIGHT}, {@link Capability#MASK} and
 * {@link Capability#FLOAT64} (present when the call returns instead of throwing; a capability that
 * runs but computes wrongly is kept, so that its checks report the fault).
 *
 * <p>Checks run one after another in the calling thread (one property starts a few threads of its
 * own); a whole run takes well under a second per loss.
 */
public final class LossConformance {
  /** The id of the single check a run reports when the provider cannot be registered at all. */
  public static final String PROVIDER_CHECK = "property.provider.registers";

  private LossConformance() {}

  /**
   * Starts a kit run for a provider; nothing is declared or detected yet.
   *
   * @param provider the provider under test; never null
   */
  public static Builder of(LossProvider provider) {
    return new Builder(requireNonNull(provider, "provider"));
  }

  /** Collects what the provider supports, what to suppress and extra inputs, then runs the kit. */
  public static final class Builder {
    private final LossProvider provider;
    private final Set<Capability> declared = EnumSet.noneOf(Capability.class);
    private final Map<String, String> suppressed = new LinkedHashMap<>();
    private final List<LossCase> extraCases = new ArrayList<>();
    private boolean detect;
    private Sample sample;

    private Builder(LossProvider provider) {
      this.provider = provider;
    }

    /**
     * Declares capabilities of the loss; the checks that need them run instead of being skipped.
     */
    public Builder supporting(Capability... capabilities) {
      for (Capability capability : capabilities) {
        declared.add(requireNonNull(capability, "capability"));
      }
      return this;
    }

    /**
     * Declares, in addition to those given to {@link #supporting}, every capability the provider
     * shows by itself (see the class documentation for how each is decided).
     */
    public Builder detectingCapabilities() {
      this.detect = true;
      return this;
    }

    /**
     * Skips one check, showing the reason.
     *
     * @param id the check's stable id, as shown in the test name; the run fails with an
     *     {@link IllegalArgumentException} if no check has it
     * @param reason why, such as a link to the issue; never blank
     */
    public Builder suppressing(String id, String reason) {
      requireNonNull(id, "id");
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("suppressing " + id + ": reason must not be blank");
      }
      suppressed.put(id, reason);
      return this;
    }

    /**
     * Gives the inputs the properties run on, instead of the ones the kit finds by itself
     * (one-hot targets, integer labels, binary targets, label sequences).
     */
    public Builder withSample(Sample sample) {
      this.sample = requireNonNull(sample, "sample");
      return this;
    }

    /**
     * Adds data cases, such as a third party's own reference values; those about other losses
     * are ignored. Ids must differ from every shipped case's.
     */
    public Builder withCases(Collection<LossCase> cases) {
      extraCases.addAll(cases);
      return this;
    }

    /**
     * Returns the kit as JUnit 5 dynamic tests, for a {@code @TestFactory}: a container of
     * properties and one container per case file, each test named {@code id [level]}.
     *
     * @throws IllegalArgumentException if a suppressed id names no check, or two cases share an id
     */
    public Stream<DynamicNode> build() {
      Plan plan = plan();
      Map<String, List<DynamicNode>> groups = new LinkedHashMap<>();
      for (Check check : plan.checks) {
        String skip = plan.skipReason(check);
        groups.computeIfAbsent(check.group(), g -> new ArrayList<>())
            .add(DynamicTest.dynamicTest(check.displayName(), () -> {
              if (skip != null) {
                Assumptions.abort(skip);
              }
              check.execute();
            }));
      }
      String root = provider.className() + " (" + provider.name() + ") conformance";
      return Stream.of(DynamicContainer.dynamicContainer(root,
          groups.entrySet().stream().map(group ->
              DynamicContainer.dynamicContainer(group.getKey(), group.getValue()))));
    }

    /**
     * Runs the kit without JUnit and returns every check's outcome.
     *
     * @throws IllegalArgumentException if a suppressed id names no check, or two cases share an id
     */
    public ConformanceReport run() {
      Plan plan = plan();
      List<ConformanceResult> results = new ArrayList<>();
      for (Check check : plan.checks) {
        results.add(check.run(plan.skipReason(check)));
      }
      return new ConformanceReport(provider.name() + " (" + provider.getClass().getName() + ")",
          results);
    }

    /** Returns the capabilities the run will use: declared, plus detected if asked. */
    public Set<Capability> capabilities() {
      return plan().capabilities;
    }

    private Plan plan() {
      Sample chosen = sample;
      String noSample = "";
      if (chosen == null) {
        SampleFinder.Result found = SampleFinder.find(provider);
        chosen = found.sample();
        noSample = found.reason();
      }
      Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
      capabilities.addAll(declared);
      LossUnderTest subject;
      try {
        if (detect) {
          capabilities.addAll(CapabilityProbe.detect(provider, chosen));
        }
        subject = new LossUnderTest(provider, capabilities, chosen, noSample);
      } catch (RuntimeException e) {
        // A provider that cannot even be registered (blank or clashing names, throwing
        // parameters()) gets one failing check instead of an exception from the run.
        String problem = "the provider cannot be registered: " + e;
        Check failing = new Check(PROVIDER_CHECK, "properties", Set.of(), () -> {
          throw new AssertionError(problem, e);
        });
        return new Plan(List.of(failing), capabilities, Map.of());
      }
      List<Check> checks = new ArrayList<>();
      for (LossProperty property : StandardProperties.all()) {
        checks.add(new Check(property.id(), "properties", property.requires(),
            () -> property.check(subject)));
      }
      Set<String> caseIds = new LinkedHashSet<>();
      addCases(checks, caseIds, subject, "documented Keras examples", LossCases.documented(),
          false);
      addCases(checks, caseIds, subject, "Keras unit-test cases", LossCases.kerasUnitTests(),
          true);
      addCases(checks, caseIds, subject, "Keras base-class cases", LossCases.kerasBaseClass(),
          false);
      addCases(checks, caseIds, subject, "added cases", extraCases, false);
      Set<String> ids = checks.stream().map(Check::id).collect(Collectors.toSet());
      for (String id : suppressed.keySet()) {
        if (!ids.contains(id)) {
          throw new IllegalArgumentException("suppressing " + id + ": no check of "
              + provider.name() + " has this id");
        }
      }
      return new Plan(checks, capabilities, suppressed);
    }

    /**
     * Adds the cases that apply to the provider; {@code skipKnown} drops cases whose id an earlier
     * file already gave (the unit-test file repeats the documented examples).
     */
    private static void addCases(List<Check> checks, Set<String> ids, LossUnderTest subject,
        String group, List<LossCase> cases, boolean skipKnown) {
      for (LossCase lossCase : cases) {
        if (!CaseCheck.appliesTo(lossCase, subject.names())) {
          continue;
        }
        if (!ids.add(lossCase.id())) {
          if (skipKnown) {
            continue;
          }
          throw new IllegalArgumentException("two cases have the id " + lossCase.id());
        }
        checks.add(new Check(lossCase.id(), group, CaseCheck.requires(lossCase),
            () -> CaseCheck.run(lossCase, subject.registry())));
      }
    }
  }

  /** The checks of one run, with what decides their skips. */
  private static final class Plan {
    private final List<Check> checks;
    private final Set<Capability> capabilities;
    private final Map<String, String> suppressed;

    Plan(List<Check> checks, Set<Capability> capabilities, Map<String, String> suppressed) {
      this.checks = checks;
      this.capabilities = capabilities;
      this.suppressed = Map.copyOf(suppressed);
    }

    /** Returns why a check must be skipped, or null if it runs. */
    String skipReason(Check check) {
      if (suppressed.containsKey(check.id())) {
        return "suppressed: " + suppressed.get(check.id());
      }
      List<String> missing = new ArrayList<>();
      for (Capability capability : check.requires()) {
        if (!capabilities.contains(capability)) {
          missing.add(capability + " not declared: " + capability.skipReason());
        }
      }
      return missing.isEmpty() ? null : String.join("; ", missing);
    }
  }
}
