package org.loss4j.cli.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * A table of features and targets read from the bundled datasets, with a seeded train/test split
 * and feature standardisation.
 */
public final class Dataset {
  private static final String BASE = "/org/loss4j/cli/data/";

  private final double[][] features;
  private final double[][] targets;

  Dataset(double[][] features, double[][] targets) {
    this.features = features;
    this.targets = targets;
  }

  /** Returns the 1797 handwritten digits: 64 pixels scaled to [0, 1], target the digit 0..9. */
  public static Dataset digits() {
    List<double[]> rows = readRows("digits.csv.gz", ",", 0);
    double[][] x = new double[rows.size()][64];
    double[][] y = new double[rows.size()][1];
    for (int i = 0; i < rows.size(); i++) {
      for (int j = 0; j < 64; j++) {
        x[i][j] = rows.get(i)[j] / 16.0;
      }
      y[i][0] = rows.get(i)[64];
    }
    return new Dataset(x, y);
  }

  /** Returns the 569 breast-cancer tumours: 30 raw features, target 1 for benign. */
  public static Dataset breastCancer() {
    List<double[]> rows = readRows("breast_cancer.csv", ",", 1);
    double[][] x = new double[rows.size()][];
    double[][] y = new double[rows.size()][1];
    for (int i = 0; i < rows.size(); i++) {
      x[i] = Arrays.copyOf(rows.get(i), 30);
      y[i][0] = rows.get(i)[30];
    }
    return new Dataset(x, y);
  }

  /** Returns the 20 Linnerud men: chin-ups as the feature, sit-ups and jumps as the targets. */
  public static Dataset linnerud() {
    List<double[]> rows = readRows("linnerud_exercise.csv", "\\s+", 1);
    double[][] x = new double[rows.size()][1];
    double[][] y = new double[rows.size()][2];
    for (int i = 0; i < rows.size(); i++) {
      x[i][0] = rows.get(i)[0];
      y[i][0] = rows.get(i)[1];
      y[i][1] = rows.get(i)[2];
    }
    return new Dataset(x, y);
  }

  private static List<double[]> readRows(String name, String separator, int skip) {
    try (InputStream raw = Dataset.class.getResourceAsStream(BASE + name)) {
      if (raw == null) {
        throw new IllegalStateException("the demo data " + name + " is missing from the jar");
      }
      InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
      BufferedReader reader = new BufferedReader(new InputStreamReader(in,
          StandardCharsets.UTF_8));
      List<double[]> rows = new ArrayList<>();
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        if (number++ < skip || line.isBlank()) {
          continue;
        }
        rows.add(Arrays.stream(line.trim().split(separator))
            .mapToDouble(Double::parseDouble).toArray());
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo data " + name, e);
    }
  }

  /** Returns the number of samples. */
  public int size() {
    return features.length;
  }

  /** Returns the feature rows (shared, not copied). */
  public double[][] features() {
    return features;
  }

  /** Returns the target rows (shared, not copied). */
  public double[][] targets() {
    return targets;
  }

  /**
   * Returns {@code [train, test]}: a shuffle by a seeded generator, then the last
   * {@code testFraction} of the samples as the test set.
   */
  public Dataset[] split(double testFraction, long seed) {
    int[] order = new int[size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    int test = (int) Math.round(size() * testFraction);
    return new Dataset[] {
      subset(Arrays.copyOfRange(order, 0, size() - test)),
      subset(Arrays.copyOfRange(order, size() - test, size()))
    };
  }

  private Dataset subset(int[] rows) {
    double[][] x = new double[rows.length][];
    double[][] y = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      x[i] = features[rows[i]];
      y[i] = targets[rows[i]];
    }
    return new Dataset(x, y);
  }

  /**
   * Returns this dataset with every feature standardised by the mean and standard deviation of
   * {@code reference} (the training set, so that no test statistics leak into training).
   */
  public Dataset standardisedBy(Dataset reference) {
    int d = reference.features[0].length;
    double[] mean = new double[d];
    double[] std = new double[d];
    for (double[] row : reference.features) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j] / reference.size();
      }
    }
    for (double[] row : reference.features) {
      for (int j = 0; j < d; j++) {
        std[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / reference.size();
      }
    }
    double[][] x = new double[size()][d];
    for (int i = 0; i < size(); i++) {
      for (int j = 0; j < d; j++) {
        double scale = std[j] > 0 ? Math.sqrt(std[j]) : 1.0;
        x[i][j] = (features[i][j] - mean[j]) / scale;
      }
    }
    return new Dataset(x, targets);
  }
}
