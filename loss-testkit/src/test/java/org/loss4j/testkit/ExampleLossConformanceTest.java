package org.loss4j.testkit;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.loss4j.testkit.model.Capability;
import org.loss4j.testkit.toy.ExampleLossProvider;

/** Runs the kit as JUnit tests against the correct toy loss, exactly as a third party would. */
class ExampleLossConformanceTest {
  @TestFactory
  Stream<DynamicNode> conformance() {
    return LossConformance.of(new ExampleLossProvider())
        .supporting(Capability.GRADIENT, Capability.SAMPLE_WEIGHT, Capability.MASK,
            Capability.FLOAT64)
        .build();
  }
}
