/**
 * Connectionist temporal classification: the {@link org.loss4j.ctc.CTC} loss with Keras 3's
 * conventions, its gradient with respect to the logits, and {@link org.loss4j.ctc.CtcDecoder}
 * for greedy and beam-search decoding.
 */
package org.loss4j.ctc;
