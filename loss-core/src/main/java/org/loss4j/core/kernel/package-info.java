/**
 * Numeric kernels the loss modules share: Keras's clipping bounds, the stable binary
 * cross-entropy from logits and from probabilities, and, along any axis addressed by
 * {@link org.loss4j.core.kernel.ClassAxis}, the log-softmax, the softmax and the renormalisation
 * of probabilities, each with its vector-Jacobian product; and the input checks every loss
 * module applies before computing ({@link org.loss4j.core.kernel.InputChecks}).
 */
package org.loss4j.core.kernel;
