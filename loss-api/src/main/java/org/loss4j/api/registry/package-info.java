/**
 * Finding losses by name: {@link org.loss4j.api.registry.LossRegistry} discovers the
 * {@link org.loss4j.api.spi.LossProvider}s installed on the class path or module path, or holds
 * providers registered by hand, and builds losses from Keras-named parameters.
 */
package org.loss4j.api.registry;
