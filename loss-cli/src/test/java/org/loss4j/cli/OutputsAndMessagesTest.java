package org.loss4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loss4j.cli.InputFormatsTest.assertFailedWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loss4j.api.DType;
import org.loss4j.api.Tensor;
import org.loss4j.cli.io.ArrayWriter;
import org.loss4j.testkit.cases.LossCases;

/**
 * What a newcomer met from a fresh clone: outputs left behind or overwriting inputs, messages
 * that named the wrong thing or leaked internals, streamed errors in chunk coordinates, the
 * testkit's {@code fn:} cases refused, {@code inspect} failing on one missing loss.
 */
class OutputsAndMessagesTest {
  private static final String LOSS = "cli_test_squared_error";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** What BinaryCrossentropy's shape refusal says it expected. */
  private static final String EQUAL_SHAPES =
      "expected equal shapes ([N] against [N, 1] is aligned, nothing else is broadcast)";

  @TempDir Path dir;

  private Path truth() throws IOException {
    return Files.writeString(dir.resolve("yt.json"), "[[0, 1], [1, 0]]");
  }

  private Path predictions() throws IOException {
    return Files.writeString(dir.resolve("yp.json"), "[[0.25, 0.75], [0.5, 0.5]]");
  }

  private List<String> files() throws IOException {
    try (Stream<Path> all = Files.list(dir)) {
      return all.map(path -> path.getFileName().toString()).sorted()
          .collect(Collectors.toList());
    }
  }

  @Test
  void aFailedOutputLeavesNoOtherOutputBehind() throws IOException {
    Files.writeString(dir.resolve("bad"), "a file, not a directory");
    Path perSample = dir.resolve("ps.csv");

    CliRun run = CliRun.of("eval", "--loss", LOSS, "--y-true", truth().toString(), "--y-pred",
        predictions().toString(), "--per-sample", perSample.toString(), "--gradient",
        dir.resolve("bad/dir/g.npy").toString());

    assertFailedWith(run, "--gradient " + dir.resolve("bad/dir/g.npy") + ": "
        + dir.resolve("bad") + " is a file, not a directory");
    assertEquals(List.of("bad", "yp.json", "yt.json"), files());
  }

  /**
   * The gradient of a rank-3 input has rank 3, which CSV cannot hold; it is refused only once
   * both results are computed, so the per-sample file must be withdrawn too.
   */
  @Test
  void aRank3GradientIsNotFlattenedIntoCsvAndTakesThePerSampleFileWithIt() throws IOException {
    Path yTrue = dir.resolve("t.npy");
    Path yPred = dir.resolve("p.npy");
    ArrayWriter.write(yTrue, Tensor.fromDoubles(new double[8], new int[] {2, 2, 2},
        DType.FLOAT64));
    ArrayWriter.write(yPred, Tensor.fromDoubles(new double[8], new int[] {2, 2, 2},
        DType.FLOAT64));

    CliRun run = CliRun.of("eval", "--loss", LOSS, "--y-true", yTrue.toString(), "--y-pred",
        yPred.toString(), "--per-sample", dir.resolve("ps.json").toString(), "--gradient",
        dir.resolve("g.csv").toString());

    assertFailedWith(run, "g.csv: cannot write an array of shape [2, 2, 2] (rank 3) to CSV");
    assertTrue(run.err.contains("write it to a .npy or .json file"), run.err);
    assertEquals(List.of("p.npy", "t.npy"), files());
  }

  @Test
  void refusesAnOutputThatIsAnInput() throws IOException {
    Path yTrue = truth();
    byte[] before = Files.readAllBytes(yTrue);

    CliRun run = CliRun.of("eval", "--loss", LOSS, "--y-true", yTrue.toString(), "--y-pred",
        predictions().toString(), "--per-sample", dir.resolve(".").resolve("yt.json").toString());

    assertFailedWith(run, "is the input of --y-true, expected a different file");
    assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(yTrue));
  }

  @Test
  void refusesTwoOutputsAtOnePath() throws IOException {
    Path both = dir.resolve("out.json");

    CliRun run = CliRun.of("eval", "--loss", LOSS, "--y-true", truth().toString(), "--y-pred",
        predictions().toString(), "--per-sample", both.toString(), "--gradient",
        both.toString());

    assertFailedWith(run, "--gradient " + both + ": is also the output of --per-sample");
    assertFalse(Files.exists(both));
  }

  @Test
  void refusesBatchResultsOverTheirCasesFile() throws IOException {
    Path cases = Files.writeString(dir.resolve("cases.json"), "[]");

    CliRun run = CliRun.of("eval", "--cases", cases.toString(), "--out", cases.toString());

    assertFailedWith(run, "--out " + cases + ": is the input of --cases");
    assertEquals("[]", Files.readString(cases));
  }

  @Test
  void outputPathsThatAreDirectoriesAreRefusedBeforeAnyWork() throws IOException {
    Path cases = Files.writeString(dir.resolve("cases.json"), "[]");

    CliRun batch = CliRun.of("eval", "--cases", cases.toString(), "--out", dir.toString());
    CliRun demo = CliRun.of("demo", "--chart", dir.toString());

    assertFailedWith(batch, "--out " + dir + ": is a directory, expected the path of a file");
    // Before any training: the demo prints its progress to standard output, which stays empty.
    assertFailedWith(demo, "--chart " + dir + ": is a directory, expected the path of a file");
  }

  @Test
  void theConfigurationLineAppearsOnlyWithTheValue() throws IOException {
    CliRun failed = CliRun.of("eval", "--loss", LOSS, "--y-true", truth().toString(),
        "--y-pred", dir.resolve("missing.json").toString());
    CliRun succeeded = CliRun.of("eval", "--loss", LOSS, "--y-true", truth().toString(),
        "--y-pred", predictions().toString());

    assertFailedWith(failed, "missing.json: no such file");
    assertEquals(0, succeeded.status, succeeded.toString());
    List<String> lines = succeeded.out.lines().collect(Collectors.toList());
    assertEquals(2, lines.size(), succeeded.out);
    assertTrue(lines.get(0).startsWith("# " + LOSS + " {"), succeeded.out);
    // The hand computation of EvalCommandTest: (0.0625 + 0.25) / 2.
    assertEquals("0.15625", lines.get(1));
  }

  @Test
  void configJsonThatIsNotAnObjectSaysSo() throws IOException {
    CliRun array = CliRun.of("eval", "--loss", LOSS, "--config-json", "[1]", "--y-true",
        truth().toString(), "--y-pred", predictions().toString());
    CliRun neither = CliRun.of("eval", "--loss", LOSS, "--config-json", "from_logits", "--y-true",
        truth().toString(), "--y-pred", predictions().toString());

    assertFailedWith(array, "--config-json: got [1], expected a JSON object");
    assertFailedWith(neither, "--config-json from_logits: neither JSON nor an existing file");
  }

  @Test
  void casesFileMessagesNameTheProblemNotTheParser() throws IOException {
    Path object = Files.writeString(dir.resolve("object.json"), "{}");
    Path noTruth = Files.writeString(dir.resolve("no_truth.json"),
        "[{\"id\": \"lonely\", \"loss\": \"" + LOSS + "\", \"y_pred\": [[0.5, 0.5]]}]");

    CliRun objectRun = CliRun.of("eval", "--cases", object.toString());
    CliRun noTruthRun = CliRun.of("eval", "--cases", noTruth.toString());

    assertFailedWith(objectRun, object + ": expected a JSON array of case objects, got a JSON"
        + " object");
    assertFalse(objectRun.err.contains("java.util"), objectRun.err);
    assertFailedWith(noTruthRun, noTruth + ": case 0 (id lonely) has no y_true");
  }

  /** Expected values and tolerances are the cases' own, from keras-unit-tests.json. */
  @Test
  void evaluatesTheTestkitsFunctionalFormCases() throws IOException {
    Path cases = dir.resolve("keras-unit-tests.json");
    try (InputStream in = LossCases.class.getResourceAsStream(
        "/org/loss4j/testkit/cases/keras-unit-tests.json")) {
      Files.copy(in, cases);
    }

    CliRun run = CliRun.of("eval", "--cases", cases.toString());

    assertEquals(0, run.status, run.toString());
    JsonNode results = JSON.readTree(run.out);
    int functional = 0;
    for (JsonNode lossCase : JSON.readTree(cases.toFile())) {
      if (!lossCase.get("loss").asText().startsWith("fn:")) {
        continue;
      }
      functional++;
      JsonNode result = find(results, lossCase.get("id").asText());
      assertFalse(result.has("error"), result.toString());
      JsonNode expected = lossCase.get("expected");
      assertEquals(expected.size(), result.get("value").size(), result.toString());
      for (int i = 0; i < expected.size(); i++) {
        double want = expected.get(i).doubleValue();
        double tolerance = lossCase.get("atol").doubleValue()
            + lossCase.get("rtol").doubleValue() * Math.abs(want);
        assertEquals(want, result.get("value").get(i).doubleValue(), tolerance,
            lossCase.get("id").asText());
      }
    }
    assertEquals(5, functional, "the file's fn: cases");
  }

  @Test
  void anUnknownFunctionalNameSuggestsOtherNames() throws IOException {
    Path cases = Files.writeString(dir.resolve("cases.json"), "[{\"id\": \"typo\", \"loss\":"
        + " \"fn:cli_test_squared_eror\", \"y_true\": [[0, 1]], \"y_pred\": [[0.5, 0.5]]}]");

    CliRun run = CliRun.of("eval", "--cases", cases.toString());
    CliRun single = CliRun.of("eval", "--loss", "fn:" + LOSS, "--y-true", truth().toString(),
        "--y-pred", predictions().toString());

    assertEquals(0, run.status, run.toString());
    String message = find(JSON.readTree(run.out), "typo").get("error").get("message").asText();
    assertTrue(message.startsWith("unknown loss cli_test_squared_eror, expected an installed"
        + " loss such as " + LOSS), message);
    assertEquals(message.indexOf("eror"), message.lastIndexOf("eror"),
        "the refused name is not suggested: " + message);
    assertFailedWith(single, "--loss fn:" + LOSS + ": the fn: form belongs to --cases files");
  }

  /**
   * 13 samples in chunks of 4: sample 10 lies in the third chunk (rows 8..11) at position 2, and
   * the loss sees chunks of 4 rows, so its own message reads {@code y_true[2]} and {@code [4, 2]};
   * the streamed message keeps it and says where the chunk lies.
   */
  @Test
  void streamedErrorsKeepTheLossMessageAndNameTheChunk() throws IOException {
    double[] labels = {0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 7, 3, 0};
    Path yTrue = dir.resolve("labels.npy");
    Path yPred = dir.resolve("p.npy");
    Path twoColumns = dir.resolve("two.npy");
    ArrayWriter.write(yTrue, Tensor.fromDoubles(labels, new int[] {13}, DType.INT32));
    ArrayWriter.write(yPred, Tensor.fromDoubles(new double[52], new int[] {13, 4},
        DType.FLOAT32));
    ArrayWriter.write(twoColumns, Tensor.fromDoubles(new double[26], new int[] {13, 2},
        DType.FLOAT32));

    String[] badLabel = {"eval", "--loss", "sparse_categorical_crossentropy", "--config",
        "from_logits=true", "--y-true", yTrue.toString(), "--y-pred", yPred.toString()};
    String[] badShape = {"eval", "--loss", "binary_crossentropy", "--y-true",
        twoColumns.toString(), "--y-pred", yPred.toString()};
    CliRun labelInMemory = CliRun.of(badLabel);
    CliRun labelStreamed = CliRun.of(concat(badLabel, "--chunk-rows", "4"));
    CliRun shapeInMemory = CliRun.of(badShape);
    CliRun shapeStreamed = CliRun.of(concat(badShape, "--chunk-rows", "4"));

    assertFailedExactly(labelInMemory,
        "SparseCategoricalCrossentropy: y_true[10] = 7, expected a class in 0..3");
    assertFailedExactly(labelStreamed, "SparseCategoricalCrossentropy: y_true[2] = 7, expected a"
        + " class in 0..3, in the chunk of rows 8..11 of 13, which the loss checked on its own"
        + " (its row 0 is row 8)");
    assertFailedExactly(shapeInMemory, "BinaryCrossentropy: y_true shape [13, 2] does not match"
        + " y_pred shape [13, 4], " + EQUAL_SHAPES);
    assertFailedExactly(shapeStreamed, "BinaryCrossentropy: y_true shape [4, 2] does not match"
        + " y_pred shape [4, 4], " + EQUAL_SHAPES + ", in the chunk of rows 0..3 of 13, which the"
        + " loss checked on its own (its row 0 is row 0)");
  }

  /**
   * A weight held in memory whose first dimension equals the chunk's rows (4) but not the
   * samples' (13) is given whole to every chunk: its shape in the message is its own.
   */
  @Test
  void streamedWeightErrorKeepsTheWeightShape() throws IOException {
    Path yTrue = dir.resolve("t.npy");
    Path yPred = dir.resolve("p.npy");
    Path weights = dir.resolve("w.csv");
    ArrayWriter.write(yTrue, Tensor.fromDoubles(new double[52], new int[] {13, 4},
        DType.FLOAT32));
    double[] half = new double[52];
    Arrays.fill(half, 0.5);
    ArrayWriter.write(yPred, Tensor.fromDoubles(half, new int[] {13, 4}, DType.FLOAT32));
    Files.writeString(weights, "1,1,1\n1,1,1\n1,1,1\n1,1,1\n");

    CliRun run = CliRun.of("eval", "--loss", "binary_crossentropy", "--y-true", yTrue.toString(),
        "--y-pred", yPred.toString(), "--sample-weight", weights.toString(), "--chunk-rows", "4");

    assertFailedExactly(run, "BinaryCrossentropy: sample_weight shape [4, 3] cannot broadcast to"
        + " loss shape [4]; expected a scalar, [4] or [4, 1] or [4] per element, in the chunk of"
        + " rows 0..3 of 13, which the loss checked on its own (its row 0 is row 0)");
  }

  @Test
  void streamedSampleCountMismatchNamesTheLossClass() throws IOException {
    Path yTrue = dir.resolve("t.npy");
    Path yPred = dir.resolve("p.npy");
    ArrayWriter.write(yTrue, Tensor.fromDoubles(new double[6], new int[] {3, 2}, DType.FLOAT32));
    ArrayWriter.write(yPred, Tensor.fromDoubles(new double[8], new int[] {4, 2}, DType.FLOAT32));

    CliRun run = CliRun.of("eval", "--loss", "binary_crossentropy", "--y-true", yTrue.toString(),
        "--y-pred", yPred.toString(), "--chunk-rows", "2");

    assertFailedWith(run, "loss4j: BinaryCrossentropy: y_true shape [3, 2] does not match y_pred"
        + " shape [4, 2]");
  }

  /** The model's second output uses "mse", a loss loss4j does not install. */
  @Test
  void inspectShowsTheReadableOutputsAndMarksTheOthers() throws IOException {
    Path model = dir.resolve("two.keras");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(model))) {
      zip.putNextEntry(new ZipEntry("config.json"));
      zip.write(("{\"config\": {\"output_layers\": [[\"label\", 0, 0], [\"size\", 0, 0]]},"
          + " \"compile_config\": {\"loss\": [\"binary_crossentropy\", \"mse\"],"
          + " \"loss_weights\": [1.0, 0.5]}}").getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }

    CliRun run = CliRun.of("inspect", model.toString());

    assertEquals(0, run.status, run.toString());
    assertTrue(run.out.contains("2 compiled losses, 1 unavailable"), run.out);
    assertTrue(run.out.contains("output 0: label\n  loss:   binary_crossentropy"), run.out);
    assertTrue(run.out.contains("output 1: size\n  unavailable: "), run.out);
    assertTrue(run.out.contains("mse"), run.out);
    assertTrue(run.out.contains("  weight: 0.5"), run.out);
  }

  @Test
  void checkAndListHelpSayHowToAddAJar() {
    for (String command : new String[] {"check", "list"}) {
      CliRun run = CliRun.of(command, "--help");

      assertEquals(0, run.status, run.toString());
      assertTrue(run.out.contains("java -cp loss4j.jar:their-losses.jar org.loss4j.cli.Main "
          + command), run.out);
    }
  }

  /** Asserts a failure whose one line of standard error is exactly {@code loss4j: message}. */
  private static void assertFailedExactly(CliRun run, String message) {
    assertFailedWith(run, message);
    assertEquals("loss4j: " + message, run.err.strip());
  }

  private static JsonNode find(JsonNode results, String id) {
    for (JsonNode result : results) {
      if (result.get("id").asText().equals(id)) {
        return result;
      }
    }
    throw new AssertionError("no result for " + id + " in " + results);
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
