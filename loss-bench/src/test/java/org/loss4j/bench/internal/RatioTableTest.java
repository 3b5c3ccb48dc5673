package org.loss4j.bench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks that the README table reads JMH's CSV medians and divides by the fastest peer. */
class RatioTableTest {
  private static final String HEADER =
      "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\"";

  @TempDir Path run;

  @Test
  void dividesTheFastestPeersMedianByLoss4js() throws IOException {
    Files.write(run.resolve("loss4j-t2.csv"), List.of(HEADER,
        row("Loss4jBenchmark.w1Forward", 999.0),
        row("Loss4jBenchmark.w1Forward:p0.50", 100.0)));
    Files.write(run.resolve("loss4j-scalar-t2.csv"), List.of(HEADER,
        row("Loss4jBenchmark.w1Forward:p0.50", 600.0)));
    Files.write(run.resolve("peers-t2.csv"), List.of(HEADER,
        row("peers.TfPeerBenchmark.w1Forward:p0.50", 300.0),
        row("peers.DjlPeerBenchmark.w1Forward:p0.50", 2500.0),
        row("peers.Nd4jPeerBenchmark.w1Forward:p0.90", 1.0)));

    Map<String, Double> medians = RatioTable.read(run);
    String table = RatioTable.render(List.of(medians));

    // 300 µs (TF, the fastest peer: DJL took 2500 µs, ND4J gave no median) / 100 µs = 3.0×;
    // the W1 forward target is 3×; the scalar-path run gives 300 / 600 = 0.50×. The
    // mean (999) and the p0.90 row are ignored.
    assertTrue(table.contains("| W1 | forward | 100 µs | 600 µs | – | 300 µs | – | 2.50 ms"
            + " | TF Java | 3.0× | 3.0× | 0.50× |"),
        table);
  }

  @Test
  void readsTheThreadCountFromTheFileNameAndCtcAsW7() throws IOException {
    Files.write(run.resolve("ctc-t1.csv"), List.of(HEADER,
        row("CtcBenchmark.forwardAndGradient:p0.50", 1500.0)));

    Map<String, Double> medians = RatioTable.read(run);

    assertEquals(Map.of("1|W7|gradient|loss4j", 1500.0), medians);
  }

  @Test
  void dividesTheCallerBufferCallByTheForwardCallOfTheSameRun() throws IOException {
    Files.write(run.resolve("loss4j-t1.csv"), List.of(HEADER,
        row("Loss4jBenchmark.w2Forward:p0.50", 500.0)));
    Files.write(run.resolve("loss4j-t2.csv"), List.of(HEADER,
        row("Loss4jBenchmark.w2Forward:p0.50", 400.0),
        row("Loss4jBenchmark.w2ForwardAndGradient:p0.50", 700.0),
        row("Loss4jBenchmark.w2GradientIntoBuffer:p0.50", 480.0)));

    String table = RatioTable.render(List.of(RatioTable.read(run)));

    // 700 / 400 = 1.75 (shown 1.8×) allocating the gradient; 480 / 400 = 1.2× into the
    // buffer; 2-thread speed-up 500 / 400 = 1.25 (1.3×); no +gradient at 1 thread; no peers.
    assertTrue(table.contains("| W2 | 1.8× | 1.2× | 1.3× | – | – | – |"), table);
  }

  @Test
  void refusesAMissingOrEmptyRunDirectoryWithASentence() throws IOException {
    Path empty = Files.createDirectory(run.resolve("empty"));
    String missing = run.resolve("missing").toString();

    IllegalArgumentException notThere =
        assertThrows(IllegalArgumentException.class, () -> RatioTable.readRuns(missing));
    IllegalArgumentException nothingIn = assertThrows(
        IllegalArgumentException.class, () -> RatioTable.readRuns(empty.toString()));

    assertEquals("RatioTable: " + missing + " is not a directory, expected a run directory of"
        + " bench.sh", notThere.getMessage());
    assertEquals("RatioTable: " + empty + " holds no JMH median, expected CSV files named"
        + " <engine>-t<threads>.csv from bench.sh", nothingIn.getMessage());
  }

  private static String row(String benchmark, double microseconds) {
    return "\"org.loss4j.bench." + benchmark + "\",\"sample\",1,1," + microseconds
        + ",NaN,\"us/op\"";
  }
}
