package org.loss4j.cli.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.loss4j.api.Tensor;

/**
 * The header of a {@code .npy} file (format versions 1.0, 2.0 and 3.0): element type, memory
 * order, shape, and where the data starts.
 *
 * <p>The file starts with the magic {@code \x93NUMPY}, a major and a minor version byte, the
 * header length (2 bytes little-endian in version 1, 4 bytes in versions 2 and 3), then the
 * header: a Python dict literal such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (3, 2), }}, padded with spaces and a
 * final newline so that the data starts at a multiple of 64 bytes (16 in old files; any offset is
 * accepted when reading). Version 3 encodes the header in UTF-8, the others in Latin-1.
 */
public final class NpyHeader {
  static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final int ALIGNMENT = 64;

  private final NpyDType dtype;
  private final boolean fortranOrder;
  private final int[] shape;
  private final long dataOffset;

  NpyHeader(NpyDType dtype, boolean fortranOrder, int[] shape, long dataOffset) {
    this.dtype = dtype;
    this.fortranOrder = fortranOrder;
    this.shape = shape.clone();
    this.dataOffset = dataOffset;
  }

  /** Returns the element type. */
  public NpyDType dtype() {
    return dtype;
  }

  /** Returns whether the data is in column-major (Fortran) order. */
  public boolean fortranOrder() {
    return fortranOrder;
  }

  /** Returns the shape; {@code []} for a scalar. */
  public int[] shape() {
    return shape.clone();
  }

  /** Returns the byte offset of the first element. */
  public long dataOffset() {
    return dataOffset;
  }

  /** Returns the number of elements, as a long. */
  public long elementCount() {
    long count = 1;
    for (int dim : shape) {
      count *= dim;
    }
    return count;
  }

  /**
   * Parses the header at the start of a file's bytes.
   *
   * @param start at least the first {@code 12} bytes and the whole header
   * @throws IllegalArgumentException naming what is malformed
   */
  static NpyHeader parse(ByteBuffer start) {
    ByteBuffer buffer = start.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    if (buffer.remaining() < 10) {
      throw new IllegalArgumentException("not a .npy file: too short for the magic and header");
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (buffer.get(i) != MAGIC[i]) {
        throw new IllegalArgumentException(
            "not a .npy file: the magic string \\x93NUMPY is missing");
      }
    }
    int major = buffer.get(6) & 0xff;
    long length;
    int headerStart;
    if (major == 1) {
      length = buffer.getShort(8) & 0xffff;
      headerStart = 10;
    } else if (major == 2 || major == 3) {
      if (buffer.remaining() < 12) {
        throw new IllegalArgumentException("malformed .npy header: truncated header length");
      }
      length = buffer.getInt(8) & 0xffffffffL;
      headerStart = 12;
    } else {
      throw new IllegalArgumentException(
          "unsupported .npy format version " + major + ", expected 1, 2 or 3");
    }
    if (headerStart + length > buffer.remaining()) {
      throw new IllegalArgumentException("malformed .npy header: declares " + length
          + " header bytes but the file is shorter");
    }
    byte[] text = new byte[(int) length];
    buffer.position(headerStart);
    buffer.get(text);
    String dict = new String(text, major == 3 ? StandardCharsets.UTF_8
        : StandardCharsets.ISO_8859_1);
    return parseDict(dict, headerStart + length);
  }

  private static NpyHeader parseDict(String dict, long dataOffset) {
    String descr = stringValue(dict, "descr");
    String order = rawValue(dict, "fortran_order");
    boolean fortran;
    if (order.startsWith("True")) {
      fortran = true;
    } else if (order.startsWith("False")) {
      fortran = false;
    } else {
      throw malformed("fortran_order must be True or False", dict);
    }
    String shapeText = rawValue(dict, "shape");
    if (!shapeText.startsWith("(") || shapeText.indexOf(')') < 0) {
      throw malformed("shape must be a tuple", dict);
    }
    List<Integer> dims = new ArrayList<>();
    for (String part : shapeText.substring(1, shapeText.indexOf(')')).split(",")) {
      String trimmed = part.trim().replace("L", "");
      if (trimmed.isEmpty()) {
        continue;
      }
      try {
        int dim = Integer.parseInt(trimmed);
        if (dim < 0) {
          throw malformed("shape dimensions must be >= 0", dict);
        }
        dims.add(dim);
      } catch (NumberFormatException e) {
        throw malformed("shape dimension '" + trimmed + "' is not an int", dict);
      }
    }
    int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
    return new NpyHeader(NpyDType.parse(descr), fortran, shape, dataOffset);
  }

  private static String rawValue(String dict, String key) {
    String trimmed = dict.trim();
    if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
      throw malformed("the header is not a dict literal", dict);
    }
    for (String quote : new String[] {"'", "\""}) {
      int at = dict.indexOf(quote + key + quote);
      if (at >= 0) {
        int colon = dict.indexOf(':', at + key.length() + 2);
        if (colon < 0) {
          throw malformed("no ':' after '" + key + "'", dict);
        }
        return dict.substring(colon + 1).trim();
      }
    }
    throw malformed("no '" + key + "' key", dict);
  }

  private static String stringValue(String dict, String key) {
    String raw = rawValue(dict, key);
    if (raw.isEmpty() || (raw.charAt(0) != '\'' && raw.charAt(0) != '"')) {
      throw malformed(key + " must be a string", dict);
    }
    int end = raw.indexOf(raw.charAt(0), 1);
    if (end < 0) {
      throw malformed(key + " is an unterminated string", dict);
    }
    return raw.substring(1, end);
  }

  private static IllegalArgumentException malformed(String what, String dict) {
    return new IllegalArgumentException(
        "malformed .npy header: " + what + ", got " + dict.trim());
  }

  /**
   * Returns the bytes of a version 1.0 header (version 2.0 if it does not fit 65535 bytes),
   * padded so that the data starts at a multiple of 64 bytes.
   */
  static byte[] encode(NpyDType dtype, boolean fortranOrder, int[] shape) {
    StringBuilder tuple = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      tuple.append(shape[i]).append(i == 0 && shape.length == 1 ? "," : i + 1 < shape.length
          ? ", " : "");
    }
    tuple.append(')');
    String dict = "{'descr': '" + dtype.descr() + "', 'fortran_order': "
        + (fortranOrder ? "True" : "False") + ", 'shape': " + tuple + ", }";
    int prefix = 10;
    int padded = (prefix + dict.length() + 1 + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    int major = 1;
    if (padded - prefix > 0xffff) {
      prefix = 12;
      padded = (prefix + dict.length() + 1 + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
      major = 2;
    }
    int headerLength = padded - prefix;
    ByteBuffer out = ByteBuffer.allocate(padded).order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).put((byte) major).put((byte) 0);
    if (major == 1) {
      out.putShort((short) headerLength);
    } else {
      out.putInt(headerLength);
    }
    out.put(dict.getBytes(StandardCharsets.ISO_8859_1));
    while (out.position() < padded - 1) {
      out.put((byte) ' ');
    }
    out.put((byte) '\n');
    return out.array();
  }

  @Override
  public String toString() {
    return dtype.descr() + (fortranOrder ? " fortran " : " ") + Tensor.formatShape(shape)
        + " at " + dataOffset;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof NpyHeader)) {
      return false;
    }
    NpyHeader that = (NpyHeader) other;
    return dtype == that.dtype && fortranOrder == that.fortranOrder
        && Arrays.equals(shape, that.shape) && dataOffset == that.dataOffset;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(shape) * 31 + dtype.hashCode();
  }
}
