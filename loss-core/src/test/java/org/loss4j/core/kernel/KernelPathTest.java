package org.loss4j.core.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class KernelPathTest {
  /** Set by the build: {@code vector} with the incubator module, {@code scalar} without. */
  private static final String EXPECTED = "loss4j.test.kernels";

  @Test
  void theJvmTakesThePathTheBuildStartedItFor() {
    String expected = System.getProperty(EXPECTED);
    assumeTrue(expected != null, "set by Maven's surefire executions");
    assertEquals(KernelPath.valueOf(expected.toUpperCase(Locale.ROOT)), KernelPath.active());
  }
}
