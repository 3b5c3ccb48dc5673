package org.loss4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link LossConfig}: an ordered, immutable set of Keras-named arguments. */
class LossConfigTest {

  private static LossConfig sample() {
    return LossConfig.builder("binary_crossentropy")
        .put("from_logits", true)
        .put("label_smoothing", 0.1)
        .put("axis", -1)
        .put("reduction", null)
        .put("name", "bce")
        .build();
  }

  @Test
  void keepsTheOrderOfItsArguments() {
    assertEquals(List.of("from_logits", "label_smoothing", "axis", "reduction", "name"),
        new ArrayList<>(sample().values().keySet()));
  }

  @Test
  void readsTypedValues() {
    LossConfig config = sample();

    assertEquals("binary_crossentropy", config.loss());
    assertTrue(config.getBoolean("from_logits"));
    assertEquals(0.1, config.getDouble("label_smoothing"));
    assertEquals(-1, config.getInt("axis"));
    assertEquals("bce", config.getString("name"));
    assertNull(config.getString("reduction"));
    assertTrue(config.has("reduction"));
    assertFalse(config.has("gamma"));
  }

  @Test
  void refusesAnUnknownKeyListingTheKnownOnes() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> sample().get("gamma"));

    assertEquals("binary_crossentropy: no parameter gamma, expected one of "
        + "[from_logits, label_smoothing, axis, reduction, name]", error.getMessage());
  }

  @Test
  void refusesAValueOfTheWrongType() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> sample().getBoolean("axis"));

    assertEquals("binary_crossentropy: axis must be a Boolean, got Integer", error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> sample().getDouble("name"));
    assertThrows(IllegalArgumentException.class, () -> sample().getBoolean("reduction"));
  }

  @Test
  void getIntRefusesFractions() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> sample().getInt("label_smoothing"));

    assertEquals("binary_crossentropy: label_smoothing must be an integer, got 0.1",
        error.getMessage());
  }

  @Test
  void copiesTheMapItIsGiven() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("gamma", 2.0);
    List<Double> alpha = new ArrayList<>(List.of(0.25, 0.75));
    values.put("alpha", alpha);
    LossConfig config = LossConfig.of("categorical_focal_crossentropy", values);

    values.put("gamma", 3.0);
    alpha.add(1.0);

    assertEquals(2.0, config.getDouble("gamma"));
    assertEquals(List.of(0.25, 0.75), config.get("alpha"));
  }

  @Test
  void isUnmodifiable() {
    LossConfig config = sample();

    assertThrows(UnsupportedOperationException.class, () -> config.values().put("x", 1));
  }

  @Test
  void withReplacesInPlaceOrAppends() {
    LossConfig replaced = sample().with("axis", 1);
    LossConfig appended = sample().with("dtype", "float64");

    assertEquals(1, replaced.getInt("axis"));
    assertEquals(List.of("from_logits", "label_smoothing", "axis", "reduction", "name"),
        new ArrayList<>(replaced.values().keySet()));
    assertEquals("dtype", new ArrayList<>(appended.values().keySet()).get(5));
    assertEquals(-1, sample().getInt("axis"));
  }

  @Test
  void equalConfigurationsAreEqual() {
    assertEquals(sample(), sample());
    assertEquals(sample().hashCode(), sample().hashCode());
    assertNotEquals(sample(), sample().with("axis", 0));
    assertNotEquals(sample(), LossConfig.of("poisson", sample().values()));
  }

  @Test
  void toStringShowsTheLossAndItsValues() {
    assertEquals("poisson{reduction=sum}", LossConfig.of("poisson", Map.of("reduction", "sum"))
        .toString());
  }
}
