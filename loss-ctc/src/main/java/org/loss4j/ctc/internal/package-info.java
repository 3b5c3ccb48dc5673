/**
 * The CTC kernels: input validation, the per-frame softmax, the forward-backward recursion in
 * scaled linear space and in log space, the per-sequence evaluation that chooses between them,
 * and the prefix beam search. Not exported; use {@link org.loss4j.ctc.CTC} and
 * {@link org.loss4j.ctc.CtcDecoder}.
 */
package org.loss4j.ctc.internal;
