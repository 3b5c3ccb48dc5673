package org.loss4j.ctc;

import static org.loss4j.testkit.model.Capability.DISCOVERABLE;
import static org.loss4j.testkit.model.Capability.FLOAT64;
import static org.loss4j.testkit.model.Capability.GRADIENT;
import static org.loss4j.testkit.model.Capability.MASK;
import static org.loss4j.testkit.model.Capability.SAMPLE_WEIGHT;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.loss4j.testkit.LossConformance;

/**
 * Runs the loss4j conformance kit against the CTC provider, as a third party would. CTC takes
 * logits and has no {@code from_logits} parameter; the kit's label-sequence inputs fit it.
 */
class CtcConformanceTest {
  @TestFactory
  Stream<DynamicNode> ctc() {
    return LossConformance.of(new CTCProvider())
        .supporting(GRADIENT, SAMPLE_WEIGHT, MASK, FLOAT64, DISCOVERABLE)
        .build();
  }
}
