package org.loss4j.cli.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.loss4j.api.Loss;
import org.loss4j.api.Reduction;
import org.loss4j.api.ReductionSums;
import org.loss4j.api.Tensor;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.api.spi.LossProvider;
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
 * <p>A chunk the loss refuses is reported with the loss's message unchanged, followed by the rows
 * the chunk holds: the positions and shapes in it count within the chunk. The per-sample and
 * gradient files are moved into place together at the end.
 *
 * <h2>Known limitations</h2>
 *
 * Reduction {@code none} is not streamed (its value is as large as the input). The per-sample loss
 * must keep the batch axis: {@code y_pred} of rank 2 or more. Writing the per-sample losses runs
 * the loss's forward pass a second time per chunk.
 */
public final class StreamingEvaluation {
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
    this.lossClass = registry.find(loss.config().loss()).map(LossProvider::className)
        .orElse(loss.config().loss());
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
        Tensor perSample;
        try {
          perSample = start == 0 || perSamplePath != null
              ? loss.perSample(trueChunk, predChunk) : null;
        } catch (IllegalArgumentException e) {
          throw inChunk(e, start, n);
        }
        // Chunks may split only a batch axis that the per-sample loss keeps.
        if (start == 0) {
          checkBatchAxis(perSample.shape(), n);
        }
        try {
          sums = sums.plus(loss.reductionSums(trueChunk, predChunk, weights, null));
        } catch (IllegalArgumentException e) {
          throw inChunk(e, start, n);
        }
        if (perSamplePath != null) {
          if (perSampleOut == null) {
            int[] full = perSample.shape();
            full[0] = rows;
            perSampleOut = ArrayWriter.open(perSamplePath, full, perSample.dtype());
            writers.add(perSampleOut);
          }
          perSampleOut.append(perSample);
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
   * Returns the refusal of a chunk with where the chunk lies: the loss's message unchanged, whose
   * positions and shapes are the chunk's since the loss saw only the chunk, followed by
   * {@code , in the chunk of rows 8..11 of 13, which the loss checked on its own (its row 0 is
   * row 8)}.
   */
  private IllegalArgumentException inChunk(IllegalArgumentException e, int start, int n) {
    return new IllegalArgumentException(e.getMessage() + ", in the chunk of rows " + start + ".."
        + (start + n - 1) + " of " + yPred.rows() + ", which the loss checked on its own (its row"
        + " 0 is row " + start + ")", e);
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
          throw inChunk(e, start, n);
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
