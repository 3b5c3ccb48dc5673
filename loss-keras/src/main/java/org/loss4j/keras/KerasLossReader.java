package org.loss4j.keras;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.loss4j.api.Loss;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.keras.internal.CompileConfigDecoder;
import org.loss4j.keras.internal.Json;
import org.loss4j.keras.internal.Location;
import org.loss4j.keras.internal.LossDecoder;
import org.loss4j.keras.internal.ModelArchive;
import org.loss4j.keras.internal.OutputLoss;

/**
 * Builds the losses a Keras model was compiled with, from a {@code .keras} file or from the JSON
 * Keras writes.
 *
 * <pre>{@code
 * // digits_cfce.keras was compiled with CategoricalFocalCrossentropy(alpha=[0.1] * 10,
 * // gamma=3.0, from_logits=True, label_smoothing=0.05, reduction="sum")
 * List<CompiledLoss> compiled =
 *     KerasLossReader.fromModelFile(Path.of("digits_cfce.keras"), LossRegistry.global());
 * Loss loss = compiled.get(0).loss();
 * loss.config().getDouble("gamma");   // 3.0
 *
 * Loss bce = KerasLossReader.fromJson("\"bce\"", LossRegistry.global());
 * }</pre>
 *
 * <p>A serialized loss is either a name or {@code {"module", "class_name", "config",
 * "registered_name"}}:
 *
 * <ul>
 *   <li>a name resolves as Keras's {@code keras.losses.get} does: a class name
 *       ({@code "SparseCategoricalCrossentropy"}) or a function name
 *       ({@code "sparse_categorical_crossentropy"}, {@code "bce"}, {@code "kld"}) gives that loss
 *       with its defaults, which is what {@code model.compile(loss="...")} trains with;
 *   <li>a {@code class_name} object gives that loss with every config key as an argument; keys
 *       the config omits take their defaults (Keras's own configs omit {@code dtype}, and
 *       {@code axis} for SparseCategoricalCrossentropy, which therefore read as float32 and -1);
 *   <li>a custom loss saved under a registered name such as {@code "acme>Poly1"} resolves to the
 *       installed provider whose {@link org.loss4j.api.spi.LossProvider#kerasRegisteredName()}
 *       equals it, its extra config keys passed as parameters.
 * </ul>
 *
 * <p>Every failure is an {@link IllegalArgumentException} whose message names the file (or the
 * kind of JSON), the key path and the problem, for example {@code model.keras: config.json:
 * compile_config.loss.config.gamma: BinaryFocalCrossentropy: gamma must be a number, got the
 * string "high"}.
 *
 * <h2>Differences from Keras</h2>
 *
 * <ul>
 *   <li>Names also match ignoring case, and the loss4j aliases ({@code cce}, {@code scce},
 *       {@code kullback_leibler_divergence}) are accepted (choice P19); Keras's matching is exact.
 *   <li>A config value of the wrong JSON type (a string where a number belongs) and a key the
 *       loss does not have are refused; Keras passes them to the constructor unchecked, and a
 *       value loss4j refuses (choice P16, such as a negative {@code gamma}) is refused here too.
 *   <li>{@code "crossentropy"} and {@code "ce"}, which Keras's {@code compile} resolves from the
 *       model's output shapes, are refused.
 * </ul>
 */
public final class KerasLossReader {
  private static final String FILE_ROOT = "compile_config";
  private static final Pattern BARE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.>-]*");

  private KerasLossReader() {}

  /**
   * Returns the losses a {@code .keras} model file was compiled with, reading only its
   * {@code config.json} ({@code compile_config.loss} and {@code compile_config.loss_weights});
   * the weights file is never read.
   *
   * <p>For a list of losses, the output names come from the functional model's
   * {@code output_layers}, when it lists them.
   *
   * @param kerasFile the model file; never null
   * @param registry the registry the losses are built from; never null
   * @return one entry per output with a loss, in the model's output order; never empty
   * @throws IllegalArgumentException naming the file and the key, if the file does not exist or
   *     is not a zip, has no {@code config.json}, holds invalid JSON, was saved without
   *     {@code compile} or without a loss, or if a loss cannot be built
   * @throws java.io.UncheckedIOException if reading the file fails otherwise
   */
  public static List<CompiledLoss> fromModelFile(Path kerasFile, LossRegistry registry) {
    requireNonNull(kerasFile, "kerasFile");
    requireNonNull(registry, "registry");
    ModelFile model = ModelFile.read(kerasFile);
    return decode(model.compileConfig, model.where, registry, model.outputNames);
  }

  /**
   * Returns every output a {@code .keras} model file compiled with a loss, each with its loss or,
   * when that loss cannot be built (a loss that is not installed, a config value the loss
   * refuses), the reason {@link #fromModelFile} would have failed with. Reads what
   * {@link #fromModelFile} reads, in the same way; for a tool that shows what it can of a model
   * whose losses are not all installed.
   *
   * @param kerasFile the model file; never null
   * @param registry the registry the losses are built from; never null
   * @return one entry per output with a loss, in the model's output order; never empty
   * @throws IllegalArgumentException naming the file and the key, if the file does not exist or
   *     is not a zip, has no {@code config.json}, holds invalid JSON, was saved without
   *     {@code compile} or without a loss, or if its loss weights do not match its losses
   * @throws java.io.UncheckedIOException if reading the file fails otherwise
   */
  public static List<CompiledOutput> outputsFromModelFile(
      Path kerasFile, LossRegistry registry) {
    requireNonNull(kerasFile, "kerasFile");
    requireNonNull(registry, "registry");
    ModelFile model = ModelFile.read(kerasFile);
    List<CompiledOutput> result = new ArrayList<>();
    for (OutputLoss entry : new CompileConfigDecoder(registry)
        .decodeEach(model.compileConfig, model.where, model.outputNames)) {
      Optional<String> name = Optional.ofNullable(entry.outputName());
      result.add(entry.loss() != null
          ? CompiledOutput.available(name, entry.outputIndex(), entry.loss(), entry.weight())
          : CompiledOutput.unavailable(name, entry.outputIndex(), entry.problem(),
              entry.weight()));
    }
    return List.copyOf(result);
  }

  /** The {@code compile_config} of a model file, where it is, and the model's output names. */
  private static final class ModelFile {
    final JsonNode compileConfig;
    final Location where;
    final List<String> outputNames;

    private ModelFile(JsonNode compileConfig, Location where, List<String> outputNames) {
      this.compileConfig = compileConfig;
      this.where = where;
      this.outputNames = outputNames;
    }

    static ModelFile read(Path kerasFile) {
      String text = ModelArchive.readConfig(kerasFile);
      Location file = Location.of(kerasFile + ": " + ModelArchive.CONFIG_ENTRY, "");
      JsonNode model = Json.parse(text, file);
      if (!model.isObject()) {
        throw file.fail("expected a model configuration object, got " + Json.describe(model));
      }
      JsonNode compileConfig = model.path(FILE_ROOT);
      if (compileConfig.isMissingNode() || compileConfig.isNull()) {
        throw file.key(FILE_ROOT).fail("missing: the model was saved without being compiled, "
            + "expected a model compiled with a loss");
      }
      return new ModelFile(compileConfig, file.key(FILE_ROOT), ModelArchive.outputNames(model));
    }
  }

  /**
   * Returns the losses of a Keras {@code compile_config} given as JSON: the object holding
   * {@code loss} and {@code loss_weights} (a whole {@code config.json}, which holds it under
   * {@code compile_config}, is accepted too).
   *
   * @param json the JSON text; never null
   * @param registry the registry the losses are built from; never null
   * @return one entry per output with a loss, in order; never empty
   * @throws IllegalArgumentException naming the key, if the JSON is invalid, holds no loss, or a
   *     loss or weight cannot be read
   */
  public static List<CompiledLoss> fromCompileConfig(String json, LossRegistry registry) {
    requireNonNull(registry, "registry");
    Location where = Location.of("compile config JSON", "");
    JsonNode root = Json.parse(json, where);
    List<String> outputNames = List.of();
    if (root.isObject() && root.has(FILE_ROOT)) {
      outputNames = ModelArchive.outputNames(root);
      root = root.get(FILE_ROOT);
    }
    return decode(root, where.key(FILE_ROOT), registry, outputNames);
  }

  /**
   * Returns the loss one serialized Keras loss describes: an object
   * {@code {"module", "class_name", "config", "registered_name"}} or a name, written as a JSON
   * string ({@code "\"bce\""}) or bare ({@code "bce"}).
   *
   * @param json the JSON text; never null
   * @param registry the registry the loss is built from; never null
   * @throws IllegalArgumentException naming the key, for invalid JSON, an unknown class, function
   *     or registered name, an unknown or ill-typed config key, or a value the loss refuses
   */
  public static Loss fromJson(String json, LossRegistry registry) {
    requireNonNull(registry, "registry");
    Location where = Location.of("loss JSON", "loss");
    JsonNode node = json != null && isBareName(json.trim())
        ? TextNode.valueOf(json.trim()) : Json.parse(json, where);
    return new LossDecoder(registry).decode(node, where);
  }

  private static boolean isBareName(String text) {
    return BARE_NAME.matcher(text).matches() && !text.equals("null") && !text.equals("true")
        && !text.equals("false") && !text.equals("NaN") && !text.equals("Infinity");
  }

  private static List<CompiledLoss> decode(
      JsonNode compileConfig, Location where, LossRegistry registry, List<String> outputNames) {
    List<CompiledLoss> result = new ArrayList<>();
    for (OutputLoss entry : new CompileConfigDecoder(registry)
        .decode(compileConfig, where, outputNames)) {
      result.add(CompiledLoss.of(Optional.ofNullable(entry.outputName()), entry.outputIndex(),
          entry.loss(), entry.weight()));
    }
    return List.copyOf(result);
  }
}
