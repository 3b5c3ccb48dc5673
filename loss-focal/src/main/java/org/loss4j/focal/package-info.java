/**
 * The focal losses of Keras 3: {@link org.loss4j.focal.BinaryFocalCrossentropy} and
 * {@link org.loss4j.focal.CategoricalFocalCrossentropy}, with their providers for the
 * {@link org.loss4j.api.registry.LossRegistry}.
 *
 * <p>Both multiply a cross-entropy by the focal factor {@code (1 - p)^gamma} of Lin et al.
 * (2018), which down-weights the examples a model already gets right.
 */
package org.loss4j.focal;
