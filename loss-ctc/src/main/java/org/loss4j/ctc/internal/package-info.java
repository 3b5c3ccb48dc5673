/**
 * The CTC kernels: input validation, log-space arithmetic, the forward-backward recursion and
 * the prefix beam search. Not exported; use {@link org.loss4j.ctc.CTC} and
 * {@link org.loss4j.ctc.CtcDecoder}.
 */
package org.loss4j.ctc.internal;
