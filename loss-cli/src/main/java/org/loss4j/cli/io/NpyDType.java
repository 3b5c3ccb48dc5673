package org.loss4j.cli.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.loss4j.api.DType;

/**
 * The element types of a {@code .npy} file this program reads: 2-, 4- and 8-byte floats, 4- and
 * 8-byte integers in either byte order, booleans and unsigned bytes
 * ({@code <f2 >f2 <f4 >f4 <f8 >f8 <i4 >i4 <i8 >i8 |b1 |u1}).
 *
 * <p>Floats keep their precision ({@code f4} becomes {@link DType#FLOAT32}, {@code f8}
 * {@link DType#FLOAT64}); {@code f2} becomes {@link DType#FLOAT32}, which holds every float16
 * value exactly. Integers, booleans (0 and 1) and unsigned bytes become {@link DType#INT32}, and an
 * {@code i8} value outside the int range is refused when read.
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
  I8_BE(">i8", 8, ByteOrder.BIG_ENDIAN, DType.INT32),
  /** Little-endian float16, read into float32 exactly. */
  F2_LE("<f2", 2, ByteOrder.LITTLE_ENDIAN, DType.FLOAT32),
  /** Big-endian float16, read into float32 exactly. */
  F2_BE(">f2", 2, ByteOrder.BIG_ENDIAN, DType.FLOAT32),
  /** Booleans, one byte each, read as 0 and 1. */
  B1("|b1", 1, ByteOrder.LITTLE_ENDIAN, DType.INT32),
  /** Unsigned bytes, 0 to 255. */
  U1("|u1", 1, ByteOrder.LITTLE_ENDIAN, DType.INT32);

  /** The bits of a float16 mantissa. */
  private static final int HALF_MANTISSA_BITS = 10;
  /** The biased exponent of float16 infinities and NaNs. */
  private static final int HALF_MAX_EXPONENT = 0x1f;
  /** The float16 exponent bias plus the mantissa bits: a value is m * 2^(e - 25). */
  private static final int HALF_SCALE = 25;

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
   * little-endian forms, as they do on every machine NumPy writes them from here, and the
   * one-byte types may carry any byte-order character.
   *
   * @throws IllegalArgumentException for any other type, listing those supported
   */
  public static NpyDType parse(String descr) {
    for (NpyDType type : values()) {
      if (normalise(type.descr).equals(normalise(descr))) {
        return type;
      }
    }
    throw new IllegalArgumentException("unsupported dtype '" + descr + "', expected one of "
        + Arrays.stream(values()).map(NpyDType::descr).collect(Collectors.joining(" ")));
  }

  private static String normalise(String descr) {
    if (descr.isEmpty() || "<>=|".indexOf(descr.charAt(0)) < 0) {
      return descr;
    }
    String body = descr.substring(1);
    if (body.endsWith("1") || descr.charAt(0) == '=' || descr.charAt(0) == '|') {
      return body.endsWith("1") ? "|" + body : "<" + body;
    }
    return descr;
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
      case F2_LE:
      case F2_BE:
        return halfToDouble(buffer.getShort(position) & 0xffff);
      case B1:
        return buffer.get(position) == 0 ? 0 : 1;
      case U1:
        return buffer.get(position) & 0xff;
      default:
        long value = buffer.getLong(position);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
          throw new IllegalArgumentException(
              "int64 value " + value + " does not fit the int32 labels loss4j takes");
        }
        return value;
    }
  }

  /**
   * Returns the value of float16 bits: sign, 5 exponent bits biased by 15, 10 mantissa bits;
   * exponent 0 is subnormal ({@code m * 2^-24}), 31 is infinity or NaN.
   */
  static double halfToDouble(int bits) {
    int exponent = (bits >>> HALF_MANTISSA_BITS) & HALF_MAX_EXPONENT;
    int mantissa = bits & ((1 << HALF_MANTISSA_BITS) - 1);
    double magnitude;
    if (exponent == HALF_MAX_EXPONENT) {
      magnitude = mantissa == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    } else if (exponent == 0) {
      magnitude = Math.scalb((double) mantissa, 1 - HALF_SCALE);
    } else {
      magnitude = Math.scalb((double) ((1 << HALF_MANTISSA_BITS) | mantissa),
          exponent - HALF_SCALE);
    }
    return (bits & 0x8000) != 0 ? -magnitude : magnitude;
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
