package org.loss4j.cli.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loss4j.api.DType;
import org.loss4j.api.Tensor;

/** Reads the hand-written files in {@code src/test/resources/npy} (values in its README). */
class NpyFileTest {
  @TempDir Path dir;

  private static Path resource(String name) {
    try {
      return Path.of(NpyFileTest.class.getResource("/npy/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void readsEveryDtypeAndByteOrderToTheSameValues() throws IOException {
    double[] labels = {0, 1, 1, 0};

    assertArrayEquals(labels, ArrayFiles.read(resource("y_true_i8_le.npy")).toDoubleArray());
    assertArrayEquals(labels, ArrayFiles.read(resource("y_true_i4_be_v2.npy")).toDoubleArray());
    assertArrayEquals(labels, ArrayFiles.read(resource("y_true_f8_le_v3.npy")).toDoubleArray());
    assertEquals(DType.INT32, ArrayFiles.read(resource("y_true_i8_le.npy")).dtype());
    assertEquals(DType.FLOAT32, ArrayFiles.read(resource("y_pred_f4_le.npy")).dtype());
  }

  @Test
  void readsFortranOrderAsRowMajor() throws IOException {
    Tensor tensor = ArrayFiles.read(resource("range_2x3x2_f8_fortran.npy"));

    assertArrayEquals(new int[] {2, 3, 2}, tensor.shape());
    for (int i = 0; i < 12; i++) {
      assertEquals(i, tensor.getDouble(i), "element [i, j, k] holds 6i + 2j + k");
    }
  }

  @Test
  void readsRowChunksOfAFortranOrderFile() throws IOException {
    try (NpyFile file = NpyFile.open(resource("range_2x3x2_f8_fortran.npy"))) {
      Tensor second = file.readRows(1, 1);

      assertArrayEquals(new int[] {1, 3, 2}, second.shape());
      assertArrayEquals(new double[] {6, 7, 8, 9, 10, 11}, second.toDoubleArray());
    }
  }

  @Test
  void readsAScalar() throws IOException {
    Tensor scalar = ArrayFiles.read(resource("scalar_f8.npy"));

    assertEquals(0, scalar.rank());
    assertEquals(2.5, scalar.getDouble(0));
  }

  @Test
  void writesWhatItReadsBackBitForBit() throws IOException {
    Tensor original = ArrayFiles.read(resource("y_pred_f4_le.npy"));
    Path copy = dir.resolve("copy.npy");

    ArrayWriter.write(copy, original);

    assertArrayEquals(Files.readAllBytes(resource("y_pred_f4_le.npy")), Files.readAllBytes(copy),
        "the same header layout and data as the hand-written file");
  }

  @Test
  void refusesAnUnsupportedDtypeListingTheSupportedOnes() throws IOException {
    Path file = dir.resolve("c8.npy");
    byte[] bytes = Files.readAllBytes(resource("y_pred_f4_le.npy"));
    bytes[22] = 'c';
    bytes[23] = '8';
    Files.write(file, bytes);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ArrayFiles.read(file));

    assertTrue(e.getMessage().endsWith(
        "unsupported dtype '<c8', expected one of <f4 >f4 <f8 >f8 <i4 >i4 <i8 >i8 <f2 >f2"
            + " |b1 |u1"),
        e.getMessage());
  }

  /** The file is a 128-byte header plus 4 float32 values (16 bytes): 144 bytes, 4 cut off. */
  @Test
  void refusesTruncatedData() throws IOException {
    Path file = dir.resolve("short.npy");
    byte[] bytes = Files.readAllBytes(resource("y_pred_f4_le.npy"));
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length - 4));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ArrayFiles.read(file));

    assertTrue(e.getMessage().contains("truncated .npy data: shape [2, 2] of <f4 needs 144 bytes,"
        + " the file has 140"), e.getMessage());
  }

  @Test
  void refusesAFileWithoutTheMagic() throws IOException {
    Path file = Files.writeString(dir.resolve("text.npy"), "0.5,0.5\n");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ArrayFiles.read(file));

    assertTrue(e.getMessage().contains("not a .npy file"), e.getMessage());
  }

  @Test
  void refusesAnUnknownFormatVersion() throws IOException {
    Path file = dir.resolve("v9.npy");
    byte[] bytes = Files.readAllBytes(resource("y_pred_f4_le.npy"));
    bytes[6] = 9;
    Files.write(file, bytes);

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ArrayFiles.read(file));

    assertTrue(e.getMessage().contains("unsupported .npy format version 9, expected 1, 2 or 3"),
        e.getMessage());
  }
}
