package org.loss4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing of the Keras reduction and dtype strings (keras-semantics.md 8.4, 8.5, P20). */
class ReductionAndDTypeTest {

  @ParameterizedTest
  @CsvSource({
      "none, NONE",
      "sum, SUM",
      "sum_over_batch_size, SUM_OVER_BATCH_SIZE",
      "mean, MEAN",
      "mean_with_sample_weight, MEAN_WITH_SAMPLE_WEIGHT",
      "SUM_Over_Batch_Size, SUM_OVER_BATCH_SIZE"
  })
  void parsesTheKerasStringsIgnoringCase(String text, Reduction expected) {
    assertEquals(expected, Reduction.parse(text));
  }

  @Test
  void parsesNullAsNone() {
    assertEquals(Reduction.NONE, Reduction.parse(null));
  }

  @Test
  void refusesAutoListingTheAllowedStrings() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> Reduction.parse("auto"));

    assertEquals("reduction must be one of [none, sum, sum_over_batch_size, mean, "
        + "mean_with_sample_weight] or null, got auto", error.getMessage());
  }

  @Test
  void kerasNamesRoundTrip() {
    for (Reduction reduction : Reduction.values()) {
      assertEquals(reduction, Reduction.parse(reduction.kerasName()));
    }
  }

  @Test
  void onlyNoneDoesNotReduce() {
    assertFalse(Reduction.NONE.reduces());
    assertTrue(Reduction.SUM.reduces());
    assertTrue(Reduction.MEAN_WITH_SAMPLE_WEIGHT.reduces());
  }

  @Test
  void computeDtypeDefaultsToFloat32() {
    assertEquals(DType.FLOAT32, DType.parseCompute(null));
    assertEquals(DType.FLOAT64, DType.parseCompute("Float64"));
  }

  @Test
  void refusesHalfPrecisionComputeTypes() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> DType.parseCompute("float16"));

    assertEquals("dtype must be one of [float32, float64], got float16", error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DType.parseCompute("int32"));
    assertThrows(IllegalArgumentException.class, () -> DType.parseCompute("mixed_float16"));
  }

  @Test
  void roundsToFloatOnlyForFloat32() {
    assertEquals((double) 0.1f, DType.FLOAT32.round(0.1));
    assertEquals(0.1, DType.FLOAT64.round(0.1));
    assertFalse(DType.INT32.isFloating());
  }
}
