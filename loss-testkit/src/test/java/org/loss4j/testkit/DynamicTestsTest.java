package org.loss4j.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Tensor;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.api.spi.ParameterSpec;
import org.loss4j.testkit.model.Capability;
import org.loss4j.testkit.model.Sample;
import org.loss4j.testkit.toy.ExampleLossProvider;
import org.loss4j.testkit.toy.FaultyLossProvider.Fault;
import org.loss4j.testkit.toy.FaultyLossProvider;
import org.opentest4j.TestAbortedException;

/** The JUnit form of the kit: names, grouping, skips and failures of the dynamic tests. */
class DynamicTestsTest {
  private static List<DynamicTest> tests(Stream<DynamicNode> nodes) {
    List<DynamicTest> tests = new ArrayList<>();
    nodes.forEach(node -> collect(node, tests));
    return tests;
  }

  private static void collect(DynamicNode node, List<DynamicTest> tests) {
    if (node instanceof DynamicTest) {
      tests.add((DynamicTest) node);
    } else {
      ((DynamicContainer) node).getChildren().forEach(child -> collect(child, tests));
    }
  }

  private static Executable named(List<DynamicTest> tests, String displayName) {
    return tests.stream().filter(t -> t.getDisplayName().equals(displayName)).findFirst()
        .orElseThrow().getExecutable();
  }

  @Test
  void namesEveryTestByItsIdAndLevel() {
    List<DynamicTest> tests = tests(LossConformance.of(new ExampleLossProvider()).build());

    Set<String> names = tests.stream().map(DynamicTest::getDisplayName)
        .collect(Collectors.toSet());
    assertTrue(names.contains("property.config.round-trip [required]"), names::toString);
    assertTrue(names.contains("property.gradient.finite-differences [optional]"),
        names::toString);
    assertTrue(names.contains("LossTest.test_mask#1 [optional]"), names::toString);
    assertEquals(tests.size(), names.size());
  }

  @Test
  void undeclaredCapabilityAbortsWithWhatToDeclare() {
    List<DynamicTest> tests = tests(LossConformance.of(new ExampleLossProvider()).build());

    TestAbortedException skip = assertThrows(TestAbortedException.class,
        named(tests, "property.weights.zeros-give-zero [optional]"));

    assertTrue(skip.getMessage().contains("declare Capability.SAMPLE_WEIGHT"), skip::getMessage);
  }

  @Test
  void brokenPropertyFailsItsTest() {
    List<DynamicTest> tests = tests(LossConformance.of(
        new FaultyLossProvider(Fault.WRONG_GRADIENT_SIGN)).supporting(Capability.GRADIENT)
        .build());

    assertThrows(AssertionError.class,
        named(tests, "property.gradient.finite-differences [optional]"));
  }

  @Test
  void providerThatCannotRegisterGivesOneFailureNotAnException() {
    LossProvider nameless = new LossProvider() {
      @Override
      public String name() {
        return null;
      }

      @Override
      public String className() {
        return null;
      }

      @Override
      public List<ParameterSpec> parameters() {
        return List.of();
      }

      @Override
      public Loss create(LossConfig config) {
        throw new UnsupportedOperationException();
      }
    };

    ConformanceReport report = LossConformance.of(nameless).detectingCapabilities().run();

    assertEquals(1, report.results().size(), report::toString);
    assertEquals(LossConformance.PROVIDER_CHECK, report.failures().get(0).id());
  }

  @Test
  void sampleRefusesABatchMismatch() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> Sample.of("bad", Tensor.of(new double[] {1, 0}), Tensor.of(new double[] {1})));

    assertTrue(error.getMessage().contains("leading batch axis"), error::getMessage);
  }
}
