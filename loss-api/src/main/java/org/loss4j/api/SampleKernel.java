package org.loss4j.api;

/**
 * A loss's single pass over float32 inputs: the loss of a range of per-sample elements and, in the
 * same pass, their share of the gradient. {@link AbstractLoss} asks a loss for one through
 * {@link AbstractLoss#sampleKernel} and, for large inputs, runs disjoint ranges on several
 * threads.
 *
 * <p>Per-sample element {@code i} is element {@code i} of the per-sample loss, row-major. For the
 * result not to depend on how the range is split, an implementation computes every element from
 * its own inputs only, and writes only the gradient entries those inputs occupy.
 *
 * <pre>{@code
 * values[i]            = loss_i
 * gradient[j]          = upstream[i] * d loss_i / d y_pred[j]   for every y_pred[j] of sample i
 * }</pre>
 */
public interface SampleKernel {

  /** Returns how many {@code y_pred} elements one per-sample element reads; sizes the blocks. */
  int elementsPerSample();

  /**
   * Evaluates the per-sample elements {@code from} (inclusive) to {@code to} (exclusive).
   *
   * @param values receives the unweighted loss of each element at its own index
   * @param upstream the derivative of the caller's result with respect to each per-sample
   *     loss, indexed like {@code values}; null for the loss alone
   * @param gradient receives the gradient, row-major in the shape of {@code y_pred}; written
   *     only when {@code upstream} is not null
   */
  void evaluate(int from, int to, double[] values, double[] upstream, float[] gradient);
}
