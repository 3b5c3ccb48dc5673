/**
 * Keras interop: the loss a Keras model was compiled with, on the JVM, with every argument kept.
 *
 * <p>{@link org.loss4j.keras.KerasLossReader} reads a {@code .keras} model file, a
 * {@code compile_config} or one serialized loss, and builds the losses through a
 * {@link org.loss4j.api.registry.LossRegistry}; {@link org.loss4j.keras.KerasLossWriter} writes any
 * loss4j loss in the form Keras's {@code keras.losses.serialize} gives, which Keras's
 * {@code keras.losses.deserialize} reads back. Keys and defaults follow Keras 3.13 (see the
 * reader's and writer's "Differences from Keras").
 */
package org.loss4j.keras;
