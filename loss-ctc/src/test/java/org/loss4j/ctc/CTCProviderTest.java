package org.loss4j.ctc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.loss4j.api.DType;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Reduction;
import org.loss4j.api.registry.LossRegistry;

/** The provider: names, defaults, configuration round trip and discovery. */
class CTCProviderTest {
  private static final LossRegistry REGISTRY = LossRegistry.of(new CTCProvider());

  @Test
  void createsCtcUnderItsSnakeCaseAndClassNames() {
    Loss bySnakeCase = REGISTRY.create("ctc");
    Loss byClassName = REGISTRY.create("CTC");

    assertInstanceOf(CTC.class, bySnakeCase);
    assertEquals(bySnakeCase, byClassName);
  }

  @Test
  void defaultsAreKerasDefaultsPlusTheNeutralExtensions() {
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("blank_index", 0);
    expected.put("zero_infinity", false);
    expected.put("reduction", "sum_over_batch_size");
    expected.put("name", "ctc");
    expected.put("dtype", "float32");

    LossConfig config = REGISTRY.create("ctc").config();

    assertEquals("ctc", config.loss());
    assertEquals(List.copyOf(expected.entrySet()), List.copyOf(config.values().entrySet()));
  }

  @Test
  void configRoundTripsEveryArgument() {
    CTC ctc = CTC.builder().blankIndex(4).zeroInfinity(true).reduction(Reduction.SUM)
        .name("speech").dtype(DType.FLOAT64).build();

    Loss rebuilt = REGISTRY.create(ctc.config());

    assertEquals(ctc, rebuilt);
    assertEquals(ctc.config(), rebuilt.config());
  }

  @Test
  void builderSettingsAreReadable() {
    CTC ctc = CTC.builder().blankIndex(2).zeroInfinity(true).build();

    assertEquals(2, ctc.blankIndex());
    assertTrue(ctc.zeroInfinity());
    assertEquals(Reduction.SUM_OVER_BATCH_SIZE, ctc.reduction());
    assertEquals(DType.FLOAT32, ctc.dtype());
  }

  @Test
  void boundLengthsKeepTheConfigurationButMakeADistinctLoss() {
    CTC ctc = CTC.builder().build();

    CTC bound = ctc.withLengths(new int[] {2}, new int[] {5});

    assertEquals(ctc.config(), bound.config());
    assertNotEquals(ctc, bound);
    assertEquals(bound, ctc.withLengths(new int[] {2}, new int[] {5}));
  }

  @Test
  void serviceLoaderFindsTheProvider() {
    LossRegistry discovered = LossRegistry.load(CTCProvider.class.getClassLoader());

    assertInstanceOf(CTCProvider.class, discovered.provider("CTC"));
  }
}
