package org.loss4j.cli.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loss4j.api.Loss;
import org.loss4j.api.Reduction;
import org.loss4j.api.ReductionSums;
import org.loss4j.api.Tensor;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.cli.io.ArrayWriter;
import org.loss4j.cli.io.NpyFile;

/**
 * Evaluates a loss over {@code .npy} files in chunks of rows, with memory bounded by the chunk
 * size, and gives the same value as evaluating everything at once.
 *
 * <p>Each chunk's {@link Loss#reductionSums} are added with {@link ReductionSums#plus} and reduced
 * once, so weights, masks, {@code ignore_class} and every reduction follow the loss's own rules,
 * and the value equals the in-memory {@link Loss#compute} bit for bit. The gradient needs the
 * final divisor, so it takes a second pass: each chunk's gradient is that of the same loss with
 * reduction {@code sum}, with the upstream {@link ReductionSums#sumUpstream} of the summed sums.
 *
 * <p>A chunk the loss refuses is reported as the whole input would be: its positions are shifted
 * to global rows and shapes led by the chunk's rows show the full row count, so the message equals
 * the in-memory one. The per-sample and gradient files are moved into place together at the end.
 *
 * <h2>Known limitations</h2>
 *
 * Reduction {@code none} is not streamed (its value is as large as the input). The per-sample loss
 * must keep the batch axis: {@code y_pred} of rank 2 or more. Writing the per-sample losses runs
 * the loss's forward pass a second time per chunk.
 */
public final class StreamingEvaluation {
  /** A position in an input, such as {@code y_true[38529} of {@code y_true[38529, 2]}. */
  private static final Pattern POSITION =
      Pattern.compile("\\b(y_true|y_pred|sample_weight|mask)\\[(\\d+)");
  /** A shape in a message, such as {@code shape [128, 10]}, up to its first dimension. */
  private static final Pattern CHUNK_SHAPE = Pattern.compile("(shapes? )\\[(\\d+)");

  private final Loss loss;
  private final LossRegistry registry;
  private final NpyFile yTrue;
  private final NpyFile yPred;
  private final NpyFile weightFile;
  private final Tensor weightTensor;
  private final int chunkRows;
  private final Path perSamplePath;
  private final Path gradientPath;
  private final Progress progress;
  private final String lossClass;

  private StreamingEvaluation(Builder builder) {
    this.loss = builder.loss;
    this.registry = builder.registry;
    this.yTrue = builder.yTrue;
    this.yPred = builder.yPred;
    this.weightFile = builder.weightFile;
    this.weightTensor = builder.weightTensor;
    this.chunkRows = builder.chunkRows;
    this.perSamplePath = builder.perSamplePath;
    this.gradientPath = builder.gradientPath;
    this.progress = builder.progress;
    this.lossClass = LossNames.className(registry, loss);
  }

  /** Returns a builder for a streamed evaluation of {@code loss} from {@code registry}. */
  public static Builder builder(Loss loss, LossRegistry registry) {
    return new Builder(loss, registry);
  }

  /**
   * Returns whether a loss and inputs of these ranks can be streamed: a reducing reduction and a
   * {@code y_pred} of rank 2 or more.
   */
  public static boolean supports(Loss loss, int yPredRank) {
    return loss.reduction().reduces() && yPredRank >= 2;
  }

  /**
   * Runs the evaluation, writing the per-sample losses and the gradient if asked, and returns the
   * reduced value as a scalar of the loss dtype.
   *
   * @throws IllegalArgumentException if the inputs do not fit the loss or each other
   * @throws UnsupportedOperationException if the loss does not implement
   *     {@link Loss#reductionSums}; nothing has been written then
   */
  public Tensor run() throws IOException {
    int rows = yPred.rows();
    checkInputs(rows);
    ReductionSums sums = ReductionSums.empty();
    List<ArrayWriter> writers = new ArrayList<>();
    try {
      ArrayWriter perSampleOut = null;
      for (int start = 0; start < rows; start += chunkRows) {
        int n = Math.min(chunkRows, rows - start);
        Tensor trueChunk = yTrue.readRows(start, n);
        Tensor predChunk = yPred.readRows(start, n);
        Tensor weights = weighted() ? weightRows(start, n) : null;
        try {
          // Chunks may split only a batch axis that the per-sample loss keeps.
          Tensor perSample = start == 0 || perSamplePath != null
              ? loss.perSample(trueChunk, predChunk) : null;
          if (start == 0) {
            checkBatchAxis(perSample.shape(), n);
          }
          sums = sums.plus(loss.reductionSums(trueChunk, predChunk, weights, null));
          if (perSamplePath != null) {
            if (perSampleOut == null) {
              int[] full = perSample.shape();
              full[0] = rows;
              perSampleOut = ArrayWriter.open(perSamplePath, full, perSample.dtype());
              writers.add(perSampleOut);
            }
            perSampleOut.append(perSample);
          }
        } catch (IllegalArgumentException e) {
          throw inFullInput(e, start, n);
        }
        progress.update(start + n);
      }
      if (gradientPath != null) {
        writers.add(writeGradient(rows, sums.sumUpstream(loss.reduction())));
      }
      ArrayWriter.commitAll(writers);
      Tensor value = sums.reduce(loss.reduction(), loss.dtype());
      progress.finish();
      return value;
    } finally {
      progress.abandon();
      for (ArrayWriter writer : writers) {
        writer.close();
      }
    }
  }

  /**
   * Returns the refusal of a chunk restated for the whole input: positions such as
   * {@code y_true[38529]} become global rows ({@code y_true[10000001]}) and shapes whose first axis
   * is the chunk's rows become the full shape, so that the message reads as it would in memory.
   */
  private IllegalArgumentException inFullInput(IllegalArgumentException e, int start, int n) {
    String message = String.valueOf(e.getMessage());
    Matcher positions = POSITION.matcher(message);
    StringBuilder global = new StringBuilder();
    while (positions.find()) {
      long row = Long.parseLong(positions.group(2)) + start;
      positions.appendReplacement(global, Matcher.quoteReplacement(positions.group(1) + "[" + row));
    }
    positions.appendTail(global);
    Matcher shapes = CHUNK_SHAPE.matcher(global.toString());
    StringBuilder full = new StringBuilder();
    while (shapes.find()) {
      String replacement = Integer.parseInt(shapes.group(2)) == n
          ? shapes.group(1) + "[" + yPred.rows() : shapes.group();
      shapes.appendReplacement(full, Matcher.quoteReplacement(replacement));
    }
    shapes.appendTail(full);
    return new IllegalArgumentException(full.toString(), e);
  }

  private boolean weighted() {
    return weightFile != null || weightTensor != null;
  }

  private void checkBatchAxis(int[] shape, int n) {
    if (shape.length == 0 || shape[0] != n) {
      throw new IllegalArgumentException(lossClass + ": the per-sample loss of shape "
          + Tensor.formatShape(shape) + " does not keep the batch axis, so it cannot be"
          + " streamed; evaluate it in memory");
    }
  }

  private void checkInputs(int rows) {
    if (yTrue.rows() != rows) {
      throw new IllegalArgumentException(String.format(
          "%s: y_true shape %s does not match y_pred shape %s, expected the same number of"
              + " samples (%d against %d)",
          lossClass, Tensor.formatShape(yTrue.header().shape()),
          Tensor.formatShape(yPred.header().shape()), yTrue.rows(), rows));
    }
    if (weightFile != null && weightFile.rows() != rows) {
      throw new IllegalArgumentException(String.format(
          "%s: sample_weight has %d rows but y_pred has %d", lossClass,
          weightFile.rows(), rows));
    }
  }

  private Tensor weightRows(int start, int n) throws IOException {
    if (weightFile != null) {
      return weightFile.readRows(start, n);
    }
    int[] shape = weightTensor.shape();
    if (shape.length == 0 || shape[0] != yPred.rows()) {
      return weightTensor;
    }
    int rowSize = weightTensor.size() / shape[0];
    double[] values = Arrays.copyOfRange(
        weightTensor.toDoubleArray(), start * rowSize, (start + n) * rowSize);
    int[] chunkShape = shape.clone();
    chunkShape[0] = n;
    return Tensor.fromDoubles(values, chunkShape, weightTensor.dtype());
  }

  /** Writes the gradient, complete but not yet moved into place; the caller closes it. */
  private ArrayWriter writeGradient(int rows, Tensor upstream) throws IOException {
    Loss summing = registry.create(loss.config().with("reduction", Reduction.SUM.kerasName()));
    int[] shape = yPred.header().shape();
    ArrayWriter out = ArrayWriter.open(gradientPath, shape, loss.dtype());
    try {
      for (int start = 0; start < rows; start += chunkRows) {
        int n = Math.min(chunkRows, rows - start);
        Tensor weights = weighted() ? weightRows(start, n) : null;
        try {
          out.append(summing.gradient(yTrue.readRows(start, n), yPred.readRows(start, n),
              weights, null, upstream));
        } catch (IllegalArgumentException e) {
          throw inFullInput(e, start, n);
        }
        progress.update(rows + start + n);
      }
      return out;
    } catch (IOException | RuntimeException e) {
      out.close();
      throw e;
    }
  }

  /** Collects the inputs of a {@link StreamingEvaluation}. */
  public static final class Builder {
    private final Loss loss;
    private final LossRegistry registry;
    private NpyFile yTrue;
    private NpyFile yPred;
    private NpyFile weightFile;
    private Tensor weightTensor;
    private int chunkRows = 1024;
    private Path perSamplePath;
    private Path gradientPath;
    private Progress progress = Progress.silent();

    private Builder(Loss loss, LossRegistry registry) {
      this.loss = loss;
      this.registry = registry;
    }

    /** Sets the open {@code y_true} and {@code y_pred} files; both are required. */
    public Builder inputs(NpyFile yTrue, NpyFile yPred) {
      this.yTrue = yTrue;
      this.yPred = yPred;
      return this;
    }

    /** Sets {@code sample_weight} streamed from a file with one row per sample. */
    public Builder sampleWeight(NpyFile weights) {
      this.weightFile = weights;
      return this;
    }

    /**
     * Sets {@code sample_weight} held in memory: a scalar, a tensor broadcast to every chunk, or
     * one with a leading axis of the batch size, sliced per chunk.
     */
    public Builder sampleWeight(Tensor weights) {
      this.weightTensor = weights;
      return this;
    }

    /**
     * Sets how many samples each chunk holds; default 1024.
     *
     * @throws IllegalArgumentException if {@code rows < 1}
     */
    public Builder chunkRows(int rows) {
      if (rows < 1) {
        throw new IllegalArgumentException("--chunk-rows must be >= 1, got " + rows);
      }
      this.chunkRows = rows;
      return this;
    }

    /** Sets where to write the per-sample losses; null for nowhere. */
    public Builder perSample(Path path) {
      this.perSamplePath = path;
      return this;
    }

    /** Sets where to write the gradient with respect to {@code y_pred}; null for nowhere. */
    public Builder gradient(Path path) {
      this.gradientPath = path;
      return this;
    }

    /** Sets the progress display; default silent. */
    public Builder progress(Progress progress) {
      this.progress = progress;
      return this;
    }

    /** Returns the evaluation. */
    public StreamingEvaluation build() {
      if (yTrue == null || yPred == null) {
        throw new IllegalStateException("inputs(yTrue, yPred) is required");
      }
      return new StreamingEvaluation(this);
    }
  }
}
