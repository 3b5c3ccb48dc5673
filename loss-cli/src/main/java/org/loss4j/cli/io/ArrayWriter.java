package org.loss4j.cli.io;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.loss4j.api.DType;
import org.loss4j.api.Tensor;

/**
 * Writes one array to a file in the format its extension names, in chunks of rows (slices along
 * the first axis) so that results as large as the inputs need constant memory.
 *
 * <p>The complete shape is declared up front; {@link #append} adds rows in order; {@link #commit}
 * checks that every row arrived and moves the file into place. Closing without a commit leaves no
 * file behind. A rank-0 array is written with one {@code append} of the scalar.
 *
 * <ul>
 *   <li>{@code .npy}: version 1.0, little-endian, C order, in the array's dtype;
 *   <li>{@code .csv}: one row per line, trailing axes flattened in row-major order; a scalar is one
 *       line;
 *   <li>{@code .json}: nested arrays (a number for a scalar), non-finite values as strings.
 * </ul>
 */
public abstract class ArrayWriter implements Closeable {
  private final AtomicOutput output;
  private final int[] shape;
  private final DType dtype;
  private final int rows;
  private int written;

  ArrayWriter(AtomicOutput output, int[] shape, DType dtype) {
    this.output = output;
    this.shape = shape.clone();
    this.dtype = dtype;
    this.rows = shape.length == 0 ? 1 : shape[0];
  }

  /**
   * Starts writing an array of the given shape and dtype to {@code path}.
   *
   * @throws IllegalArgumentException for an unknown extension or a missing directory
   */
  public static ArrayWriter open(Path path, int[] shape, DType dtype) throws IOException {
    ArrayFormat format = ArrayFormat.of(path);
    if (format == ArrayFormat.CSV && shape.length > 2) {
      throw new IllegalArgumentException(path + ": cannot write an array of shape "
          + Tensor.formatShape(shape) + " (rank " + shape.length + ") to CSV, which holds rank 2"
          + " at most; write it to a .npy or .json file");
    }
    AtomicOutput output = AtomicOutput.create(path);
    try {
      switch (format) {
        case NPY:
          return new Npy(output, shape, dtype);
        case CSV:
          return new Csv(output, shape, dtype);
        default:
          return new Json(output, shape, dtype);
      }
    } catch (IOException | RuntimeException e) {
      output.close();
      throw e;
    }
  }

  /** Writes a whole tensor to {@code path} in the format of its extension. */
  public static void write(Path path, Tensor tensor) throws IOException {
    try (ArrayWriter writer = open(path, tensor.shape(), tensor.dtype())) {
      writer.append(tensor);
      writer.commit();
    }
  }

  /**
   * Appends the next rows: a tensor of shape {@code [k, ...trailing]} (or the scalar of a rank-0
   * array).
   *
   * @throws IllegalArgumentException if the trailing shape differs or there are too many rows
   */
  public final void append(Tensor chunk) throws IOException {
    int[] chunkShape = chunk.shape();
    int count = shape.length == 0 ? 1 : chunkShape.length == 0 ? -1 : chunkShape[0];
    boolean fits = shape.length == 0 ? chunk.size() == 1
        : chunkShape.length == shape.length
            && Arrays.equals(Arrays.copyOfRange(chunkShape, 1, chunkShape.length),
                Arrays.copyOfRange(shape, 1, shape.length));
    if (!fits || written + count > rows) {
      throw new IllegalArgumentException("cannot append rows of shape "
          + Tensor.formatShape(chunkShape) + " to an array of shape " + Tensor.formatShape(shape)
          + " after " + written + " rows");
    }
    writeRows(chunk, count);
    written += count;
  }

  /**
   * Finishes the file and moves it into place.
   *
   * @throws IllegalStateException if fewer rows were appended than the shape declares
   */
  public final void commit() throws IOException {
    complete();
    output.moveIntoPlace();
  }

  /**
   * Finishes every writer, then moves them all into place; if any step fails, the files already
   * moved are deleted again, so a run leaves either all of its outputs or none.
   *
   * @throws IllegalStateException if a writer got fewer rows than its shape declares
   */
  public static void commitAll(List<ArrayWriter> writers) throws IOException {
    for (ArrayWriter writer : writers) {
      writer.complete();
    }
    List<ArrayWriter> moved = new ArrayList<>();
    try {
      for (ArrayWriter writer : writers) {
        writer.output.moveIntoPlace();
        moved.add(writer);
      }
    } catch (IOException | RuntimeException e) {
      for (ArrayWriter writer : moved) {
        writer.output.retract();
      }
      throw e;
    }
  }

  private void complete() throws IOException {
    if (written != rows) {
      throw new IllegalStateException(
          "only " + written + " of " + rows + " rows were written to " + output.target());
    }
    finish();
    output.finishWriting();
  }

  @Override
  public final void close() throws IOException {
    output.close();
  }

  int[] shape() {
    return shape;
  }

  DType dtype() {
    return dtype;
  }

  int rowSize() {
    int size = 1;
    for (int i = 1; i < shape.length; i++) {
      size *= shape[i];
    }
    return size;
  }

  OutputStream stream() {
    return output.stream();
  }

  abstract void writeRows(Tensor chunk, int count) throws IOException;

  abstract void finish() throws IOException;

  /** Little-endian, C-order {@code .npy} data after a version 1.0 header. */
  private static final class Npy extends ArrayWriter {
    private final NpyDType type;
    private final OutputStream out;

    Npy(AtomicOutput output, int[] shape, DType dtype) throws IOException {
      super(output, shape, dtype);
      this.type = NpyDType.forTensor(dtype);
      this.out = new BufferedOutputStream(output.stream(), 1 << 16);
      out.write(NpyHeader.encode(type, false, shape));
    }

    @Override
    void writeRows(Tensor chunk, int count) throws IOException {
      ByteBuffer buffer = ByteBuffer.allocate(8192).order(type.order());
      for (int i = 0; i < chunk.size(); i++) {
        if (buffer.remaining() < type.itemSize()) {
          out.write(buffer.array(), 0, buffer.position());
          buffer.clear();
        }
        type.write(buffer, chunk.getDouble(i));
      }
      out.write(buffer.array(), 0, buffer.position());
    }

    @Override
    void finish() throws IOException {
      out.flush();
    }
  }

  /** One line per row, values separated by commas. */
  private static final class Csv extends ArrayWriter {
    private final Writer out;

    Csv(AtomicOutput output, int[] shape, DType dtype) {
      super(output, shape, dtype);
      this.out = new BufferedWriter(new OutputStreamWriter(output.stream(),
          StandardCharsets.UTF_8));
    }

    @Override
    void writeRows(Tensor chunk, int count) throws IOException {
      int rowSize = shape().length == 0 ? 1 : rowSize();
      for (int r = 0; r < count; r++) {
        for (int c = 0; c < rowSize; c++) {
          if (c > 0) {
            out.write(',');
          }
          out.write(Numbers.format(chunk.getDouble(r * rowSize + c), dtype()));
        }
        out.write('\n');
      }
    }

    @Override
    void finish() throws IOException {
      out.flush();
    }
  }

  /** Nested arrays, opened before the first row and closed by {@link #finish()}. */
  private static final class Json extends ArrayWriter {
    private final JsonGenerator json;

    Json(AtomicOutput output, int[] shape, DType dtype) throws IOException {
      super(output, shape, dtype);
      this.json = JsonArrays.MAPPER.getFactory().createGenerator(output.stream(),
          JsonEncoding.UTF8);
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      if (shape.length > 0) {
        json.writeStartArray();
      }
    }

    @Override
    void writeRows(Tensor chunk, int count) throws IOException {
      if (shape().length == 0) {
        JsonArrays.writeNumber(json, chunk.getDouble(0), dtype());
        return;
      }
      int[] rowShape = Arrays.copyOfRange(shape(), 1, shape().length);
      double[] values = chunk.toDoubleArray();
      int rowSize = rowSize();
      for (int r = 0; r < count; r++) {
        double[] row = Arrays.copyOfRange(values, r * rowSize, (r + 1) * rowSize);
        JsonArrays.write(json, Tensor.fromDoubles(row, rowShape, dtype()));
      }
    }

    @Override
    void finish() throws IOException {
      if (shape().length > 0) {
        json.writeEndArray();
      }
      json.writeRaw('\n');
      json.flush();
    }
  }
}
