package org.loss4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.loss4j.cli.CliRun.resource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loss4j.api.DType;
import org.loss4j.api.Tensor;
import org.loss4j.cli.io.ArrayWriter;

/**
 * Streamed {@code eval} beyond the float32 cases of {@link RealLossStreamingTest}: in float64,
 * where a sum that depended on the chunking would show in the last bits, with weights held in
 * memory (CSV) and sliced per chunk; and a loss that cannot be reduced in chunks.
 */
class StreamedEvalTest {
  private static final int ROWS = 301;
  private static final int CLASSES = 4;

  @TempDir Path dir;

  @Test
  void float64StreamWithIgnoreClassAndInMemoryWeightsEqualsTheInMemoryRunBitForBit()
      throws IOException {
    SplittableRandom random = new SplittableRandom(13);
    double[] labels = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      labels[i] = random.nextInt(CLASSES);
    }
    double[] logits = random.doubles(ROWS * CLASSES, -4, 4).toArray();
    Path yTrue = dir.resolve("t.npy");
    Path yPred = dir.resolve("p.npy");
    Path weights = dir.resolve("w.csv");
    ArrayWriter.write(yTrue, Tensor.fromDoubles(labels, new int[] {ROWS}, DType.INT32));
    ArrayWriter.write(yPred, Tensor.of(logits, ROWS, CLASSES));
    ArrayWriter.write(weights, Tensor.of(random.doubles(ROWS, 0, 2).toArray(), ROWS, 1));
    String[] common = {"eval", "--loss", "sparse_categorical_crossentropy", "--config",
        "from_logits=true", "--config", "ignore_class=1", "--config", "dtype=float64",
        "--config", "reduction=mean_with_sample_weight", "--y-true", yTrue.toString(),
        "--y-pred", yPred.toString(), "--sample-weight", weights.toString(), "--gradient"};
    Path memoryGradient = dir.resolve("g_memory.npy");
    Path streamGradient = dir.resolve("g_stream.npy");

    CliRun inMemory = CliRun.of(concat(common, memoryGradient.toString()));
    CliRun streamed = CliRun.of(concat(common, streamGradient.toString(), "--chunk-rows", "7"));

    assertEquals(0, inMemory.status, inMemory.toString());
    assertEquals(0, streamed.status, streamed.toString());
    assertEquals(inMemory.lastLine(), streamed.lastLine());
    assertArrayEquals(Files.readAllBytes(memoryGradient), Files.readAllBytes(streamGradient));
  }

  @Test
  void refusesToStreamALossWithoutReductionSumsAndWritesNothing() throws IOException {
    Path perSample = dir.resolve("s.npy");

    CliRun run = CliRun.of("eval", "--loss", "cli_test_plain", "--y-true",
        resource("npy/y_true_i8_le.npy"), "--y-pred", resource("npy/y_pred_f4_le.npy"),
        "--per-sample", perSample.toString(), "--chunk-rows", "1");

    assertEquals(Main.FAILURE, run.status, run.toString());
    assertEquals("loss4j: org.loss4j.cli.testing.PlainLossProvider$PlainLoss does not implement"
        + " reductionSums, so it cannot be reduced in chunks; extend org.loss4j.api.AbstractLoss"
        + " to get it; drop --chunk-rows to evaluate it in memory", run.err.strip());
    assertFalse(Files.exists(perSample));
  }

  @Test
  void evaluatesALossWithoutReductionSumsInMemory() {
    CliRun run = CliRun.of("eval", "--loss", "cli_test_plain", "--y-true",
        resource("npy/y_true_i8_le.npy"), "--y-pred", resource("npy/y_pred_f4_le.npy"));

    // the squared error's mean of EvalCommandTest's hand computation
    assertEquals(0, run.status, run.toString());
    assertEquals("0.15625", run.lastLine());
    assertTrue(run.err.isEmpty(), run.err);
  }

  private static String[] concat(String[] first, String... second) {
    String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }
}
