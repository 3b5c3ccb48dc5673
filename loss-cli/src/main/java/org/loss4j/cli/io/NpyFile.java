package org.loss4j.cli.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.loss4j.api.Tensor;

/**
 * An open {@code .npy} file read in chunks of rows (slices along the first axis), so that files
 * larger than memory are read with constant memory.
 *
 * <p>In C order a chunk is one contiguous region, read through a memory mapping of just that
 * region. In Fortran order the rows of a chunk are contiguous only within each position of the
 * trailing axes, so each such run is read separately. Either way the chunk comes back as a
 * row-major {@link Tensor}.
 */
public final class NpyFile implements Closeable {
  /** The most elements one mapping covers, so that a mapping stays below 2 GiB: 128 Mi. */
  private static final int MAPPED_ELEMENTS = 1 << 27;

  private final Path path;
  private final FileChannel channel;
  private final NpyHeader header;
  private final int rows;
  private final int rowSize;
  private final int[] fortranIndexOfRowElement;

  private NpyFile(Path path, FileChannel channel, NpyHeader header) {
    this.path = path;
    this.channel = channel;
    this.header = header;
    int[] shape = header.shape();
    this.rows = shape.length == 0 ? 1 : shape[0];
    long size = 1;
    for (int i = 1; i < shape.length; i++) {
      size *= shape[i];
    }
    if (size > Integer.MAX_VALUE / 8) {
      throw new IllegalArgumentException("rows of " + size + " elements are too large");
    }
    this.rowSize = (int) size;
    this.fortranIndexOfRowElement = header.fortranOrder() && shape.length > 1
        ? fortranIndices(shape) : null;
  }

  /** Maps the C-order index of an element within a row to its Fortran-order index in a row. */
  private static int[] fortranIndices(int[] shape) {
    int[] trailing = new int[shape.length - 1];
    System.arraycopy(shape, 1, trailing, 0, trailing.length);
    int size = 1;
    for (int dim : trailing) {
      size *= dim;
    }
    int[] result = new int[size];
    int[] index = new int[trailing.length];
    for (int c = 0; c < size; c++) {
      int f = 0;
      for (int axis = trailing.length - 1; axis >= 0; axis--) {
        f = f * trailing[axis] + index[axis];
      }
      result[c] = f;
      for (int axis = trailing.length - 1; axis >= 0; axis--) {
        if (++index[axis] < trailing[axis]) {
          break;
        }
        index[axis] = 0;
      }
    }
    return result;
  }

  /**
   * Opens a file and reads its header.
   *
   * @throws IllegalArgumentException if the header is malformed or the file is shorter than the
   *     header says
   * @throws IOException if the file cannot be read
   */
  public static NpyFile open(Path path) throws IOException {
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
    try {
      long length = channel.size();
      ByteBuffer start = ByteBuffer.allocate((int) Math.min(length, 1 << 20));
      while (start.hasRemaining() && channel.read(start, start.position()) > 0) {
        continue;
      }
      start.flip();
      NpyHeader header = NpyHeader.parse(start);
      long needed = header.dataOffset() + header.elementCount() * header.dtype().itemSize();
      if (length < needed) {
        throw new IllegalArgumentException(String.format(
            "truncated .npy data: shape %s of %s needs %d bytes, the file has %d",
            Tensor.formatShape(header.shape()), header.dtype().descr(), needed, length));
      }
      return new NpyFile(path, channel, header);
    } catch (IllegalArgumentException | IOException e) {
      channel.close();
      throw e;
    }
  }

  /** Returns the path this file was opened from. */
  public Path path() {
    return path;
  }

  /** Returns the parsed header. */
  public NpyHeader header() {
    return header;
  }

  /** Returns the length of the first axis (1 for a scalar). */
  public int rows() {
    return rows;
  }

  /** Returns the number of elements in one row. */
  public int rowSize() {
    return rowSize;
  }

  /** Returns the whole array. */
  public Tensor readAll() throws IOException {
    if (header.shape().length == 0) {
      return readRows(0, 1).reshape();
    }
    return readRows(0, rows);
  }

  /**
   * Returns rows {@code [start, start + count)} as a tensor of shape {@code [count, ...]}.
   *
   * @throws IllegalArgumentException if the range is outside the file, or an int64 value does
   *     not fit an int
   */
  public Tensor readRows(int start, int count) throws IOException {
    if (start < 0 || count < 0 || start + count > rows) {
      throw new IllegalArgumentException(
          "rows " + start + ".." + (start + count) + " outside 0.." + rows);
    }
    long elements = (long) count * rowSize;
    if (elements > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "an array of " + elements + " elements does not fit in memory at once");
    }
    NpyDType dtype = header.dtype();
    int item = dtype.itemSize();
    double[] values = new double[(int) elements];
    if (fortranIndexOfRowElement == null) {
      long offset = header.dataOffset() + (long) start * rowSize * item;
      for (int first = 0; first < values.length; first += MAPPED_ELEMENTS) {
        int mapped = Math.min(MAPPED_ELEMENTS, values.length - first);
        MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY,
            offset + (long) first * item, (long) mapped * item);
        map.order(dtype.order());
        for (int i = 0; i < mapped; i++) {
          values[first + i] = dtype.read(map, i * item);
        }
      }
    } else {
      ByteBuffer run = ByteBuffer.allocate(count * item).order(dtype.order());
      for (int c = 0; c < rowSize; c++) {
        long offset = header.dataOffset()
            + ((long) fortranIndexOfRowElement[c] * rows + start) * item;
        run.clear();
        while (run.hasRemaining()) {
          if (channel.read(run, offset + run.position()) < 0) {
            throw new IllegalArgumentException("truncated .npy data");
          }
        }
        for (int r = 0; r < count; r++) {
          values[r * rowSize + c] = dtype.read(run, r * item);
        }
      }
    }
    int[] shape = header.shape();
    if (shape.length == 0) {
      shape = new int[] {1};
    }
    shape[0] = count;
    return Tensor.fromDoubles(values, shape, dtype.tensorType());
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
