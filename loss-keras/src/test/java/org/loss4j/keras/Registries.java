package org.loss4j.keras;

import org.loss4j.api.registry.LossRegistry;
import org.loss4j.core.BinaryCrossentropyProvider;
import org.loss4j.core.CategoricalCrossentropyProvider;
import org.loss4j.core.KLDivergenceProvider;
import org.loss4j.core.PoissonProvider;
import org.loss4j.core.SparseCategoricalCrossentropyProvider;
import org.loss4j.ctc.CTCProvider;
import org.loss4j.focal.BinaryFocalCrossentropyProvider;
import org.loss4j.focal.CategoricalFocalCrossentropyProvider;

/**
 * Registries for the tests, built by hand so that they hold exactly the providers a test
 * expects, whatever else is on the test path.
 */
final class Registries {
  private Registries() {}

  /** Returns the eight built-in losses of loss-core, loss-focal and loss-ctc. */
  static LossRegistry builtIns() {
    return LossRegistry.of(new BinaryCrossentropyProvider(), new CategoricalCrossentropyProvider(),
        new SparseCategoricalCrossentropyProvider(), new PoissonProvider(),
        new KLDivergenceProvider(), new BinaryFocalCrossentropyProvider(),
        new CategoricalFocalCrossentropyProvider(), new CTCProvider());
  }

  /** Returns the built-in losses plus the test-only {@code acme>Poly1}. */
  static LossRegistry withPoly1() {
    LossRegistry registry = builtIns();
    registry.register(new Poly1Provider());
    return registry;
  }
}
