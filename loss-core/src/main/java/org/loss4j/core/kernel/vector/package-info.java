/**
 * Lanewise float32 functions for row kernels on the vector path, for loss-core and for other
 * modules' kernels. Every class here uses {@code jdk.incubator.vector}: load one only after
 * {@link org.loss4j.core.kernel.KernelPath#active()} returned {@code VECTOR}.
 */
package org.loss4j.core.kernel.vector;
