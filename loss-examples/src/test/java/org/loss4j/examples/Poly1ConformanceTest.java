package org.loss4j.examples;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.loss4j.testkit.Capability;
import org.loss4j.testkit.LossConformance;

/** Runs the loss4j conformance kit against the Poly-1 provider, as any third party would. */
class Poly1ConformanceTest {
  @TestFactory
  Stream<DynamicNode> conformance() {
    return LossConformance.of(new Poly1Provider())
        .supporting(Capability.GRADIENT, Capability.SAMPLE_WEIGHT, Capability.MASK,
            Capability.FLOAT64, Capability.FROM_LOGITS, Capability.DISCOVERABLE)
        .build();
  }
}
