package org.loss4j.api.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Coercion of raw values by {@link ParameterType} and {@link ParameterSpec}, and messages. */
class ParameterSpecTest {

  @Test
  void booleanAcceptsBooleansAndTheirStrings() {
    assertEquals(true, ParameterType.BOOLEAN.coerce(true));
    assertEquals(true, ParameterType.BOOLEAN.coerce(" TRUE "));
    assertEquals(false, ParameterType.BOOLEAN.coerce("false"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "1", ""})
  void booleanRefusesOtherStrings(String raw) {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ParameterType.BOOLEAN.coerce(raw));

    assertEquals("expected a boolean, got \"" + raw + "\"", error.getMessage());
  }

  @Test
  void booleanRefusesNumbers() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ParameterType.BOOLEAN.coerce(1));

    assertEquals("expected a boolean, got 1 (Integer)", error.getMessage());
  }

  @Test
  void integerAcceptsWholeNumbersInAnyForm() {
    assertEquals(-1, ParameterType.INTEGER.coerce(-1));
    assertEquals(2, ParameterType.INTEGER.coerce(2.0));
    assertEquals(3, ParameterType.INTEGER.coerce(3L));
    assertEquals(4, ParameterType.INTEGER.coerce(" 4 "));
  }

  @Test
  void integerRefusesFractionsBooleansAndHugeValues() {
    assertThrows(IllegalArgumentException.class, () -> ParameterType.INTEGER.coerce(2.5));
    assertThrows(IllegalArgumentException.class, () -> ParameterType.INTEGER.coerce("2.5"));
    // Keras's axis refuses a bool too (keras-semantics.md section 11)
    assertThrows(IllegalArgumentException.class, () -> ParameterType.INTEGER.coerce(true));
    assertThrows(IllegalArgumentException.class, () -> ParameterType.INTEGER.coerce(1L << 40));
    assertThrows(IllegalArgumentException.class, () -> ParameterType.INTEGER.coerce("NaN"));
  }

  @Test
  void doubleAcceptsNumbersAndNumericStrings() {
    assertEquals(2.0, ParameterType.DOUBLE.coerce(2));
    assertEquals(0.25, ParameterType.DOUBLE.coerce("0.25"));
    assertEquals(Double.POSITIVE_INFINITY, ParameterType.DOUBLE.coerce("Infinity"));
  }

  @Test
  void doubleRefusesTextNamingWhatItExpected() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ParameterType.DOUBLE.coerce("abc"));

    assertEquals("expected a number, got \"abc\"", error.getMessage());
  }

  @Test
  void doubleOrListAcceptsNumbersListsArraysAndListStrings() {
    List<Double> expected = List.of(0.2, 0.3, 0.5);

    assertEquals(0.25, ParameterType.DOUBLE_OR_LIST.coerce(0.25));
    assertEquals(0.25, ParameterType.DOUBLE_OR_LIST.coerce("0.25"));
    assertEquals(expected, ParameterType.DOUBLE_OR_LIST.coerce(List.of(0.2, 0.3, 0.5)));
    assertEquals(expected, ParameterType.DOUBLE_OR_LIST.coerce(List.of("0.2", 0.3, 0.5f + 0.0)));
    assertEquals(expected, ParameterType.DOUBLE_OR_LIST.coerce(new double[] {0.2, 0.3, 0.5}));
    assertEquals(expected, ParameterType.DOUBLE_OR_LIST.coerce("0.2,0.3,0.5"));
    assertEquals(expected, ParameterType.DOUBLE_OR_LIST.coerce("[0.2, 0.3, 0.5]"));
    assertEquals(List.of(1.0), ParameterType.DOUBLE_OR_LIST.coerce("[1]"));
    assertEquals(List.of(1.0, 2.0), ParameterType.DOUBLE_OR_LIST.coerce(new int[] {1, 2}));
  }

  @Test
  void doubleOrListRefusesNonNumericItems() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> ParameterType.DOUBLE_OR_LIST.coerce(List.of(0.2, "x")));

    assertEquals("expected a number or a list of numbers, got [0.2, x] (List)",
        error.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ParameterType.DOUBLE_OR_LIST.coerce("0.2,,0.3"));
  }

  @Test
  void stringAcceptsOnlyStrings() {
    assertEquals("x", ParameterType.STRING.coerce("x"));
    assertThrows(IllegalArgumentException.class, () -> ParameterType.STRING.coerce(1));
  }

  @Test
  void reductionIsHeldInItsKerasSpelling() {
    assertEquals("sum", ParameterType.REDUCTION.coerce("SUM"));
    assertEquals("none", ParameterType.REDUCTION.coerce("none"));
    assertNull(ParameterType.REDUCTION.coerce(null));
  }

  @Test
  void reductionRefusesAutoListingTheAllowedStringsOnce() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ParameterType.REDUCTION.coerce("auto"));

    assertEquals("expected one of [none, sum, sum_over_batch_size, mean, "
        + "mean_with_sample_weight] or null, got \"auto\"", error.getMessage());
  }

  @Test
  void dtypeDefaultsToFloat32AndRefusesHalfPrecision() {
    assertEquals("float32", ParameterType.DTYPE.coerce(null));
    assertEquals("float64", ParameterType.DTYPE.coerce("FLOAT64"));

    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ParameterType.DTYPE.coerce("bfloat16"));

    assertEquals("expected one of [float32, float64], got \"bfloat16\"", error.getMessage());
  }

  // ---- ParameterSpec ---------------------------------------------------------------------

  @Test
  void specPrefixesTypeErrorsWithTheParameterName() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> StandardParameters.LABEL_SMOOTHING.coerce("high"));

    assertEquals("label_smoothing: expected a number, got \"high\"", error.getMessage());
  }

  @Test
  void nonNullableSpecRefusesNull() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> StandardParameters.FROM_LOGITS.coerce(null));

    assertEquals("from_logits must not be null, expected a boolean", error.getMessage());
  }

  @Test
  void nullableSpecAcceptsNullAndTheStringNull() {
    assertNull(StandardParameters.IGNORE_CLASS.coerce(null));
    assertNull(StandardParameters.IGNORE_CLASS.coerce("null"));
    assertNull(StandardParameters.REDUCTION.coerce(null));
    assertEquals(255, StandardParameters.IGNORE_CLASS.coerce("255"));
  }

  @Test
  void dtypeSpecTurnsNullIntoTheDefault() {
    // Keras's dtype=None means floatx(), float32 (keras-semantics.md 8.5)
    assertEquals("float32", StandardParameters.DTYPE.coerce(null));
  }

  @Test
  void specsDescribeThemselves() {
    ParameterSpec spec = StandardParameters.GAMMA;

    assertEquals("gamma", spec.name());
    assertEquals(ParameterType.DOUBLE, spec.type());
    assertEquals(2.0, spec.defaultValue());
    assertEquals(false, spec.isNullable());
    assertEquals("gamma: double = 2.0", spec.toString());
  }

  @Test
  void specsWithTheSameFieldsAreEqual() {
    ParameterSpec one = ParameterSpec.of("k", ParameterType.INTEGER, 1, "One.");
    ParameterSpec same = ParameterSpec.of("k", ParameterType.INTEGER, 1, "Another text.");

    assertEquals(one, same);
    assertEquals(one.hashCode(), same.hashCode());
    assertNotEquals(one, ParameterSpec.nullable("k", ParameterType.INTEGER, 1, "One."));
    assertNotEquals(one, ParameterSpec.of("k", ParameterType.INTEGER, 2, "One."));
  }

  @Test
  void withCommonAppendsReductionNameAndDtype() {
    List<ParameterSpec> specs =
        StandardParameters.withCommon("poisson", StandardParameters.FROM_LOGITS);

    assertEquals(List.of("from_logits", "reduction", "name", "dtype"),
        specs.stream().map(ParameterSpec::name).collect(Collectors.toList()));
    assertEquals("poisson", specs.get(2).defaultValue());
    assertEquals("sum_over_batch_size", specs.get(1).defaultValue());
    assertEquals("float32", specs.get(3).defaultValue());
  }
}
