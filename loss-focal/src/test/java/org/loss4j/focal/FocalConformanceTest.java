package org.loss4j.focal;

import static org.loss4j.testkit.model.Capability.DISCOVERABLE;
import static org.loss4j.testkit.model.Capability.FLOAT64;
import static org.loss4j.testkit.model.Capability.FROM_LOGITS;
import static org.loss4j.testkit.model.Capability.GRADIENT;
import static org.loss4j.testkit.model.Capability.MASK;
import static org.loss4j.testkit.model.Capability.SAMPLE_WEIGHT;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.loss4j.testkit.LossConformance;

/** Runs the loss4j conformance kit against both focal providers, as a third party would. */
class FocalConformanceTest {
  @TestFactory
  Stream<DynamicNode> binaryFocalCrossentropy() {
    return LossConformance.of(new BinaryFocalCrossentropyProvider())
        .supporting(GRADIENT, SAMPLE_WEIGHT, MASK, FLOAT64, FROM_LOGITS, DISCOVERABLE)
        .build();
  }

  @TestFactory
  Stream<DynamicNode> categoricalFocalCrossentropy() {
    return LossConformance.of(new CategoricalFocalCrossentropyProvider())
        .supporting(GRADIENT, SAMPLE_WEIGHT, MASK, FLOAT64, FROM_LOGITS, DISCOVERABLE)
        .build();
  }
}
