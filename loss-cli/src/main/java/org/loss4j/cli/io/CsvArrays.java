package org.loss4j.cli.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.loss4j.api.DType;
import org.loss4j.api.Tensor;

/**
 * Reads a CSV file of numbers, one sample a row, into a float64 tensor of shape
 * {@code [rows, columns]}.
 *
 * <p>Values are separated by commas; blank lines are skipped; a first line that is not all numbers
 * is a header and is skipped. Non-finite values may be written {@code NaN}, {@code Infinity},
 * {@code -Infinity}, {@code nan}, {@code inf} or {@code -inf}. Every row must have the same number
 * of values.
 */
public final class CsvArrays {
  private CsvArrays() {}

  /**
   * Reads every row.
   *
   * @throws IllegalArgumentException for ragged rows or a value that is not a number, naming the
   *     line
   */
  public static Tensor read(BufferedReader reader) throws IOException {
    List<double[]> rows = new ArrayList<>();
    String line;
    int lineNumber = 0;
    int columns = -1;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      double[] row = new double[cells.length];
      try {
        for (int i = 0; i < cells.length; i++) {
          row[i] = Numbers.parse(cells[i]);
        }
      } catch (NumberFormatException e) {
        if (rows.isEmpty() && columns < 0) {
          columns = cells.length;
          continue;
        }
        throw new IllegalArgumentException(
            "line " + lineNumber + ": " + e.getMessage() + ", expected numbers");
      }
      if (columns >= 0 && row.length != columns) {
        throw new IllegalArgumentException(String.format(
            "ragged rows: line %d has %d values, expected %d", lineNumber, row.length, columns));
      }
      columns = row.length;
      rows.add(row);
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException("no rows of numbers");
    }
    double[] flat = new double[rows.size() * columns];
    for (int r = 0; r < rows.size(); r++) {
      System.arraycopy(rows.get(r), 0, flat, r * columns, columns);
    }
    return Tensor.fromDoubles(flat, new int[] {rows.size(), columns}, DType.FLOAT64);
  }
}
