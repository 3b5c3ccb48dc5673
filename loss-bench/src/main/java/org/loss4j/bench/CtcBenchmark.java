package org.loss4j.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.loss4j.api.LossAndGradient;
import org.loss4j.api.Tensor;
import org.loss4j.ctc.CTC;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Measures {@link CTC} on a speech-sized batch: 16 samples of 200 frames over 32 classes (the
 * blank included), each with a label of 40 entries, in float32 (Keras's default).
 *
 * <p>{@link #forward} is the reduced loss; {@link #forwardAndGradient} adds the gradient with
 * respect to the logits. Run with
 * {@code java -jar loss-bench/target/benchmarks.jar CtcBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class CtcBenchmark {
  private static final int BATCH = 16;
  private static final int FRAMES = 200;
  private static final int CLASSES = 32;
  private static final int LABEL_LENGTH = 40;

  private CTC ctc;
  private Tensor labels;
  private Tensor logits;

  /** Draws labels in 1..31 and logits in [-3, 3) with a fixed seed. */
  @Setup
  public void setUp() {
    Random random = new Random(42);
    int[] labelValues = new int[BATCH * LABEL_LENGTH];
    for (int i = 0; i < labelValues.length; i++) {
      labelValues[i] = 1 + random.nextInt(CLASSES - 1);
    }
    float[] logitValues = new float[BATCH * FRAMES * CLASSES];
    for (int i = 0; i < logitValues.length; i++) {
      logitValues[i] = 6 * random.nextFloat() - 3;
    }
    ctc = CTC.builder().build();
    labels = Tensor.ofInts(labelValues, BATCH, LABEL_LENGTH);
    logits = Tensor.of(logitValues, BATCH, FRAMES, CLASSES);
  }

  /** Returns the mean CTC loss of the batch. */
  @Benchmark
  public Tensor forward() {
    return ctc.compute(labels, logits);
  }

  /** Returns the mean CTC loss of the batch and its gradient with respect to the logits. */
  @Benchmark
  public LossAndGradient forwardAndGradient() {
    return ctc.valueAndGradient(labels, logits, null, null);
  }
}
