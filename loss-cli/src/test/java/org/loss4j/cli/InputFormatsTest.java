package org.loss4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loss4j.cli.io.CsvArrays;
import org.slf4j.LoggerFactory;

/**
 * Reading inputs the way a newcomer writes them: CSV with a byte order mark, typos and other
 * separators, JSON with trailing content or bare NaN, {@code .npy} of booleans, bytes and
 * float16.
 *
 * <p>Every value uses the test loss {@code cli_test_squared_error} and the hand computation of
 * {@link EvalCommandTest}: {@code y_true = [[0, 1], [1, 0]]}, {@code y_pred = [[0.25, 0.75],
 * [0.5, 0.5]]} give {@code (0.0625 + 0.25) / 2 = 0.15625}.
 */
class InputFormatsTest {
  private static final String LOSS = "cli_test_squared_error";
  /** The hand-computed mean squared error of the inputs above. */
  private static final String VALUE = "0.15625";
  private static final String Y_PRED_JSON = "[[0.25, 0.75], [0.5, 0.5]]";

  @TempDir Path dir;

  private CliRun evalWithTruth(String name, byte[] content) throws IOException {
    Path yTrue = Files.write(dir.resolve(name), content);
    Path yPred = Files.writeString(dir.resolve("y_pred.json"), Y_PRED_JSON);
    return CliRun.of("eval", "--loss", LOSS, "--y-true", yTrue.toString(), "--y-pred",
        yPred.toString());
  }

  private CliRun evalWithTruth(String name, String content) throws IOException {
    return evalWithTruth(name, content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void csvWithAByteOrderMarkKeepsItsFirstRow() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] rows = "0,1\n1,0\n".getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[bom.length + rows.length];
    System.arraycopy(bom, 0, content, 0, bom.length);
    System.arraycopy(rows, 0, content, bom.length, rows.length);

    CliRun run = evalWithTruth("y_true.csv", content);

    assertEquals(0, run.status, run.toString());
    assertEquals(VALUE, run.lastLine());
  }

  @Test
  void aFirstRowWithATypoIsAnErrorNotAHeader() throws IOException {
    CliRun run = evalWithTruth("y_true.csv", "0,l\n1,0\n");

    assertFailedWith(run, "y_true.csv: line 1, field 2: \"l\" is not a number");
  }

  @Test
  void aLaterRowWithATypoNamesItsLineAndField() throws IOException {
    CliRun run = evalWithTruth("y_true.csv", "a,b\n0,1\n1,x\n");

    assertFailedWith(run, "y_true.csv: line 3, field 2: \"x\" is not a number");
  }

  @Test
  void aSemicolonFileIsRefusedAtItsFirstLineWithTheReason() throws IOException {
    CliRun run = evalWithTruth("y_true.csv", "0;1\n1;0\n");

    assertFailedWith(run, "y_true.csv: line 1, field 1: \"0;1\" is not a number");
    assertTrue(run.err.contains("not semicolons"), run.err);
    assertFalse(run.err.contains("For input string"), run.err);
  }

  @Test
  void aHeaderWithoutNumbersIsSkippedWithADebugLine() throws IOException {
    Logger logger = (Logger) LoggerFactory.getLogger(CsvArrays.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    Level before = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    logger.addAppender(events);
    try {
      CliRun run = evalWithTruth("y_true.csv", "first,second\n0,1\n1,0\n");

      assertEquals(0, run.status, run.toString());
      assertEquals(VALUE, run.lastLine());
      assertEquals(1, events.list.size(), events.list.toString());
      assertTrue(events.list.get(0).getFormattedMessage().contains("line 1: header skipped"),
          events.list.toString());
    } finally {
      logger.detachAppender(events);
      logger.setLevel(before);
    }
  }

  @Test
  void jsonWithTrailingContentIsRefused() throws IOException {
    CliRun run = evalWithTruth("y_true.json", "[[0, 1], [1, 0]] [1]");

    assertFailedWith(run, "y_true.json: trailing content at line 1, column 18");
  }

  @Test
  void bareNanInJsonIsExplainedWithoutTheParsersInternals() throws IOException {
    CliRun run = evalWithTruth("y_true.json", "[[0, 1], [1, NaN]]");

    assertFailedWith(run, "y_true.json: malformed JSON at line 1, column 17");
    assertTrue(run.err.contains("write non-finite numbers as the strings"), run.err);
    assertFalse(run.err.contains("JsonReadFeature"), run.err);
    assertFalse(run.err.contains("Source:"), run.err);
  }

  @Test
  void readsBooleanLabels() throws IOException {
    CliRun run = evalWithTruth("y_true.npy", npy("|b1", new byte[] {0, 1, 1, 0}));

    assertEquals(0, run.status, run.toString());
    assertEquals(VALUE, run.lastLine());
  }

  @Test
  void readsUnsignedByteLabels() throws IOException {
    CliRun run = evalWithTruth("y_true.npy", npy("|u1", new byte[] {0, 1, 1, 0}));

    assertEquals(0, run.status, run.toString());
    assertEquals(VALUE, run.lastLine());
  }

  /**
   * float16 bits: 0.25 = 0x3400 (exponent 13, 2^(13-15)), 0.75 = 0x3A00 (1.5 * 2^-1),
   * 0.5 = 0x3800 (exponent 14), in both byte orders.
   */
  @Test
  void readsFloat16PredictionsInBothByteOrders() throws IOException {
    Path yTrue = Files.writeString(dir.resolve("y_true.json"), "[[0, 1], [1, 0]]");
    short[] halves = {0x3400, 0x3A00, 0x3800, 0x3800};
    for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
      ByteBuffer data = ByteBuffer.allocate(8).order(order);
      for (short half : halves) {
        data.putShort(half);
      }
      String descr = order == ByteOrder.LITTLE_ENDIAN ? "<f2" : ">f2";
      Path yPred = Files.write(dir.resolve("y_pred" + order + ".npy"), npy(descr, data.array()));

      CliRun run = CliRun.of("eval", "--loss", LOSS, "--y-true", yTrue.toString(), "--y-pred",
          yPred.toString());

      assertEquals(0, run.status, run.toString());
      assertEquals(VALUE, run.lastLine(), descr);
    }
  }

  /** Returns a version 1.0 {@code .npy} file of shape (2, 2), laid out as numpy.save does. */
  private static byte[] npy(String descr, byte[] data) {
    StringBuilder header = new StringBuilder(
        "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (2, 2), }");
    while ((10 + header.length() + 1) % 64 != 0) {
      header.append(' ');
    }
    header.append('\n');
    ByteBuffer bytes = ByteBuffer.allocate(10 + header.length() + data.length)
        .order(ByteOrder.LITTLE_ENDIAN);
    bytes.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    bytes.putShort((short) header.length());
    bytes.put(header.toString().getBytes(StandardCharsets.ISO_8859_1));
    bytes.put(data);
    return bytes.array();
  }

  static void assertFailedWith(CliRun run, String message) {
    assertEquals(Main.FAILURE, run.status, run.toString());
    assertTrue(run.err.startsWith("loss4j: "), run.err);
    assertTrue(run.err.contains(message), run.err);
    assertEquals(1, run.err.lines().count(), "one line, no stack trace: " + run.err);
    assertEquals("", run.out, "nothing on standard output for a failed run");
  }
}
