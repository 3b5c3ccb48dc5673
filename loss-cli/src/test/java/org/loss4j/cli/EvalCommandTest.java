package org.loss4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loss4j.cli.CliRun.resource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.loss4j.api.Tensor;
import org.loss4j.cli.io.ArrayFiles;

/**
 * Runs {@code eval} in-process on the test loss {@code cli_test_squared_error}
 * ({@code mean((y_pred - y_true)^2)} over the last axis).
 *
 * <p>Hand computation used throughout, for {@code y_true = [[0, 1], [1, 0]]} and
 * {@code y_pred = [[0.25, 0.75], [0.5, 0.5]]} (every number exact in binary): per-sample losses
 * {@code ((0.25)^2 + (0.25)^2) / 2 = 0.0625} and {@code ((0.5)^2 + (0.5)^2) / 2 = 0.25}; their
 * mean (sum_over_batch_size) {@code 0.15625}; their sum {@code 0.3125}; with weights
 * {@code [1, 2]}: {@code (0.0625 + 0.5) / 2 = 0.28125}. The gradient of the mean with respect to
 * {@code y_pred} is {@code 2 (y_pred - y_true) / (2 classes * 2 samples)}:
 * {@code [[0.125, -0.125], [-0.25, 0.25]]}.
 */
class EvalCommandTest {
  private static final String LOSS = "cli_test_squared_error";

  @TempDir Path dir;

  static Stream<Arguments> npyPairs() {
    return Stream.of(
        Arguments.of("npy/y_true_i8_le.npy", "npy/y_pred_f4_le.npy"),
        Arguments.of("npy/y_true_i4_be_v2.npy", "npy/y_pred_f8_be_fortran.npy"),
        Arguments.of("npy/y_true_f8_le_v3.npy", "npy/y_pred_f4_le.npy"),
        Arguments.of("npy/y_true_i8_le.npy", "npy/y_pred_f8_be_fortran.npy"));
  }

  @ParameterizedTest
  @MethodSource("npyPairs")
  void evaluatesNpyFilesOfEveryDtypeOrderAndVersion(String yTrue, String yPred) {
    CliRun run = CliRun.of("eval", "--loss", LOSS, "--y-true", resource(yTrue), "--y-pred",
        resource(yPred));

    assertEquals(0, run.status, run.toString());
    assertEquals("0.15625", run.lastLine());
  }

  @Test
  void appliesSampleWeightFromABigEndianNpyFile() {
    CliRun run = CliRun.of("eval", "--loss", LOSS, "--y-true", resource("npy/y_true_i8_le.npy"),
        "--y-pred", resource("npy/y_pred_f4_le.npy"), "--sample-weight",
        resource("npy/weights_f4_be.npy"));

    assertEquals(0, run.status, run.toString());
    assertEquals("0.28125", run.lastLine());
  }

  @Test
  void readsCsvWithAHeaderAndJsonWithNestedArrays() throws IOException {
    Path yTrue = Files.writeString(dir.resolve("y_true.csv"), "a,b\n0,1\n1,0\n");
    Path yPred = Files.writeString(dir.resolve("y_pred.json"), "[[0.25, 0.75], [0.5, 0.5]]");
    Path weights = Files.writeString(dir.resolve("w.json"), "[1, 2]");

    CliRun run = CliRun.of("eval", "--loss", LOSS, "--y-true", yTrue.toString(), "--y-pred",
        yPred.toString(), "--sample-weight", weights.toString());

    assertEquals(0, run.status, run.toString());
    assertEquals("0.28125", run.lastLine());
  }

  @Test
  void takesKerasNamedParametersFromConfigOptions() {
    CliRun run = CliRun.of("eval", "--loss", "cli_sq", "--config", "scale=2", "--config",
        "reduction=sum", "--y-true", resource("npy/y_true_i8_le.npy"), "--y-pred",
        resource("npy/y_pred_f4_le.npy"));

    assertEquals(0, run.status, run.toString());
    assertEquals("0.625", run.lastLine(), "2 * (0.0625 + 0.25)");
  }

  @Test
  void takesParametersFromConfigJson() {
    CliRun run = CliRun.of("eval", "--loss", LOSS, "--config-json",
        "{\"scale\": 2, \"dtype\": \"float64\"}", "--y-true", resource("npy/y_true_i8_le.npy"),
        "--y-pred", resource("npy/y_pred_f4_le.npy"));

    assertEquals(0, run.status, run.toString());
    assertEquals("0.3125", run.lastLine(), "2 * 0.15625");
  }

  @Test
  void printsPerSampleValuesAsJsonForReductionNone() {
    CliRun run = CliRun.of("eval", "--loss", LOSS, "--config", "reduction=none", "--y-true",
        resource("npy/y_true_i8_le.npy"), "--y-pred", resource("npy/y_pred_f4_le.npy"));

    assertEquals(0, run.status, run.toString());
    assertEquals("[0.0625,0.25]", run.lastLine());
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"npy", "csv", "json"})
  void writesPerSampleLossesAndGradientInTheFormatOfTheExtension(String extension)
      throws IOException {
    Path perSample = dir.resolve("per_sample." + extension);
    Path gradient = dir.resolve("gradient." + extension);

    CliRun run = CliRun.of("eval", "--loss", LOSS, "--y-true", resource("npy/y_true_i8_le.npy"),
        "--y-pred", resource("npy/y_pred_f4_le.npy"), "--per-sample", perSample.toString(),
        "--gradient", gradient.toString());

    assertEquals(0, run.status, run.toString());
    assertArrayEquals(new double[] {0.0625, 0.25},
        ArrayFiles.read(perSample).toDoubleArray(), 0.0);
    assertArrayEquals(new double[] {0.125, -0.125, -0.25, 0.25},
        ArrayFiles.read(gradient).toDoubleArray(), 0.0);
  }

  @Test
  void streamsNpyInChunksWithTheInMemoryValueAndGradient() throws IOException {
    Path yTrue = dir.resolve("t.npy");
    Path yPred = dir.resolve("p.npy");
    Path weights = dir.resolve("w.npy");
    int rows = 1001;
    int classes = 7;
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    double[] t = random.doubles(rows * classes).toArray();
    double[] p = random.doubles(rows * classes).toArray();
    double[] w = random.doubles(rows).toArray();
    org.loss4j.cli.io.ArrayWriter.write(yTrue, Tensor.of(t, rows, classes));
    org.loss4j.cli.io.ArrayWriter.write(yPred, Tensor.fromDoubles(p, new int[] {rows, classes},
        org.loss4j.api.DType.FLOAT32));
    org.loss4j.cli.io.ArrayWriter.write(weights, Tensor.of(w, rows, 1));
    for (String reduction : new String[] {"sum_over_batch_size", "sum",
        "mean_with_sample_weight"}) {
      Path memoryGradient = dir.resolve("g_memory_" + reduction + ".npy");
      Path streamGradient = dir.resolve("g_stream_" + reduction + ".npy");
      Path streamPerSample = dir.resolve("s_stream_" + reduction + ".csv");

      CliRun inMemory = CliRun.of("eval", "--loss", LOSS, "--config", "reduction=" + reduction,
          "--y-true", yTrue.toString(), "--y-pred", yPred.toString(), "--sample-weight",
          weights.toString(), "--gradient", memoryGradient.toString());
      CliRun streamed = CliRun.of("eval", "--loss", LOSS, "--config", "reduction=" + reduction,
          "--y-true", yTrue.toString(), "--y-pred", yPred.toString(), "--sample-weight",
          weights.toString(), "--gradient", streamGradient.toString(), "--per-sample",
          streamPerSample.toString(), "--chunk-rows", "64");

      assertEquals(0, streamed.status, streamed.toString());
      assertEquals(inMemory.lastLine(), streamed.lastLine(), reduction);
      assertArrayEquals(Files.readAllBytes(memoryGradient), Files.readAllBytes(streamGradient),
          reduction);
      assertEquals(rows, ArrayFiles.read(streamPerSample).dim(0));
    }
  }

  @Test
  void takesConfigJsonFromAFile() throws IOException {
    Path config = Files.writeString(dir.resolve("config.json"), "{\"reduction\": \"sum\"}");

    CliRun run = CliRun.of("eval", "--loss", LOSS, "--config-json", config.toString(),
        "--y-true", resource("npy/y_true_i8_le.npy"), "--y-pred",
        resource("npy/y_pred_f4_le.npy"));

    assertEquals(0, run.status, run.toString());
    assertEquals("0.3125", run.lastLine(), "0.0625 + 0.25");
  }

  @Test
  void propagatesNanFromJsonInputsAndPrintsIt() throws IOException {
    Path yTrue = Files.writeString(dir.resolve("t.json"), "[[0, 1], [1, 0]]");
    Path yPred = Files.writeString(dir.resolve("p.json"), "[[0.25, \"NaN\"], [0.5, 0.5]]");

    CliRun run = CliRun.of("eval", "--loss", LOSS, "--y-true", yTrue.toString(), "--y-pred",
        yPred.toString());

    assertEquals(0, run.status, run.toString());
    assertEquals("NaN", run.lastLine());
  }

  @Test
  void refusesAnUnknownFileType() throws IOException {
    Path text = Files.writeString(dir.resolve("y_true.txt"), "0 1\n");

    CliRun run = CliRun.of("eval", "--loss", LOSS, "--y-true", text.toString(), "--y-pred",
        resource("npy/y_pred_f4_le.npy"));

    assertFailedWith(run, "y_true.txt: unknown file type, expected a .npy, .csv or .json file");
  }

  @Test
  void refusesMalformedConfigJson() {
    CliRun run = CliRun.of("eval", "--loss", LOSS, "--config-json", "{\"scale\": ", "--y-true",
        resource("npy/y_true_i8_le.npy"), "--y-pred", resource("npy/y_pred_f4_le.npy"));

    assertFailedWith(run, "--config-json: malformed JSON");
  }

  @Test
  void refusesAMissingFileInOneLine() {
    CliRun run = CliRun.of("eval", "--loss", LOSS, "--y-true", dir.resolve("nope.npy").toString(),
        "--y-pred", resource("npy/y_pred_f4_le.npy"));

    assertFailedWith(run, "nope.npy: no such file");
  }

  @Test
  void refusesAMalformedNpyHeader() {
    CliRun run = CliRun.of("eval", "--loss", LOSS, "--y-true", resource("npy/bad_header.npy"),
        "--y-pred", resource("npy/y_pred_f4_le.npy"));

    assertFailedWith(run, "malformed .npy header: no 'shape' key");
  }

  @Test
  void refusesACsvWithRaggedRows() throws IOException {
    Path ragged = Files.writeString(dir.resolve("ragged.csv"), "0,1\n1\n");

    CliRun run = CliRun.of("eval", "--loss", LOSS, "--y-true", ragged.toString(), "--y-pred",
        resource("npy/y_pred_f4_le.npy"));

    assertFailedWith(run, "ragged rows: line 2 has 1 values, expected 2");
  }

  @Test
  void refusesAnUnknownLossNamingTheClosestNames() {
    CliRun run = CliRun.of("eval", "--loss", "cli_test_squared_eror", "--y-true",
        resource("npy/y_true_i8_le.npy"), "--y-pred", resource("npy/y_pred_f4_le.npy"));

    assertFailedWith(run,
        "unknown loss cli_test_squared_eror, expected an installed loss such as ");
    assertTrue(run.err.contains(LOSS), run.err);
  }

  @Test
  void refusesAParameterTheLossDoesNotHave() {
    CliRun run = CliRun.of("eval", "--loss", LOSS, "--config", "gama=2", "--y-true",
        resource("npy/y_true_i8_le.npy"), "--y-pred", resource("npy/y_pred_f4_le.npy"));

    assertFailedWith(run, "CliTestSquaredError: unknown parameter gama");
  }

  @Test
  void refusesAParameterValueTheLossRejects() {
    CliRun run = CliRun.of("eval", "--loss", LOSS, "--config", "scale=-0.5", "--y-true",
        resource("npy/y_true_i8_le.npy"), "--y-pred", resource("npy/y_pred_f4_le.npy"));

    assertFailedWith(run, "CliTestSquaredError: scale must be >= 0, got -0.5");
  }

  @Test
  void refusesAnIllTypedParameter() {
    CliRun run = CliRun.of("eval", "--loss", LOSS, "--config", "scale=big", "--y-true",
        resource("npy/y_true_i8_le.npy"), "--y-pred", resource("npy/y_pred_f4_le.npy"));

    assertFailedWith(run, "CliTestSquaredError: scale: expected a number, got \"big\"");
  }

  @Test
  void showsTheStackTraceOnlyWithVerbose() {
    CliRun run = CliRun.of("eval", "--verbose", "--loss", "no_such_loss", "--y-true",
        resource("npy/y_true_i8_le.npy"), "--y-pred", resource("npy/y_pred_f4_le.npy"));

    assertEquals(Main.FAILURE, run.status);
    assertTrue(run.err.contains("\tat org.loss4j"), run.err);
  }

  @Test
  void leavesNoOutputFileWhenTheLossRefusesTheInputs() throws IOException {
    Path yTrue = Files.writeString(dir.resolve("y_true.csv"), "0,1,0\n1,0,0\n");
    Path perSample = dir.resolve("per_sample.npy");

    CliRun run = CliRun.of("eval", "--loss", LOSS, "--y-true", yTrue.toString(), "--y-pred",
        resource("npy/y_pred_f4_le.npy"), "--per-sample", perSample.toString());

    assertFailedWith(run, "CliTestSquaredError: y_true shape [2, 3] must equal y_pred shape");
    assertFalse(Files.exists(perSample));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count(), "only y_true.csv, no temporary file");
    }
  }

  @Test
  void leavesNoOutputFilesWhenALaterStreamedChunkFails() throws IOException {
    long[] labels = new long[40];
    labels[39] = 1L << 40;
    Path yTrue = writeInt64(dir.resolve("t.npy"), labels, 20, 2);
    Path yPred = dir.resolve("p.npy");
    org.loss4j.cli.io.ArrayWriter.write(yPred, Tensor.of(new double[40], 20, 2));
    Path perSample = dir.resolve("s.csv");
    Path gradient = dir.resolve("g.npy");

    CliRun run = CliRun.of("eval", "--loss", LOSS, "--y-true", yTrue.toString(), "--y-pred",
        yPred.toString(), "--per-sample", perSample.toString(), "--gradient",
        gradient.toString(), "--chunk-rows", "3");

    assertFailedWith(run, "int64 value 1099511627776 does not fit the int32 labels");
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(2, files.count(), "only the inputs, no output or temporary file");
    }
  }

  /** Writes a little-endian int64 .npy file, version 1.0, as numpy.save lays it out. */
  private static Path writeInt64(Path path, long[] values, int rows, int columns)
      throws IOException {
    String dict = "{'descr': '<i8', 'fortran_order': False, 'shape': (" + rows + ", " + columns
        + "), }";
    StringBuilder header = new StringBuilder(dict);
    while ((10 + header.length() + 1) % 64 != 0) {
      header.append(' ');
    }
    header.append('\n');
    java.nio.ByteBuffer bytes = java.nio.ByteBuffer
        .allocate(10 + header.length() + 8 * values.length)
        .order(java.nio.ByteOrder.LITTLE_ENDIAN);
    bytes.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    bytes.putShort((short) header.length());
    bytes.put(header.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    for (long value : values) {
      bytes.putLong(value);
    }
    return Files.write(path, bytes.array());
  }

  private static void assertFailedWith(CliRun run, String message) {
    assertEquals(Main.FAILURE, run.status, run.toString());
    assertTrue(run.err.startsWith("loss4j: "), run.err);
    assertTrue(run.err.contains(message), run.err);
    assertEquals(1, run.err.lines().count(), "one line, no stack trace: " + run.err);
  }
}
