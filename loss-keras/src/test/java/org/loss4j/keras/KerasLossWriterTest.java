package org.loss4j.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loss4j.keras.JsonAssertions.assertSameSerializedLoss;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.loss4j.api.Loss;
import org.loss4j.api.registry.InstalledLoss;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.api.spi.ParameterSpec;

/**
 * Writes every built-in loss, with every argument, in Keras's serialized form and reads it back.
 *
 * <p>The expected JSON texts are written by hand from keras-semantics §9 (Keras 3.13's
 * {@code get_config} keys, order and defaults; {@code keras.losses.serialize}'s envelope with
 * module {@code "keras.losses"} and a null registered name) plus choice P18 ({@code dtype} last
 * everywhere, {@code axis} for SparseCategoricalCrossentropy).
 */
class KerasLossWriterTest {
  private final LossRegistry registry = Registries.withPoly1();

  private Loss create(String name, Object... keyValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put((String) keyValues[i], keyValues[i + 1]);
    }
    return registry.create(name, values);
  }

  private void assertWritesAndReadsBack(Loss loss, String expectedJson) {
    String json = KerasLossWriter.toJson(loss, registry);

    assertSameSerializedLoss(expectedJson, json);
    assertEquals(loss, KerasLossReader.fromJson(json, registry));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "binary_crossentropy | {'module':'keras.losses','class_name':'BinaryCrossentropy',"
          + "'config':{'name':'binary_crossentropy','reduction':'sum_over_batch_size',"
          + "'from_logits':false,'label_smoothing':0.0,'axis':-1,'dtype':'float32'},"
          + "'registered_name':null}",
      "binary_focal_crossentropy | {'module':'keras.losses','class_name':"
          + "'BinaryFocalCrossentropy','config':{'name':'binary_focal_crossentropy',"
          + "'reduction':'sum_over_batch_size','from_logits':false,'label_smoothing':0.0,"
          + "'axis':-1,'apply_class_balancing':false,'alpha':0.25,'gamma':2.0,"
          + "'dtype':'float32'},'registered_name':null}",
      "categorical_crossentropy | {'module':'keras.losses','class_name':"
          + "'CategoricalCrossentropy','config':{'name':'categorical_crossentropy',"
          + "'reduction':'sum_over_batch_size','from_logits':false,'label_smoothing':0.0,"
          + "'axis':-1,'dtype':'float32'},'registered_name':null}",
      "categorical_focal_crossentropy | {'module':'keras.losses','class_name':"
          + "'CategoricalFocalCrossentropy','config':{'name':'categorical_focal_crossentropy',"
          + "'reduction':'sum_over_batch_size','from_logits':false,'label_smoothing':0.0,"
          + "'axis':-1,'alpha':0.25,'gamma':2.0,'dtype':'float32'},'registered_name':null}",
      "sparse_categorical_crossentropy | {'module':'keras.losses','class_name':"
          + "'SparseCategoricalCrossentropy','config':{'name':'sparse_categorical_crossentropy',"
          + "'reduction':'sum_over_batch_size','from_logits':false,'ignore_class':null,"
          + "'axis':-1,'dtype':'float32'},'registered_name':null}",
      "poisson | {'module':'keras.losses','class_name':'Poisson','config':{'name':'poisson',"
          + "'reduction':'sum_over_batch_size','dtype':'float32'},'registered_name':null}",
      "kl_divergence | {'module':'keras.losses','class_name':'KLDivergence','config':{"
          + "'name':'kl_divergence','reduction':'sum_over_batch_size','dtype':'float32'},"
          + "'registered_name':null}",
      "ctc | {'module':'keras.losses','class_name':'CTC','config':{'name':'ctc',"
          + "'reduction':'sum_over_batch_size','dtype':'float32'},'registered_name':null}"})
  void writesEachDefaultLossAsKerasDoes(String name, String expected) {
    assertWritesAndReadsBack(create(name), expected.replace('\'', '"'));
  }

  @Test
  void writesBinaryCrossentropyWithEveryArgument() {
    Loss loss = create("binary_crossentropy", "from_logits", true, "label_smoothing", 0.1,
        "axis", 1, "reduction", "sum", "name", "bce_run", "dtype", "float64");

    assertWritesAndReadsBack(loss, "{\"module\":\"keras.losses\",\"class_name\":"
        + "\"BinaryCrossentropy\",\"config\":{\"name\":\"bce_run\",\"reduction\":\"sum\","
        + "\"from_logits\":true,\"label_smoothing\":0.1,\"axis\":1,\"dtype\":\"float64\"},"
        + "\"registered_name\":null}");
  }

  @Test
  void writesBinaryFocalCrossentropyWithEveryArgument() {
    Loss loss = create("binary_focal_crossentropy", "apply_class_balancing", true, "alpha", 0.4,
        "gamma", 3.0, "from_logits", true, "label_smoothing", 0.2, "axis", 1, "reduction",
        "mean", "name", "bfce_run", "dtype", "float64");

    assertWritesAndReadsBack(loss, "{\"module\":\"keras.losses\",\"class_name\":"
        + "\"BinaryFocalCrossentropy\",\"config\":{\"name\":\"bfce_run\",\"reduction\":\"mean\","
        + "\"from_logits\":true,\"label_smoothing\":0.2,\"axis\":1,"
        + "\"apply_class_balancing\":true,\"alpha\":0.4,\"gamma\":3.0,\"dtype\":\"float64\"},"
        + "\"registered_name\":null}");
  }

  @Test
  void writesCategoricalCrossentropyWithEveryArgument() {
    Loss loss = create("categorical_crossentropy", "from_logits", true, "label_smoothing", 0.3,
        "axis", 0, "reduction", null, "name", "cce_run", "dtype", "float64");

    assertWritesAndReadsBack(loss, "{\"module\":\"keras.losses\",\"class_name\":"
        + "\"CategoricalCrossentropy\",\"config\":{\"name\":\"cce_run\",\"reduction\":null,"
        + "\"from_logits\":true,\"label_smoothing\":0.3,\"axis\":0,\"dtype\":\"float64\"},"
        + "\"registered_name\":null}");
  }

  @Test
  void writesCategoricalFocalCrossentropyWithEveryArgumentAndPerClassAlpha() {
    Loss loss = create("categorical_focal_crossentropy", "alpha", List.of(0.2, 0.3, 0.5),
        "gamma", 1.0, "from_logits", true, "label_smoothing", 0.1, "axis", 1, "reduction",
        "mean_with_sample_weight", "name", "cfce_run", "dtype", "float64");

    assertWritesAndReadsBack(loss, "{\"module\":\"keras.losses\",\"class_name\":"
        + "\"CategoricalFocalCrossentropy\",\"config\":{\"name\":\"cfce_run\","
        + "\"reduction\":\"mean_with_sample_weight\",\"from_logits\":true,"
        + "\"label_smoothing\":0.1,\"axis\":1,\"alpha\":[0.2,0.3,0.5],\"gamma\":1.0,"
        + "\"dtype\":\"float64\"},\"registered_name\":null}");
  }

  @Test
  void writesSparseCategoricalCrossentropyWithEveryArgumentAxisIncluded() {
    Loss loss = create("sparse_categorical_crossentropy", "from_logits", true, "ignore_class",
        4, "axis", 1, "reduction", "none", "name", "scce_run", "dtype", "float64");

    assertWritesAndReadsBack(loss, "{\"module\":\"keras.losses\",\"class_name\":"
        + "\"SparseCategoricalCrossentropy\",\"config\":{\"name\":\"scce_run\","
        + "\"reduction\":\"none\",\"from_logits\":true,\"ignore_class\":4,\"axis\":1,"
        + "\"dtype\":\"float64\"},\"registered_name\":null}");
  }

  @Test
  void writesPoissonWithEveryArgument() {
    Loss loss = create("poisson", "reduction", "sum", "name", "counts", "dtype", "float64");

    assertWritesAndReadsBack(loss, "{\"module\":\"keras.losses\",\"class_name\":\"Poisson\","
        + "\"config\":{\"name\":\"counts\",\"reduction\":\"sum\",\"dtype\":\"float64\"},"
        + "\"registered_name\":null}");
  }

  @Test
  void writesKlDivergenceWithEveryArgument() {
    Loss loss = create("kl_divergence", "reduction", "mean", "name", "kl", "dtype", "float64");

    assertWritesAndReadsBack(loss, "{\"module\":\"keras.losses\",\"class_name\":"
        + "\"KLDivergence\",\"config\":{\"name\":\"kl\",\"reduction\":\"mean\","
        + "\"dtype\":\"float64\"},\"registered_name\":null}");
  }

  @Test
  void writesCtcWithItsKerasArguments() {
    Loss loss = create("ctc", "reduction", "sum", "name", "speech", "dtype", "float64");

    assertWritesAndReadsBack(loss, "{\"module\":\"keras.losses\",\"class_name\":\"CTC\","
        + "\"config\":{\"name\":\"speech\",\"reduction\":\"sum\",\"dtype\":\"float64\"},"
        + "\"registered_name\":null}");
  }

  @Test
  void writesCtcArgumentsKerasLacksOnlyWhenTheyDifferFromTheDefault() {
    Loss loss = create("ctc", "blank_index", 2, "zero_infinity", true);

    assertWritesAndReadsBack(loss, "{\"module\":\"keras.losses\",\"class_name\":\"CTC\","
        + "\"config\":{\"name\":\"ctc\",\"reduction\":\"sum_over_batch_size\","
        + "\"blank_index\":2,\"zero_infinity\":true,\"dtype\":\"float32\"},"
        + "\"registered_name\":null}");
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "sum", "sum_over_batch_size", "mean",
      "mean_with_sample_weight"})
  void keepsEveryReductionString(String reduction) {
    Loss loss = create("poisson", "reduction", reduction);

    Loss back = KerasLossReader.fromJson(KerasLossWriter.toJson(loss, registry), registry);

    assertEquals(reduction, back.config().getString("reduction"));
    assertEquals(loss, back);
  }

  @Test
  void keepsANullReduction() {
    Loss loss = create("poisson", "reduction", null);

    Map<String, Object> serialized = KerasLossWriter.serialize(loss, registry);
    Loss back = KerasLossReader.fromJson(KerasLossWriter.toJson(loss, registry), registry);

    assertTrue(((Map<?, ?>) serialized.get("config")).containsKey("reduction"));
    assertNull(((Map<?, ?>) serialized.get("config")).get("reduction"));
    assertNull(back.config().get("reduction"));
  }

  /**
   * For every installed built-in provider and every one of its parameters, a loss with that
   * parameter moved off its default survives loss, JSON, loss. A parameter without an entry in
   * the table of other values fails the test, so that a new parameter cannot go untested.
   */
  @TestFactory
  Stream<DynamicTest> everyArgumentOfEveryBuiltInLossSurvivesTheRoundTrip() {
    Map<String, Object> otherValue = new HashMap<>();
    otherValue.put("from_logits", true);
    otherValue.put("label_smoothing", 0.15);
    otherValue.put("axis", 1);
    otherValue.put("reduction", "sum");
    otherValue.put("name", "renamed");
    otherValue.put("dtype", "float64");
    otherValue.put("ignore_class", 3);
    otherValue.put("apply_class_balancing", true);
    otherValue.put("alpha", 0.4);
    otherValue.put("gamma", 0.5);
    otherValue.put("blank_index", 2);
    otherValue.put("zero_infinity", true);
    List<DynamicTest> tests = new ArrayList<>();
    for (InstalledLoss installed : Registries.builtIns().installed()) {
      LossProvider provider = installed.provider();
      for (ParameterSpec spec : provider.parameters()) {
        tests.add(DynamicTest.dynamicTest(provider.name() + "." + spec.name(), () -> {
          assertTrue(otherValue.containsKey(spec.name()), "no other value for " + spec.name());
          Loss loss = create(provider.name(), spec.name(), otherValue.get(spec.name()));
          assertNotEquals(spec.defaultValue(), loss.config().get(spec.name()));

          String json = KerasLossWriter.toJson(loss, registry);
          Loss back = KerasLossReader.fromJson(json, registry);

          assertEquals(loss, back, json);
          assertEquals(JsonAssertions.parse(json).path("config").path(spec.name()),
              JsonAssertions.parse(KerasLossWriter.toJson(back, registry)).path("config")
                  .path(spec.name()));
        }));
      }
    }
    assertEquals(8, Registries.builtIns().installed().size());
    return tests.stream();
  }

  @Test
  void writesTheCancerModelLossAsKerasSavedItPlusTheDtype() {
    JsonNode saved = JsonAssertions.compiledLossOf(KerasModelFileTest.model("cancer_bfce.keras"));
    Loss loss = KerasLossReader.fromModelFile(KerasModelFileTest.model("cancer_bfce.keras"),
        registry).get(0).loss();
    ObjectNode expected = saved.deepCopy();
    ((ObjectNode) expected.get("config")).put("dtype", "float32");

    assertSameSerializedLoss(expected.toString(), KerasLossWriter.toJson(loss, registry));
  }

  @Test
  void writesTheDigitsModelLossAsKerasSavedItPlusTheDtype() {
    JsonNode saved = JsonAssertions.compiledLossOf(KerasModelFileTest.model("digits_cfce.keras"));
    Loss loss = KerasLossReader.fromModelFile(KerasModelFileTest.model("digits_cfce.keras"),
        registry).get(0).loss();
    ObjectNode expected = saved.deepCopy();
    ((ObjectNode) expected.get("config")).put("dtype", "float32");

    assertSameSerializedLoss(expected.toString(), KerasLossWriter.toJson(loss, registry));
  }

  @Test
  void writesTheRegisteredCustomLossExactlyAsKerasSavedIt() {
    JsonNode saved =
        JsonAssertions.compiledLossOf(KerasModelFileTest.model("custom_registered.keras"));
    Loss loss = KerasLossReader.fromModelFile(
        KerasModelFileTest.model("custom_registered.keras"), registry).get(0).loss();

    String json = KerasLossWriter.toJson(loss, registry);

    assertSameSerializedLoss(saved.toString(), json);
    assertSameSerializedLoss("{\"module\":null,\"class_name\":\"Poly1\",\"config\":{"
        + "\"name\":\"poly1\",\"reduction\":\"sum_over_batch_size\",\"epsilon\":2.0},"
        + "\"registered_name\":\"acme>Poly1\"}", json);
  }

  @Test
  void writesACustomLossDtypeOnlyWhenItIsNotTheDefault() {
    Loss loss = create("poly1", "epsilon", 0.5, "dtype", "float64");

    assertWritesAndReadsBack(loss, "{\"module\":null,\"class_name\":\"Poly1\",\"config\":{"
        + "\"name\":\"poly1\",\"reduction\":\"sum_over_batch_size\",\"epsilon\":0.5,"
        + "\"dtype\":\"float64\"},\"registered_name\":\"acme>Poly1\"}");
  }

  @Test
  void serializeGivesKerasEnvelopeInOrder() {
    Map<String, Object> serialized = KerasLossWriter.serialize(create("bce"), registry);

    assertEquals(List.of("module", "class_name", "config", "registered_name"),
        new ArrayList<>(serialized.keySet()));
    assertEquals("keras.losses", serialized.get("module"));
    assertEquals("BinaryCrossentropy", serialized.get("class_name"));
    assertNull(serialized.get("registered_name"));
  }

  @Test
  void refusesALossWhoseProviderIsNotInTheRegistry() {
    Loss loss = create("poly1");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KerasLossWriter.toJson(loss, Registries.builtIns()));

    assertTrue(e.getMessage().contains("poly1"), e.getMessage());
  }
}
