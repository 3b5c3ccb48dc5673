package org.loss4j.bench.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the CSV files of JMH runs ({@code -bm sample -rf csv}) into the Markdown table of
 * README.md: the median time per call of loss4j, the scalar baseline and each peer, and the
 * speed-up of loss4j over the fastest peer next to the target.
 *
 * <p>Usage: {@code RatioTable RUN_DIR [RUN_DIR]}. Each run directory holds files named
 * {@code <anything>-t<threads>.csv}, the thread count being the compute threads of that run.
 * With two run directories every cell shows {@code run1 / run2}.
 */
public final class RatioTable {
  private static final Pattern FILE = Pattern.compile(".*-t(\\d+)\\.csv");
  private static final Pattern ROW = Pattern.compile(
      "\"org\\.loss4j\\.bench\\.(?:peers\\.)?(\\w+)\\.(\\w+):p0\\.50\",\"sample\",\\d+,\\d+,"
          + "([0-9.]+),[^,]*,\"us/op\"");
  private static final Pattern METHOD =
      Pattern.compile("w(\\d)(Forward|ForwardAndGradient|GradientIntoBuffer)");

  /** loss4j as run by default (the vector path), then without the vector module. */
  private static final String LOSS4J = "loss4j";
  private static final String LOSS4J_SCALAR = "loss4j scalar path";
  private static final String SCALAR_RUN_PREFIX = "loss4j-scalar";
  private static final List<String> ENGINES =
      List.of(LOSS4J, LOSS4J_SCALAR, "scalar", "TF Java", "ND4J", "DJL");
  private static final List<String> PEERS = List.of("TF Java", "ND4J", "DJL");

  /** The targets at 2 threads: speed-up over the best peer, forward then +gradient. */
  private static final double[][] TARGETS = {
    {3, 2.5, 2, 6, 4, 3, 2, 10},
    {4, 4, 5, 8, 8, 4, 3, 15},
  };

  private RatioTable() {}

  /**
   * Prints the table of the given run directories to standard output.
   *
   * @param args one or two run directories
   */
  public static void main(String[] args) {
    try {
      System.out.print(render(readRuns(args)));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    }
  }

  /**
   * Reads the run directories named on the command line.
   *
   * @throws IllegalArgumentException if there are not 1 or 2, one is not a directory, or one
   *     holds no median of a {@code <engine>-t<threads>.csv} file
   */
  static List<Map<String, Double>> readRuns(String... dirs) {
    if (dirs.length < 1 || dirs.length > 2) {
      throw new IllegalArgumentException("RatioTable: expected 1 or 2 run directories, got "
          + dirs.length);
    }
    List<Map<String, Double>> runs = new ArrayList<>();
    for (String dir : dirs) {
      Path path = Path.of(dir);
      if (!Files.isDirectory(path)) {
        throw new IllegalArgumentException(
            "RatioTable: " + dir + " is not a directory, expected a run directory of bench.sh");
      }
      Map<String, Double> run = read(path);
      if (run.isEmpty()) {
        throw new IllegalArgumentException("RatioTable: " + dir + " holds no JMH median,"
            + " expected CSV files named <engine>-t<threads>.csv from bench.sh");
      }
      runs.add(run);
    }
    return runs;
  }

  /**
   * Reads one run: keys are {@code threads|W<n>|mode|engine}, the mode being {@code forward},
   * {@code gradient} or {@code buffer} (the gradient into the caller's buffer), values the
   * median in microseconds.
   */
  static Map<String, Double> read(Path dir) {
    Map<String, Double> medians = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : (Iterable<Path>) files.sorted()::iterator) {
        Matcher name = FILE.matcher(file.getFileName().toString());
        if (!name.matches()) {
          continue;
        }
        for (String line : Files.readAllLines(file)) {
          Matcher row = ROW.matcher(line);
          if (row.matches()) {
            String key = key(row.group(1), row.group(2));
            if (key != null && file.getFileName().toString().startsWith(SCALAR_RUN_PREFIX)) {
              key = key.replace("|" + LOSS4J, "|" + LOSS4J_SCALAR);
            }
            if (key != null) {
              medians.put(name.group(1) + "|" + key, Double.parseDouble(row.group(3)));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return medians;
  }

  /** Renders one table per thread count found in the runs. */
  static String render(List<Map<String, Double>> runs) {
    TreeMap<Integer, Boolean> threadCounts = new TreeMap<>();
    for (Map<String, Double> run : runs) {
      for (String key : run.keySet()) {
        threadCounts.put(Integer.parseInt(key.substring(0, key.indexOf('|'))), true);
      }
    }
    StringBuilder out = new StringBuilder();
    for (int threads : threadCounts.keySet()) {
      out.append("\n**").append(threads).append(threads == 1 ? " thread" : " threads")
          .append("** (median time per call")
          .append(runs.size() == 2 ? ", run 1 / run 2" : "").append(")\n\n");
      out.append("| | | loss4j | loss4j scalar path | plain loop | TF Java | ND4J | DJL"
          + " | best peer | loss4j speed-up | target | scalar-path speed-up |\n");
      out.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
      for (int w = 1; w <= 8; w++) {
        for (int g = 0; g < 2; g++) {
          String mode = g == 0 ? "forward" : "gradient";
          out.append("| W").append(w).append(" | ").append(g == 0 ? "forward" : "+gradient");
          for (String engine : ENGINES) {
            out.append(" | ").append(cells(runs, threads, w, mode, engine));
          }
          out.append(" | ").append(bestPeers(runs, threads, w, mode));
          out.append(" | ").append(speedUps(runs, threads, w, mode, LOSS4J));
          out.append(" | ").append(format(TARGETS[g][w - 1])).append("×");
          out.append(" | ").append(speedUps(runs, threads, w, mode, LOSS4J_SCALAR))
              .append(" |\n");
        }
      }
    }
    if (threadCounts.containsKey(1) && threadCounts.containsKey(2)) {
      out.append(otherTargets(runs));
    }
    return out.toString();
  }

  /**
   * Renders the other targets for loss4j: +gradient at most 1.3x the loss alone (2
   * threads; with the gradient allocated per call, then written into the caller's buffer,
   * which W7 and W8 do not measure: CTC's benchmark has no such call, and W8's gradient is 32
   * floats), a
   * 2-thread speed-up of at least 1.8x on W1-W6, and, on one thread, ahead of the
   * fastest peer running on two.
   */
  static String otherTargets(List<Map<String, Double>> runs) {
    StringBuilder out = new StringBuilder();
    out.append("\n**loss4j's other targets**")
        .append(runs.size() == 2 ? " (run 1 / run 2)" : "").append("\n\n");
    out.append("| | +gradient / forward, 2 threads (≤ 1.3) | same, gradient into the"
        + " caller's buffer | 2-thread speed-up, forward (≥ 1.8 on W1–W6) | 2-thread speed-up,"
        + " +gradient | loss4j on 1 thread vs best peer on 2, forward (> 1) | same,"
        + " +gradient |\n");
    out.append("|---|---|---|---|---|---|---|\n");
    for (int w = 1; w <= 8; w++) {
      out.append("| W").append(w);
      out.append(" | ").append(ratios(runs, 2, "gradient", 2, "forward", w));
      out.append(" | ").append(ratios(runs, 2, "buffer", 2, "forward", w));
      out.append(" | ").append(ratios(runs, 1, "forward", 2, "forward", w));
      out.append(" | ").append(ratios(runs, 1, "gradient", 2, "gradient", w));
      out.append(" | ").append(versusPeers(runs, w, "forward"));
      out.append(" | ").append(versusPeers(runs, w, "gradient")).append(" |\n");
    }
    return out.toString();
  }

  // loss4j's median at (t1, m1) divided by its median at (t2, m2), per run.
  private static String ratios(List<Map<String, Double>> runs, int t1, String m1, int t2,
      String m2, int w) {
    List<String> parts = new ArrayList<>();
    for (Map<String, Double> run : runs) {
      Double a = median(run, t1, w, m1, "loss4j");
      Double b = median(run, t2, w, m2, "loss4j");
      parts.add(a == null || b == null ? "–" : format(a / b) + "×");
    }
    return String.join(" / ", parts);
  }

  private static String versusPeers(List<Map<String, Double>> runs, int w, String mode) {
    List<String> parts = new ArrayList<>();
    for (Map<String, Double> run : runs) {
      String[] best = best(run, 2, w, mode);
      Double mine = median(run, 1, w, mode, "loss4j");
      parts.add(best == null || mine == null
          ? "–"
          : format(Double.parseDouble(best[1]) / mine) + "×");
    }
    return String.join(" / ", parts);
  }

  private static String key(String benchmarkClass, String method) {
    String engine;
    switch (benchmarkClass) {
      case "CtcBenchmark":
        return "W7|" + (method.equals("forward") ? "forward" : "gradient") + "|loss4j";
      case "Loss4jBenchmark":
        engine = "loss4j";
        break;
      case "ScalarBenchmark":
        engine = "scalar";
        break;
      case "TfPeerBenchmark":
        engine = "TF Java";
        break;
      case "Nd4jPeerBenchmark":
        engine = "ND4J";
        break;
      case "DjlPeerBenchmark":
        engine = "DJL";
        break;
      default:
        return null;
    }
    Matcher m = METHOD.matcher(method);
    if (!m.matches()) {
      return null;
    }
    return "W" + m.group(1) + "|" + mode(m.group(2)) + "|" + engine;
  }

  /** The table's name of a benchmark method's kind: forward, gradient or buffer. */
  private static String mode(String methodKind) {
    switch (methodKind) {
      case "Forward":
        return "forward";
      case "ForwardAndGradient":
        return "gradient";
      default:
        return "buffer";
    }
  }

  private static Double median(Map<String, Double> run, int threads, int w, String mode,
      String engine) {
    return run.get(threads + "|W" + w + "|" + mode + "|" + engine);
  }

  private static String cells(List<Map<String, Double>> runs, int threads, int w, String mode,
      String engine) {
    List<String> parts = new ArrayList<>();
    for (Map<String, Double> run : runs) {
      Double value = median(run, threads, w, mode, engine);
      parts.add(value == null ? "–" : time(value));
    }
    return String.join(" / ", parts);
  }

  private static String[] best(Map<String, Double> run, int threads, int w, String mode) {
    String bestEngine = null;
    double bestTime = Double.POSITIVE_INFINITY;
    for (String peer : PEERS) {
      Double value = median(run, threads, w, mode, peer);
      if (value != null && value < bestTime) {
        bestTime = value;
        bestEngine = peer;
      }
    }
    return bestEngine == null ? null : new String[] {bestEngine, Double.toString(bestTime)};
  }

  private static String bestPeers(List<Map<String, Double>> runs, int threads, int w,
      String mode) {
    List<String> parts = new ArrayList<>();
    for (Map<String, Double> run : runs) {
      String[] best = best(run, threads, w, mode);
      parts.add(best == null ? "–" : best[0]);
    }
    return String.join(" / ", parts);
  }

  private static String speedUps(List<Map<String, Double>> runs, int threads, int w,
      String mode, String engine) {
    List<String> parts = new ArrayList<>();
    for (Map<String, Double> run : runs) {
      String[] best = best(run, threads, w, mode);
      Double mine = median(run, threads, w, mode, engine);
      parts.add(best == null || mine == null
          ? "–"
          : format(Double.parseDouble(best[1]) / mine) + "×");
    }
    return String.join(" / ", parts);
  }

  private static String time(double micros) {
    if (micros >= 1000) {
      return String.format(Locale.ROOT, "%.2f ms", micros / 1000);
    }
    return String.format(Locale.ROOT, micros >= 100 ? "%.0f µs" : "%.1f µs", micros);
  }

  private static String format(double ratio) {
    return ratio >= 10
        ? String.format(Locale.ROOT, "%.0f", ratio)
        : String.format(Locale.ROOT, ratio >= 1 ? "%.1f" : "%.2f", ratio);
  }
}
