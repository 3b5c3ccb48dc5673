package org.loss4j.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.loss4j.api.registry.LossRegistry;

/**
 * Reads {@code compile_config.loss} and {@code loss_weights} for single- and multi-output
 * models: the forms Keras 3's {@code compile} saves (one loss, a list, an object keyed by output
 * name).
 */
class CompileConfigTest {
  private final LossRegistry registry = Registries.builtIns();

  private List<CompiledLoss> read(String singleQuoted) {
    return KerasLossReader.fromCompileConfig(singleQuoted.replace('\'', '"'), registry);
  }

  private IllegalArgumentException refused(String singleQuoted) {
    return assertThrows(IllegalArgumentException.class, () -> read(singleQuoted));
  }

  private static void assertMessage(IllegalArgumentException e, String part) {
    assertTrue(e.getMessage().contains(part), () -> "\"" + part + "\" not in: "
        + e.getMessage());
  }

  @Test
  void readsOneLossWithOneWeight() {
    List<CompiledLoss> losses = read("{'loss':'bce','loss_weights':0.5}");

    assertEquals(List.of(CompiledLoss.of(Optional.empty(), 0, registry.create("bce"), 0.5)),
        losses);
  }

  @Test
  void readsAListOfLossesWithAListOfWeights() {
    List<CompiledLoss> losses = read("{'loss':['bce',{'class_name':'Poisson','config':"
        + "{'reduction':'sum'}}],'loss_weights':[0.25,2]}");

    assertEquals(List.of(
        CompiledLoss.of(Optional.empty(), 0, registry.create("bce"), 0.25),
        CompiledLoss.of(Optional.empty(), 1, registry.create("poisson", Map.of("reduction",
            "sum")), 2.0)), losses);
  }

  @Test
  void leavesAnOutputWithANullLossOut() {
    List<CompiledLoss> losses = read("{'loss':[null,'kld']}");

    assertEquals(List.of(CompiledLoss.of(Optional.empty(), 1, registry.create("kld"), 1.0)),
        losses);
  }

  @Test
  void readsLossesKeyedByOutputNameWithWeightsByName() {
    List<CompiledLoss> losses = read("{'loss':{'label':'sparse_categorical_crossentropy',"
        + "'count':'poisson'},'loss_weights':{'count':0.1}}");

    assertEquals(List.of(
        CompiledLoss.of(Optional.of("label"), 0,
            registry.create("sparse_categorical_crossentropy"), 1.0),
        CompiledLoss.of(Optional.of("count"), 1, registry.create("poisson"), 0.1)), losses);
  }

  @Test
  void namesListOutputsFromTheModelsOutputLayers() {
    List<CompiledLoss> losses = read("{'config':{'output_layers':[['head_a',0,0],"
        + "['head_b',0,0]]},'compile_config':{'loss':['bce','poisson'],"
        + "'loss_weights':{'head_b':3.0}}}");

    assertEquals(List.of(
        CompiledLoss.of(Optional.of("head_a"), 0, registry.create("bce"), 1.0),
        CompiledLoss.of(Optional.of("head_b"), 1, registry.create("poisson"), 3.0)), losses);
  }

  @Test
  void refusesAConfigWithoutALoss() {
    assertMessage(refused("{'loss':null,'loss_weights':null}"),
        "compile config JSON: compile_config.loss: the model was compiled without a loss");
  }

  @Test
  void refusesAListWhoseEntriesAreAllNull() {
    assertMessage(refused("{'loss':[null,null]}"),
        "compile_config.loss: the model was compiled without a loss for any output");
  }

  @Test
  void refusesAWeightListOfTheWrongLength() {
    assertMessage(refused("{'loss':['bce','poisson'],'loss_weights':[1.0]}"),
        "compile_config.loss_weights: expected a list of 2 weights");
  }

  @Test
  void refusesAWeightForAnOutputThatHasNoLoss() {
    assertMessage(refused("{'loss':{'a':'bce'},'loss_weights':{'b':1.0}}"),
        "compile_config.loss_weights.b: no output of that name, expected one of [a]");
  }

  @Test
  void refusesAWeightThatIsNotANumber() {
    assertMessage(refused("{'loss':['bce'],'loss_weights':['heavy']}"),
        "compile_config.loss_weights[0]: expected a finite number, got the string \"heavy\"");
  }

  @Test
  void refusesANestedStructureOfLosses() {
    assertMessage(refused("{'loss':[['bce']]}"),
        "compile_config.loss[0]: nested structures of losses are not supported");
  }

  @Test
  void namesTheOutputKeyOfALossThatCannotBeBuilt() {
    assertMessage(refused("{'loss':{'out':{'class_name':'Poisson','config':{'gamma':1}}}}"),
        "compile_config.loss.out.config.gamma: Poisson: unknown parameter gamma");
  }

  @Test
  void refusesAConfigThatIsNotAnObject() {
    assertMessage(refused("'bce'"), "compile_config: the model was saved without being "
        + "compiled");
  }
}
