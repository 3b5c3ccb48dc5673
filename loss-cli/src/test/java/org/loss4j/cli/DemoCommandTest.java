package org.loss4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the demo on the bundled datasets. */
class DemoCommandTest {
  /** The bar for the softmax regression on the digits. */
  private static final double REQUIRED_ACCURACY = 90.0;
  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  @TempDir Path dir;

  @Test
  void trainsEveryModelPrintsEveryLossAndWritesTheChartTheSameWayTwice() throws IOException {
    Path chart = dir.resolve("curves.png");

    CliRun first = CliRun.of("demo", "--chart", chart.toString());
    CliRun second = CliRun.of("demo", "--chart", chart.toString());

    assertEquals(0, first.status, first.toString());
    Matcher accuracy = Pattern.compile("digits test accuracy ([0-9.]+)%").matcher(first.out);
    assertTrue(accuracy.find(), first.out);
    assertTrue(Double.parseDouble(accuracy.group(1)) > REQUIRED_ACCURACY, first.out);
    for (String expected : new String[] {"epoch 20/20", "binary_focal_crossentropy from logits",
        "Poisson regression", "CategoricalFocalCrossentropy", "synthetic sequences"}) {
      assertTrue(first.out.contains(expected), expected + " in " + first.out);
    }
    assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(Files.readAllBytes(chart), 8));
    assertEquals(withoutTiming(first.out), withoutTiming(second.out), "deterministic");
  }

  private static String withoutTiming(String out) {
    return out.lines().filter(line -> !line.startsWith("Demo finished in"))
        .collect(Collectors.joining("\n"));
  }
}
