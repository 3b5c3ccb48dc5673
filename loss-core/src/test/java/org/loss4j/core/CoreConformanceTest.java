package org.loss4j.core;

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

/** Runs the loss4j conformance kit against every loss-core provider, as a third party would. */
class CoreConformanceTest {
  @TestFactory
  Stream<DynamicNode> binaryCrossentropy() {
    return LossConformance.of(new BinaryCrossentropyProvider())
        .supporting(GRADIENT, SAMPLE_WEIGHT, MASK, FLOAT64, FROM_LOGITS, DISCOVERABLE)
        .build();
  }

  @TestFactory
  Stream<DynamicNode> categoricalCrossentropy() {
    return LossConformance.of(new CategoricalCrossentropyProvider())
        .supporting(GRADIENT, SAMPLE_WEIGHT, MASK, FLOAT64, FROM_LOGITS, DISCOVERABLE)
        .build();
  }

  @TestFactory
  Stream<DynamicNode> sparseCategoricalCrossentropy() {
    return LossConformance.of(new SparseCategoricalCrossentropyProvider())
        .supporting(GRADIENT, SAMPLE_WEIGHT, MASK, FLOAT64, FROM_LOGITS, DISCOVERABLE)
        .build();
  }

  @TestFactory
  Stream<DynamicNode> poisson() {
    return LossConformance.of(new PoissonProvider())
        .supporting(GRADIENT, SAMPLE_WEIGHT, MASK, FLOAT64, DISCOVERABLE)
        .build();
  }

  @TestFactory
  Stream<DynamicNode> klDivergence() {
    return LossConformance.of(new KLDivergenceProvider())
        .supporting(GRADIENT, SAMPLE_WEIGHT, MASK, FLOAT64, DISCOVERABLE)
        .build();
  }
}
