package org.loss4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.loss4j.api.Loss;
import org.loss4j.api.Tensor;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.cli.eval.BatchEvaluation;
import org.loss4j.cli.eval.Progress;
import org.loss4j.cli.eval.StreamingEvaluation;
import org.loss4j.cli.io.ArrayFiles;
import org.loss4j.cli.io.ArrayFormat;
import org.loss4j.cli.io.ArrayWriter;
import org.loss4j.cli.io.AtomicOutput;
import org.loss4j.cli.io.JsonArrays;
import org.loss4j.cli.io.NpyFile;
import org.loss4j.cli.io.Numbers;
import org.loss4j.cli.io.OutputPaths;
import org.loss4j.keras.CompiledLoss;
import org.loss4j.keras.KerasLossReader;
import org.loss4j.testkit.cases.LossCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code eval}: evaluates a loss on arrays from files, or a JSON file of cases in batch.
 *
 * <p>The loss comes from {@code --loss NAME} with {@code --config KEY=VALUE} and
 * {@code --config-json}, or from the compile configuration of a Keras model file
 * ({@code --model}). The reduced value is printed alone on the last line of standard output,
 * after a {@code # loss {config}} line printed once it is computed. Output paths are checked
 * before any work, and the outputs of a run appear all together or, when it fails, not at all.
 * {@code .npy} inputs larger than {@link #STREAM_THRESHOLD_BYTES} (or any, with
 * {@code --chunk-rows}) are streamed in chunks with constant memory.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate a loss on y_true/y_pred from .npy, .csv or .json files, or a JSON file of cases.",
      "The reduced value is printed alone on the last line of standard output."
    })
final class EvalCommand implements Callable<Integer> {
  /** Inputs larger than this (in bytes of y_pred) are streamed: 64 MiB. */
  static final long STREAM_THRESHOLD_BYTES = 64L << 20;
  /**
   * The elements of y_pred in a streamed chunk when {@code --chunk-rows} is not given: 128 Ki, so
   * that the few double copies a loss makes of a chunk stay near a megabyte each.
   */
  private static final long CHUNK_ELEMENTS = 1L << 17;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec private CommandSpec spec;

  @Option(names = "--loss", paramLabel = "NAME", description = "A loss, by any of its names.")
  private String lossName;

  @Option(names = "--model", paramLabel = "MODEL.keras",
      description = "Take the loss from the compile configuration of a Keras model file.")
  private Path model;

  @Option(names = "--output", paramLabel = "NAME",
      description = "With --model: the output (name or index) whose loss to use.")
  private String output;

  @Option(names = "--config", paramLabel = "KEY=VALUE",
      description = "A Keras-named parameter, such as from_logits=true or alpha=0.25,0.25,0.5.")
  private List<String> config = new ArrayList<>();

  @Option(names = "--config-json", paramLabel = "JSON|FILE",
      description = "Parameters as a JSON object, inline or in a file.")
  private String configJson;

  @Option(names = "--y-true", paramLabel = "FILE", description = "Targets (.npy, .csv, .json).")
  private Path yTrue;

  @Option(names = "--y-pred", paramLabel = "FILE", description = "Predictions.")
  private Path yPred;

  @Option(names = "--sample-weight", paramLabel = "FILE", description = "Optional weights.")
  private Path sampleWeight;

  @Option(names = "--per-sample", paramLabel = "FILE",
      description = "Write the unweighted per-sample losses (format from the extension).")
  private Path perSample;

  @Option(names = "--gradient", paramLabel = "FILE",
      description = "Write the gradient of the value with respect to y_pred.")
  private Path gradient;

  @Option(names = "--chunk-rows", paramLabel = "N",
      description = "Stream .npy inputs in chunks of N samples (automatic above 64 MiB).")
  private Integer chunkRows;

  @Option(names = "--cases", paramLabel = "FILE",
      description = "Batch mode: a JSON array of cases in the testkit's format.")
  private Path cases;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Batch mode: write the results here instead of standard output.")
  private Path out;

  @Option(names = "--with-gradient", description = "Batch mode: add grad_y_pred to each result.")
  private boolean withGradient;

  @Override
  public Integer call() throws Exception {
    LossRegistry registry = LossRegistry.global();
    if (cases != null) {
      return batch(registry);
    }
    if (lossName == null && model == null) {
      throw new IllegalArgumentException("eval needs --loss NAME, --model FILE or --cases FILE");
    }
    if (lossName != null && model != null) {
      throw new IllegalArgumentException("eval takes either --loss or --model, not both");
    }
    if (yTrue == null || yPred == null) {
      throw new IllegalArgumentException("eval needs both --y-true FILE and --y-pred FILE");
    }
    if (out != null || withGradient) {
      throw new IllegalArgumentException(
          "--out and --with-gradient belong to --cases; use --gradient FILE for one evaluation");
    }
    checkOutputs();
    Loss loss = lossName != null ? configuredLoss(registry) : modelLoss(registry);
    Tensor value = streamable(loss) ? stream(loss, registry) : inMemory(loss);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.println("# " + loss.config().loss() + " " + loss.config().values());
    stdout.println(format(value));
    return 0;
  }

  private Integer batch(LossRegistry registry) throws IOException {
    boolean single = lossName != null || model != null || yTrue != null || yPred != null
        || sampleWeight != null || perSample != null || gradient != null || !config.isEmpty()
        || configJson != null || chunkRows != null;
    if (single) {
      throw new IllegalArgumentException("--cases takes losses, configurations and arrays from"
          + " its file; drop --loss, --model, --config, --y-true, --y-pred and their companions");
    }
    Map<String, Path> outputs = new LinkedHashMap<>();
    outputs.put("--out", out);
    OutputPaths.check(Map.of("--cases", cases), outputs);
    List<LossCase> all = BatchEvaluation.readCases(cases);
    BatchEvaluation evaluation = new BatchEvaluation(registry, withGradient);
    if (out == null) {
      evaluation.run(all, spec.commandLine().getOut());
      return 0;
    }
    try (AtomicOutput file = AtomicOutput.create(out)) {
      BufferedWriter writer = new BufferedWriter(
          new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8));
      evaluation.run(all, writer);
      file.commit();
    }
    return 0;
  }

  private Loss configuredLoss(LossRegistry registry) throws IOException {
    Map<String, Object> parameters = new LinkedHashMap<>();
    if (configJson != null) {
      parameters.putAll(readConfigJson());
    }
    for (String entry : config) {
      int equals = entry.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException(
            "--config expects KEY=VALUE, such as from_logits=true, got " + entry);
      }
      parameters.put(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim());
    }
    if (lossName.startsWith("fn:")) {
      throw new IllegalArgumentException("--loss " + lossName + ": the fn: form belongs to"
          + " --cases files, expected a loss name such as " + lossName.substring(3)
          + " (with --per-sample FILE for its per-sample values)");
    }
    return registry.create(lossName, parameters);
  }

  private Map<String, Object> readConfigJson() throws IOException {
    String text = configJson.trim();
    String source = "--config-json";
    if (!looksLikeJson(text)) {
      Path file = Path.of(configJson);
      if (!Files.exists(file)) {
        throw new IllegalArgumentException("--config-json " + configJson + ": neither JSON nor an"
            + " existing file, expected an object such as {\"from_logits\": true} or its file");
      }
      ArrayFiles.requireFile(file);
      text = Files.readString(file, StandardCharsets.UTF_8);
      source = "--config-json " + file;
    }
    JsonNode node;
    try {
      node = JsonArrays.readValue(new java.io.StringReader(text));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(source + ": got " + (node == null ? "nothing"
          : node.toString()) + ", expected a JSON object such as {\"from_logits\": true}");
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      parameters.put(field.getKey(), JSON.treeToValue(field.getValue(), Object.class));
    }
    return parameters;
  }

  /** Returns whether inline {@code --config-json} text is JSON rather than a file name. */
  private static boolean looksLikeJson(String text) {
    return !text.isEmpty() && "{[\"".indexOf(text.charAt(0)) >= 0;
  }

  private Loss modelLoss(LossRegistry registry) throws Exception {
    if (!config.isEmpty() || configJson != null) {
      throw new IllegalArgumentException(
          "--model takes its configuration from the model file; drop --config");
    }
    ArrayFiles.requireFile(model);
    List<CompiledLoss> compiled = KerasLossReader.fromModelFile(model, registry);
    if (compiled.isEmpty()) {
      throw new IllegalArgumentException(model + ": the model was compiled without a loss");
    }
    if (output == null) {
      if (compiled.size() > 1) {
        throw new IllegalArgumentException(model + " has " + compiled.size()
            + " outputs with losses, choose one with --output: " + outputNames(compiled));
      }
      return compiled.get(0).loss();
    }
    for (CompiledLoss candidate : compiled) {
      if (candidate.outputName().filter(output::equals).isPresent()
          || output.equals(String.valueOf(candidate.outputIndex()))) {
        return candidate.loss();
      }
    }
    throw new IllegalArgumentException(
        model + " has no output " + output + ", expected one of " + outputNames(compiled));
  }

  private static List<String> outputNames(List<CompiledLoss> compiled) {
    List<String> names = new ArrayList<>();
    for (CompiledLoss loss : compiled) {
      names.add(loss.outputName().orElse(String.valueOf(loss.outputIndex())));
    }
    return names;
  }

  /**
   * Checks the output paths before any work: known extensions, writable places, and no output
   * that is an input or another output.
   */
  private void checkOutputs() {
    Map<String, Path> outputs = new LinkedHashMap<>();
    outputs.put("--per-sample", perSample);
    outputs.put("--gradient", gradient);
    for (Map.Entry<String, Path> output : outputs.entrySet()) {
      if (output.getValue() != null) {
        try {
          ArrayFormat.of(output.getValue());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(output.getKey() + " " + e.getMessage(), e);
        }
      }
    }
    Map<String, Path> inputs = new LinkedHashMap<>();
    inputs.put("--y-true", yTrue);
    inputs.put("--y-pred", yPred);
    inputs.put("--sample-weight", sampleWeight);
    inputs.put("--model", model);
    if (configJson != null && !looksLikeJson(configJson.trim())) {
      inputs.put("--config-json", Path.of(configJson));
    }
    OutputPaths.check(inputs, outputs);
  }

  private boolean streamable(Loss loss) throws IOException {
    if (ArrayFormat.of(yTrue) != ArrayFormat.NPY || ArrayFormat.of(yPred) != ArrayFormat.NPY) {
      return false;
    }
    ArrayFiles.requireFile(yTrue);
    ArrayFiles.requireFile(yPred);
    int rank;
    try (NpyFile predictions = NpyFile.open(yPred)) {
      rank = predictions.header().shape().length;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(yPred + ": " + e.getMessage(), e);
    }
    boolean large = Files.size(yPred) > STREAM_THRESHOLD_BYTES;
    return (chunkRows != null || large) && StreamingEvaluation.supports(loss, rank);
  }

  /**
   * Streams the evaluation; a loss that cannot be reduced in chunks (it does not implement
   * {@link Loss#reductionSums}) is evaluated in memory instead when streaming was automatic, and
   * refused when {@code --chunk-rows} asked for it.
   */
  private Tensor stream(Loss loss, LossRegistry registry) throws IOException {
    try {
      return streamChunks(loss, registry);
    } catch (UnsupportedOperationException e) {
      if (chunkRows != null) {
        throw new IllegalArgumentException(
            e.getMessage() + "; drop --chunk-rows to evaluate it in memory", e);
      }
    }
    return inMemory(loss);
  }

  private Tensor streamChunks(Loss loss, LossRegistry registry) throws IOException {
    try (NpyFile truth = open(yTrue); NpyFile predictions = open(yPred);
        NpyFile weights = sampleWeight != null && ArrayFormat.of(sampleWeight) == ArrayFormat.NPY
            ? open(sampleWeight) : null) {
      int rows = chunkRows != null ? chunkRows : (int) Math.max(1, Math.min(
          Integer.MAX_VALUE, CHUNK_ELEMENTS / Math.max(1, predictions.rowSize())));
      StreamingEvaluation.Builder evaluation = StreamingEvaluation.builder(loss, registry)
          .inputs(truth, predictions)
          .chunkRows(rows)
          .perSample(perSample)
          .gradient(gradient)
          .progress(Progress.onConsole(spec.commandLine().getErr(),
              gradient == null ? predictions.rows() : 2L * predictions.rows()));
      if (weights != null) {
        evaluation.sampleWeight(weights);
      } else if (sampleWeight != null) {
        evaluation.sampleWeight(ArrayFiles.read(sampleWeight));
      }
      return evaluation.build().run();
    }
  }

  private static NpyFile open(Path path) throws IOException {
    ArrayFiles.requireFile(path);
    try {
      return NpyFile.open(path);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(path + ": " + e.getMessage(), e);
    }
  }

  private Tensor inMemory(Loss loss) throws IOException {
    Tensor truth = ArrayFiles.read(yTrue);
    Tensor predictions = ArrayFiles.read(yPred);
    Tensor weights = sampleWeight == null ? null : ArrayFiles.read(sampleWeight);
    Tensor value;
    Tensor gradientValue = null;
    if (gradient != null) {
      var both = loss.valueAndGradient(truth, predictions, weights, null);
      value = both.value();
      gradientValue = both.gradient();
    } else {
      value = loss.compute(truth, predictions, weights);
    }
    Tensor perSampleValue = perSample == null ? null : loss.perSample(truth, predictions);
    List<ArrayWriter> writers = new ArrayList<>();
    try {
      if (perSampleValue != null) {
        writers.add(ArrayWriter.open(perSample, perSampleValue.shape(), perSampleValue.dtype()));
        writers.get(writers.size() - 1).append(perSampleValue);
      }
      if (gradientValue != null) {
        writers.add(ArrayWriter.open(gradient, gradientValue.shape(), gradientValue.dtype()));
        writers.get(writers.size() - 1).append(gradientValue);
      }
      ArrayWriter.commitAll(writers);
    } finally {
      for (ArrayWriter writer : writers) {
        writer.close();
      }
    }
    return value;
  }

  /** Returns a scalar as one number, and any other value as nested JSON arrays on one line. */
  private static String format(Tensor value) throws IOException {
    if (value.rank() == 0) {
      return Numbers.format(value.getDouble(0), value.dtype());
    }
    StringWriter text = new StringWriter();
    try (var json = JsonArrays.generator(text)) {
      JsonArrays.write(json, value);
    }
    return text.toString();
  }
}
