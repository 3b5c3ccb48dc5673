package org.loss4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Streams the installed losses of loss-core through {@code eval --chunk-rows} and compares value
 * and gradient with the in-memory run of the same command, which are the loss's own
 * {@code compute} and {@code gradient}: they must agree exactly.
 */
class RealLossStreamingTest {
  private static final int ROWS = 517;
  private static final int CLASSES = 5;

  @TempDir Path dir;

  private void assertStreamedEqualsInMemory(String... lossArgs) throws IOException {
    String[] common = {"--y-true", dir.resolve("t.npy").toString(), "--y-pred",
        dir.resolve("p.npy").toString(), "--sample-weight", dir.resolve("w.npy").toString()};
    String[] memory = concat(concat(new String[] {"eval"}, lossArgs), common);
    Path memoryGradient = dir.resolve("g_memory.npy");
    Path streamGradient = dir.resolve("g_stream.npy");

    CliRun inMemory = CliRun.of(concat(memory, "--gradient", memoryGradient.toString()));
    CliRun streamed = CliRun.of(concat(memory, "--gradient", streamGradient.toString(),
        "--chunk-rows", "50"));

    assertEquals(0, inMemory.status, inMemory.toString());
    assertEquals(0, streamed.status, streamed.toString());
    assertEquals(inMemory.lastLine(), streamed.lastLine());
    assertArrayEquals(Files.readAllBytes(memoryGradient), Files.readAllBytes(streamGradient));
  }

  private static String[] concat(String[] first, String... second) {
    String[] all = java.util.Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return all;
  }

  private void writeInputs(double[] yTrue, int... trueShape) throws IOException {
    SplittableRandom random = new SplittableRandom(11);
    double[] probabilities = new double[ROWS * CLASSES];
    for (int i = 0; i < ROWS; i++) {
      double sum = 0;
      for (int k = 0; k < CLASSES; k++) {
        probabilities[i * CLASSES + k] = 0.05 + random.nextDouble();
        sum += probabilities[i * CLASSES + k];
      }
      for (int k = 0; k < CLASSES; k++) {
        probabilities[i * CLASSES + k] /= sum;
      }
    }
    ArrayWriter.write(dir.resolve("p.npy"), Tensor.fromDoubles(probabilities,
        new int[] {ROWS, CLASSES}, DType.FLOAT32));
    ArrayWriter.write(dir.resolve("t.npy"), Tensor.fromDoubles(yTrue, trueShape,
        trueShape.length == 1 ? DType.INT32 : DType.FLOAT64));
    ArrayWriter.write(dir.resolve("w.npy"), Tensor.of(random.doubles(ROWS).toArray()));
  }

  @Test
  void categoricalCrossentropyWithWeights() throws IOException {
    SplittableRandom random = new SplittableRandom(3);
    double[] oneHot = new double[ROWS * CLASSES];
    for (int i = 0; i < ROWS; i++) {
      oneHot[i * CLASSES + random.nextInt(CLASSES)] = 1;
    }
    writeInputs(oneHot, ROWS, CLASSES);

    assertStreamedEqualsInMemory("--loss", "categorical_crossentropy", "--config",
        "label_smoothing=0.1");
  }

  @Test
  void sparseCategoricalCrossentropyWithIgnoreClassAndMeanWithSampleWeight()
      throws IOException {
    SplittableRandom random = new SplittableRandom(5);
    double[] labels = new double[ROWS];
    for (int i = 0; i < ROWS; i++) {
      labels[i] = random.nextInt(CLASSES);
    }
    writeInputs(labels, ROWS);

    assertStreamedEqualsInMemory("--loss", "scce", "--config", "ignore_class=2", "--config",
        "reduction=mean_with_sample_weight");
  }
}
