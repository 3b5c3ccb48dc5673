package org.loss4j.cli.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.loss4j.api.DType;

/**
 * The element types of a {@code .npy} file this program reads: 4- and 8-byte floats and integers
 * in either byte order ({@code <f4 >f4 <f8 >f8 <i4 >i4 <i8 >i8}).
 *
 * <p>Floats keep their precision ({@code f4} becomes {@link DType#FLOAT32}, {@code f8}
 * {@link DType#FLOAT64}); integers become {@link DType#INT32}, and an {@code i8} value outside the
 * int range is refused when read.
 */
public enum NpyDType {
  /** Little-endian float32. */
  F4_LE("<f4", 4, ByteOrder.LITTLE_ENDIAN, DType.FLOAT32),
  /** Big-endian float32. */
  F4_BE(">f4", 4, ByteOrder.BIG_ENDIAN, DType.FLOAT32),
  /** Little-endian float64. */
  F8_LE("<f8", 8, ByteOrder.LITTLE_ENDIAN, DType.FLOAT64),
  /** Big-endian float64. */
  F8_BE(">f8", 8, ByteOrder.BIG_ENDIAN, DType.FLOAT64),
  /** Little-endian int32. */
  I4_LE("<i4", 4, ByteOrder.LITTLE_ENDIAN, DType.INT32),
  /** Big-endian int32. */
  I4_BE(">i4", 4, ByteOrder.BIG_ENDIAN, DType.INT32),
  /** Little-endian int64. */
  I8_LE("<i8", 8, ByteOrder.LITTLE_ENDIAN, DType.INT32),
  /** Big-endian int64. */
  I8_BE(">i8", 8, ByteOrder.BIG_ENDIAN, DType.INT32);

  private final String descr;
  private final int itemSize;
  private final ByteOrder order;
  private final DType tensorType;

  NpyDType(String descr, int itemSize, ByteOrder order, DType tensorType) {
    this.descr = descr;
    this.itemSize = itemSize;
    this.order = order;
    this.tensorType = tensorType;
  }

  /**
   * Returns the type a NumPy {@code descr} string names; {@code "=f4"} and {@code "|i4"} mean the
   * little-endian forms, as they do on every machine NumPy writes them from here.
   *
   * @throws IllegalArgumentException for any other type, listing those supported
   */
  public static NpyDType parse(String descr) {
    String normalised = descr.startsWith("=") || descr.startsWith("|")
        ? "<" + descr.substring(1) : descr;
    for (NpyDType type : values()) {
      if (type.descr.equals(normalised)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unsupported dtype '" + descr + "', expected one of "
        + Arrays.stream(values()).map(NpyDType::descr).collect(Collectors.joining(" ")));
  }

  /** Returns the little-endian type that holds a tensor of {@code dtype}. */
  public static NpyDType forTensor(DType dtype) {
    switch (dtype) {
      case FLOAT32:
        return F4_LE;
      case FLOAT64:
        return F8_LE;
      default:
        return I4_LE;
    }
  }

  /** Returns the NumPy spelling, such as {@code "<f4"}. */
  public String descr() {
    return descr;
  }

  /** Returns the bytes of one element. */
  public int itemSize() {
    return itemSize;
  }

  /** Returns the byte order of the elements. */
  public ByteOrder order() {
    return order;
  }

  /** Returns the tensor type values of this type are read into. */
  public DType tensorType() {
    return tensorType;
  }

  /**
   * Reads the element at a byte position of a buffer already set to {@link #order()}.
   *
   * @throws IllegalArgumentException for an int64 value outside the int range
   */
  double read(ByteBuffer buffer, int position) {
    switch (this) {
      case F4_LE:
      case F4_BE:
        return buffer.getFloat(position);
      case F8_LE:
      case F8_BE:
        return buffer.getDouble(position);
      case I4_LE:
      case I4_BE:
        return buffer.getInt(position);
      default:
        long value = buffer.getLong(position);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
          throw new IllegalArgumentException(
              "int64 value " + value + " does not fit the int32 labels loss4j takes");
        }
        return value;
    }
  }

  /** Writes one element at the buffer's position, which must be set to {@link #order()}. */
  void write(ByteBuffer buffer, double value) {
    switch (tensorType) {
      case FLOAT32:
        buffer.putFloat((float) value);
        break;
      case FLOAT64:
        buffer.putDouble(value);
        break;
      default:
        if (itemSize == 8) {
          buffer.putLong((long) value);
        } else {
          buffer.putInt((int) value);
        }
    }
  }
}
