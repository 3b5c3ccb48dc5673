package org.loss4j.cli.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.loss4j.api.DType;
import org.loss4j.api.Tensor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a CSV file of numbers, one sample a row, into a float64 tensor of shape
 * {@code [rows, columns]}.
 *
 * <p>Values are separated by commas; blank lines are skipped; a UTF-8 byte order mark is dropped.
 * The first line is a header, skipped with a DEBUG log line (shown under {@code --verbose}), only
 * if none of its fields is a number; a line with some numeric and some other fields is an error,
 * so that a typo such as {@code 0,l} never silently drops a row. Non-finite values may be written
 * {@code NaN}, {@code Infinity}, {@code -Infinity}, {@code nan}, {@code inf} or {@code -inf}.
 * Every row must have the same number of values.
 */
public final class CsvArrays {
  private static final Logger LOG = LoggerFactory.getLogger(CsvArrays.class);
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private CsvArrays() {}

  /**
   * Reads every row.
   *
   * @throws IllegalArgumentException for ragged rows or a value that is not a number, naming the
   *     line and the field
   */
  public static Tensor read(BufferedReader reader) throws IOException {
    List<double[]> rows = new ArrayList<>();
    String line;
    int lineNumber = 0;
    int columns = -1;
    boolean first = true;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
        line = line.substring(1);
      }
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      double[] row = new double[cells.length];
      int badField = -1;
      int numbers = 0;
      for (int i = 0; i < cells.length; i++) {
        try {
          row[i] = Numbers.parse(cells[i]);
          numbers++;
        } catch (NumberFormatException e) {
          badField = badField < 0 ? i : badField;
        }
      }
      if (badField >= 0) {
        if (first && numbers == 0 && !otherSeparator(cells)) {
          LOG.debug("line {}: header skipped (no field is a number): {}", lineNumber, line);
          first = false;
          columns = cells.length;
          continue;
        }
        throw new IllegalArgumentException(notANumber(lineNumber, badField, cells[badField]));
      }
      first = false;
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

  /** Returns whether a field is numbers joined by semicolons or tabs, such as {@code 0;1}. */
  private static boolean otherSeparator(String[] cells) {
    for (String cell : cells) {
      for (String separator : new String[] {";", "\t"}) {
        String[] parts = cell.split(separator, -1);
        if (parts.length > 1 && java.util.Arrays.stream(parts).allMatch(CsvArrays::isNumber)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isNumber(String text) {
    try {
      Numbers.parse(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String notANumber(int line, int field, String cell) {
    String hint = cell.contains(";") || cell.contains("\t")
        ? " (fields must be separated by commas, not semicolons or tabs)" : "";
    return String.format("line %d, field %d: \"%s\" is not a number, expected numbers separated"
        + " by commas%s", line, field + 1, cell.trim(), hint);
  }
}
