/**
 * Keras's probabilistic losses that need no extra machinery: {@link
 * org.loss4j.core.BinaryCrossentropy}, {@link org.loss4j.core.CategoricalCrossentropy}, {@link
 * org.loss4j.core.SparseCategoricalCrossentropy}, {@link org.loss4j.core.Poisson} and {@link
 * org.loss4j.core.KLDivergence}, each with a builder, its analytic gradient and a
 * {@link org.loss4j.api.spi.LossProvider} that registers it under its Keras names.
 *
 * <pre>{@code
 * Loss bce = BinaryCrossentropy.builder().fromLogits(true).labelSmoothing(0.1).build();
 * Loss same = LossRegistry.global().create("bce", Map.of("from_logits", true,
 *     "label_smoothing", 0.1));
 * }</pre>
 */
package org.loss4j.core;
