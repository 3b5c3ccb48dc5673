/**
 * Numeric kernels the loss modules share: Keras's clipping bounds, the stable binary
 * cross-entropy from logits and from probabilities, and the log-softmax along any axis.
 */
package org.loss4j.core.kernel;
