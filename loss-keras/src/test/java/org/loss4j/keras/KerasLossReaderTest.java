package org.loss4j.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.api.spi.ParameterSpec;

/** Reads single serialized losses: names, class objects, functions and custom losses. */
class KerasLossReaderTest {
  private final LossRegistry registry = Registries.withPoly1();

  private static String q(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  private IllegalArgumentException refused(String json) {
    return assertThrows(IllegalArgumentException.class,
        () -> KerasLossReader.fromJson(json, registry));
  }

  private static void assertMessage(IllegalArgumentException e, String... parts) {
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), () -> "\"" + part + "\" not in: "
          + e.getMessage());
    }
  }

  /** Every string Keras 3.13's {@code losses.get} accepts for the eight losses (§10 table). */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "BinaryCrossentropy, binary_crossentropy", "binary_crossentropy, binary_crossentropy",
      "bce, binary_crossentropy", "BCE, binary_crossentropy",
      "BinaryFocalCrossentropy, binary_focal_crossentropy",
      "binary_focal_crossentropy, binary_focal_crossentropy",
      "CategoricalCrossentropy, categorical_crossentropy",
      "categorical_crossentropy, categorical_crossentropy",
      "CategoricalFocalCrossentropy, categorical_focal_crossentropy",
      "categorical_focal_crossentropy, categorical_focal_crossentropy",
      "SparseCategoricalCrossentropy, sparse_categorical_crossentropy",
      "sparse_categorical_crossentropy, sparse_categorical_crossentropy",
      "Poisson, poisson", "poisson, poisson", "CTC, ctc", "ctc, ctc",
      "KLDivergence, kl_divergence", "kl_divergence, kl_divergence", "kld, kl_divergence",
      "KLD, kl_divergence"})
  void readsEveryKerasNameAsTheLossWithDefaults(String kerasName, String loss) {
    Loss read = KerasLossReader.fromJson("\"" + kerasName + "\"", registry);

    assertEquals(registry.create(loss), read);
  }

  @Test
  void readsABareNameWithoutQuotes() {
    assertEquals(registry.create("binary_crossentropy"), KerasLossReader.fromJson(" bce ",
        registry));
  }

  @Test
  void readsASerializedLossFunctionAsItsName() {
    String json = q("{'module':'keras.src.losses.losses','class_name':'function',"
        + "'config':'binary_crossentropy','registered_name':'binary_crossentropy'}");

    assertEquals(registry.create("binary_crossentropy"), KerasLossReader.fromJson(json,
        registry));
  }

  @Test
  void readsKerasSparseConfigWithoutAxisAndDtypeAsTheDefaults() {
    String json = q("{'module':'keras.losses','class_name':'SparseCategoricalCrossentropy',"
        + "'config':{'name':'scce','reduction':'sum','from_logits':true,'ignore_class':0},"
        + "'registered_name':null}");

    Loss loss = KerasLossReader.fromJson(json, registry);

    assertEquals(registry.create("sparse_categorical_crossentropy", Map.of("name", "scce",
        "reduction", "sum", "from_logits", true, "ignore_class", 0, "axis", -1, "dtype",
        "float32")), loss);
  }

  @Test
  void keepsAnIntegerGammaAsTheSameNumber() {
    String json = q("{'class_name':'BinaryFocalCrossentropy','config':{'gamma':3}}");

    assertEquals(3.0, KerasLossReader.fromJson(json, registry).config().getDouble("gamma"));
  }

  @Test
  void readsANullNameAsTheDefaultName() {
    String json = q("{'class_name':'Poisson','config':{'name':null}}");

    assertEquals("poisson", KerasLossReader.fromJson(json, registry).name());
  }

  @Test
  void readsADtypePolicyObjectAsItsName() {
    String json = q("{'class_name':'Poisson','config':{'dtype':{'module':'keras',"
        + "'class_name':'DTypePolicy','config':{'name':'float64'},'registered_name':null}}}");

    assertEquals("float64", KerasLossReader.fromJson(json, registry).config().get("dtype"));
  }

  @Test
  void readsARegisteredCustomLossWithItsExtraKey() {
    String json = q("{'module':null,'class_name':'Poly1','config':{'name':'p',"
        + "'reduction':'sum','epsilon':0.5},'registered_name':'acme>Poly1'}");

    Loss loss = KerasLossReader.fromJson(json, registry);

    assertEquals(registry.create("poly1", Map.of("name", "p", "reduction", "sum", "epsilon",
        0.5)), loss);
  }

  @Test
  void readsARegisteredNameGivenAsAString() {
    assertEquals(registry.create("poly1"), KerasLossReader.fromJson("\"acme>Poly1\"",
        registry));
  }

  @Test
  void refusesAnUnknownRegisteredNameNamingIt() {
    IllegalArgumentException e = refused(q("{'module':null,'class_name':'Poly2','config':{},"
        + "'registered_name':'acme>Poly2'}"));

    assertMessage(e, "loss JSON: loss.registered_name: ", "\"acme>Poly2\"");
  }

  @Test
  void refusesAnUnknownClassNameListingTheClosest() {
    IllegalArgumentException e = refused(q("{'class_name':'BinaryCrossEntropyy','config':{}}"));

    assertMessage(e, "loss JSON: loss.class_name: unknown loss class \"BinaryCrossEntropyy\"",
        "closest known names", "BinaryCrossentropy");
  }

  @Test
  void refusesAnUnknownNameListingTheClosest() {
    IllegalArgumentException e = refused("\"binary_crossentropi\"");

    assertMessage(e, "loss JSON: loss: unknown loss \"binary_crossentropi\"",
        "binary_crossentropy");
  }

  @ParameterizedTest
  @ValueSource(strings = {"crossentropy", "ce", "CE"})
  void refusesTheShapeDependentKerasNames(String name) {
    IllegalArgumentException e = refused("\"" + name + "\"");

    assertMessage(e, "output shapes");
  }

  @Test
  void refusesAnUnknownConfigKeyNamingItAndTheValidOnes() {
    IllegalArgumentException e = refused(q("{'class_name':'BinaryCrossentropy',"
        + "'config':{'from_logits':true,'fn':'binary_crossentropy'}}"));

    assertMessage(e, "loss JSON: loss.config.fn: BinaryCrossentropy: unknown parameter fn",
        "from_logits", "label_smoothing");
  }

  @Test
  void refusesAStringWhereABooleanBelongs() {
    IllegalArgumentException e = refused(q("{'class_name':'BinaryCrossentropy',"
        + "'config':{'from_logits':'true'}}"));

    assertMessage(e, "loss.config.from_logits: BinaryCrossentropy: from_logits must be a "
        + "boolean, got the string \"true\"");
  }

  @Test
  void refusesAStringWhereANumberBelongs() {
    IllegalArgumentException e = refused(q("{'class_name':'BinaryFocalCrossentropy',"
        + "'config':{'gamma':'high'}}"));

    assertMessage(e, "loss.config.gamma: BinaryFocalCrossentropy: gamma must be a number, "
        + "got the string \"high\"");
  }

  @Test
  void refusesAFractionalAxis() {
    IllegalArgumentException e = refused(q("{'class_name':'CategoricalCrossentropy',"
        + "'config':{'axis':1.5}}"));

    assertMessage(e, "loss.config.axis: CategoricalCrossentropy: axis: expected an integer");
  }

  @Test
  void refusesANonNumberInsideAPerClassAlpha() {
    IllegalArgumentException e = refused(q("{'class_name':'CategoricalFocalCrossentropy',"
        + "'config':{'alpha':[0.5,'x']}}"));

    assertMessage(e, "loss.config.alpha[1]: CategoricalFocalCrossentropy: alpha must hold "
        + "numbers, got the string \"x\"");
  }

  @Test
  void refusesAnUnknownReduction() {
    IllegalArgumentException e = refused(q("{'class_name':'Poisson',"
        + "'config':{'reduction':'auto'}}"));

    assertMessage(e, "loss.config.reduction: Poisson: ", "auto");
  }

  @Test
  void refusesAValueTheLossRefusesNamingTheConfig() {
    IllegalArgumentException e = refused(q("{'class_name':'CategoricalFocalCrossentropy',"
        + "'config':{'gamma':-0.5}}"));

    assertMessage(e, "loss JSON: loss.config.gamma: CategoricalFocalCrossentropy: ", "gamma",
        "-0.5");
  }

  @Test
  void refusesAConfigThatIsNotAnObject() {
    IllegalArgumentException e = refused(q("{'class_name':'Poisson','config':[1]}"));

    assertMessage(e, "loss.config: expected an object");
  }

  @Test
  void refusesAMissingClassName() {
    IllegalArgumentException e = refused(q("{'config':{}}"));

    assertMessage(e, "loss.class_name: missing");
  }

  @Test
  void refusesAnUnknownEnvelopeKey() {
    IllegalArgumentException e = refused(q("{'class_name':'Poisson','config':{},'fn':1}"));

    assertMessage(e, "loss.fn: unknown key");
  }

  @Test
  void refusesAKeyGivenTwice() {
    IllegalArgumentException e = refused(q("{'class_name':'Poisson','class_name':'CTC'}"));

    assertMessage(e, "loss JSON: loss: not valid JSON", "class_name");
  }

  @Test
  void refusesTextThatIsNotJson() {
    IllegalArgumentException e = refused("{\"class_name\":");

    assertMessage(e, "loss JSON: loss: not valid JSON", "line 1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"42", "null", "[\"bce\"]", "true"})
  void refusesJsonThatIsNoLoss(String json) {
    IllegalArgumentException e = refused(json);

    assertMessage(e, "loss JSON: loss: expected a loss");
  }

  @Test
  void readsAFunctionWhoseConfigIsNotANameAsAnError() {
    IllegalArgumentException e = refused(q("{'class_name':'function','config':{}}"));

    assertMessage(e, "loss.config: a serialized loss function needs its name");
  }

  @Test
  void usesOnlyTheGivenRegistry() {
    LossRegistry empty = LossRegistry.of();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KerasLossReader.fromJson("\"bce\"", empty));

    assertMessage(e, "unknown loss \"bce\"");
    assertEquals(List.of(), empty.installed());
  }

  @Test
  void refusesTwoProvidersDeclaringOneRegisteredNameNamingBoth() {
    LossRegistry clash = LossRegistry.of(new Poly1Provider(), new OtherPoly1Provider());

    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> KerasLossReader.fromJson("{\"class_name\":\"Poly1\",\"config\":{},"
            + "\"registered_name\":\"acme>Poly1\"}", clash));

    assertTrue(e.getMessage().contains(Poly1Provider.class.getName()), e.getMessage());
    assertTrue(e.getMessage().contains(OtherPoly1Provider.class.getName()), e.getMessage());
  }

  /** A second provider, under other names, that claims Poly1's Keras registered name. */
  public static final class OtherPoly1Provider implements LossProvider {
    private final Poly1Provider delegate = new Poly1Provider();

    @Override
    public String name() {
      return "other_poly1";
    }

    @Override
    public String className() {
      return "OtherPoly1";
    }

    @Override
    public List<ParameterSpec> parameters() {
      return delegate.parameters();
    }

    @Override
    public Loss create(LossConfig config) {
      return delegate.create(config);
    }

    @Override
    public Optional<String> kerasRegisteredName() {
      return delegate.kerasRegisteredName();
    }
  }
}
