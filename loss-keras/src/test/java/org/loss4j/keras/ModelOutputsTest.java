package org.loss4j.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loss4j.keras.KerasModelFileTest.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loss4j.api.Loss;
import org.loss4j.api.registry.LossRegistry;

/**
 * {@link KerasLossReader#outputsFromModelFile}: the outputs of a model file one by one, each with
 * its loss or the reason it cannot be built, read from the Keras-saved files of the test
 * resources and from hand-made ones.
 */
class ModelOutputsTest {
  private static final String[] SAVED_BY_KERAS = {"cancer_bfce.keras", "digits_cfce.keras",
      "scce_string.keras", "custom_registered.keras"};

  @TempDir Path dir;

  private Path handMade(String file, String configJson) throws IOException {
    Path path = dir.resolve(file);
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(path))) {
      zip.putNextEntry(new ZipEntry("config.json"));
      zip.write(configJson.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return path;
  }

  @Test
  void givesEachKerasSavedModelTheOutputThatFromModelFileGives() {
    LossRegistry registry = Registries.withPoly1();
    for (String file : SAVED_BY_KERAS) {
      CompiledLoss whole = KerasLossReader.fromModelFile(model(file), registry).get(0);

      List<CompiledOutput> outputs = KerasLossReader.outputsFromModelFile(model(file), registry);

      assertEquals(List.of(CompiledOutput.available(whole.outputName(), whole.outputIndex(),
          whole.loss(), whole.weight())), outputs, file);
    }
  }

  @Test
  void keepsTheKerasSavedCustomModelWithoutItsProviderWithTheReasonFromModelFileGives() {
    Path file = model("custom_registered.keras");
    String refusal = assertThrows(IllegalArgumentException.class,
        () -> KerasLossReader.fromModelFile(file, Registries.builtIns())).getMessage();

    List<CompiledOutput> outputs = KerasLossReader.outputsFromModelFile(file,
        Registries.builtIns());

    // the README of the test resources: one loss, compiled without loss_weights
    assertEquals(List.of(CompiledOutput.unavailable(Optional.empty(), 0, refusal, 1.0)), outputs);
    assertTrue(refusal.contains("\"acme>Poly1\""), refusal);
  }

  /** "mse" is a Keras loss that loss4j does not install. */
  @Test
  void keepsTheOtherOutputsOfAListWhenOneLossIsNotInstalled() throws IOException {
    Path file = handMade("two.keras", "{'config': {'output_layers': [['label', 0, 0],"
        + " ['size', 0, 0]]}, 'compile_config': {'loss': ['binary_crossentropy', 'mse'],"
        + " 'loss_weights': [1.0, 0.5]}}");
    LossRegistry registry = Registries.builtIns();

    List<CompiledOutput> outputs = KerasLossReader.outputsFromModelFile(file, registry);

    Loss bce = registry.create("binary_crossentropy");
    assertEquals(2, outputs.size(), outputs.toString());
    assertEquals(CompiledOutput.available(Optional.of("label"), 0, bce, 1.0), outputs.get(0));
    CompiledOutput size = outputs.get(1);
    assertEquals(Optional.of("size"), size.outputName());
    assertEquals(1, size.outputIndex());
    assertEquals(0.5, size.weight());
    assertEquals(Optional.empty(), size.loss());
    assertTrue(size.problem().orElseThrow().startsWith(file + ": config.json: "
        + "compile_config.loss[1]: unknown loss \"mse\""), size.problem().orElseThrow());
  }

  @Test
  void keepsTheOtherOutputsOfAnObjectWhenOneLossIsRefused() throws IOException {
    Path file = handMade("keyed.keras", "{'compile_config': {'loss': {'a': 'bce', 'b':"
        + " {'class_name': 'BinaryFocalCrossentropy', 'config': {'gamma': -1.0}}},"
        + " 'loss_weights': {'b': 2.0}}}");
    LossRegistry registry = Registries.builtIns();

    List<CompiledOutput> outputs = KerasLossReader.outputsFromModelFile(file, registry);

    assertEquals(CompiledOutput.available(Optional.of("a"), 0, registry.create("bce"), 1.0),
        outputs.get(0));
    CompiledOutput b = outputs.get(1);
    assertEquals(Optional.of("b"), b.outputName());
    assertEquals(1, b.outputIndex());
    assertEquals(2.0, b.weight());
    assertTrue(b.problem().orElseThrow().startsWith(file + ": config.json: "
        + "compile_config.loss.b.config.gamma: BinaryFocalCrossentropy: gamma"),
        b.problem().orElseThrow());
  }

  @Test
  void keepsANestedStructureAsAnUnavailableOutput() throws IOException {
    Path file = handMade("nested.keras", "{'compile_config': {'loss': ['bce', ['bce', 'bce']]}}");

    List<CompiledOutput> outputs = KerasLossReader.outputsFromModelFile(file,
        Registries.builtIns());

    assertEquals(List.of(0, 1), outputs.stream().map(CompiledOutput::outputIndex).toList());
    assertEquals(Optional.of(file + ": config.json: compile_config.loss[1]: nested structures"
        + " of losses are not supported, expected a loss (a name string or an object with"
        + " class_name and config)"), outputs.get(1).problem());
  }

  @Test
  void refusesWeightsThatDoNotMatchTheLossesAsFromModelFileDoes() throws IOException {
    Path file = handMade("weights.keras", "{'compile_config': {'loss': ['bce', 'mse'],"
        + " 'loss_weights': [1.0]}}");
    String whole = assertThrows(IllegalArgumentException.class,
        () -> KerasLossReader.fromModelFile(file, Registries.builtIns())).getMessage();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KerasLossReader.outputsFromModelFile(file, Registries.builtIns()));

    assertEquals(whole, e.getMessage());
    assertEquals(file + ": config.json: compile_config.loss_weights: expected a list of 2"
        + " weights, one per loss, got an array of 1", e.getMessage());
  }

  @Test
  void refusesAModelSavedWithoutCompile() throws IOException {
    Path file = handMade("plain.keras", "{'class_name': 'Sequential', 'config': {}}");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> KerasLossReader.outputsFromModelFile(file, Registries.builtIns()));

    assertEquals(file + ": config.json: compile_config: missing: the model was saved without"
        + " being compiled, expected a model compiled with a loss", e.getMessage());
  }

  @Test
  void anOutputHasEitherALossOrAProblem() {
    CompiledOutput output = CompiledOutput.unavailable(Optional.empty(), 0, "why", 1.0);

    assertEquals(Optional.empty(), output.loss());
    assertEquals(Optional.of("why"), output.problem());
    assertThrows(IllegalArgumentException.class,
        () -> CompiledOutput.unavailable(Optional.empty(), -1, "why", 1.0));
    assertThrows(IllegalArgumentException.class,
        () -> CompiledOutput.unavailable(Optional.empty(), 0, "why", Double.NaN));
  }
}
