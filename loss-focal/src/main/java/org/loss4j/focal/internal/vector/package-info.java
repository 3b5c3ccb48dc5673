/**
 * The focal row kernels on the vector path ({@code jdk.incubator.vector}); loaded only when
 * {@code KernelPath.active()} is {@code VECTOR}. Not exported.
 */
package org.loss4j.focal.internal.vector;
