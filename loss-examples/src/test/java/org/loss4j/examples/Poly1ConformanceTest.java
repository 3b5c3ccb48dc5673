package org.loss4j.examples;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.loss4j.testkit.LossConformance;
import org.loss4j.testkit.cases.LossCases;
import org.loss4j.testkit.model.Capability;

/**
 * Runs the loss4j conformance kit against the Poly-1 provider, as any third party would: the
 * kit's properties, plus Poly-1's own reference values ({@code poly1-cases.json}, computed with
 * numpy as each case's note shows).
 */
class Poly1ConformanceTest {
  @TestFactory
  Stream<DynamicNode> conformance() throws IOException {
    try (InputStream cases = Poly1ConformanceTest.class.getResourceAsStream("poly1-cases.json")) {
      return LossConformance.of(new Poly1Provider())
          .supporting(Capability.GRADIENT, Capability.SAMPLE_WEIGHT, Capability.MASK,
              Capability.FLOAT64, Capability.FROM_LOGITS, Capability.DISCOVERABLE)
          .withCases(LossCases.read(cases))
          .build();
    }
  }
}
