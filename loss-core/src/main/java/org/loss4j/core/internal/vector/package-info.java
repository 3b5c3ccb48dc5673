/**
 * The float32 row kernels of loss-core on the vector path, written with the incubator module
 * {@code jdk.incubator.vector}. Loaded only after {@code KernelPath} found the module; each
 * kernel ends a row on scalar code and hands a row whose result is not finite (an infinite logit,
 * NaN) to its scalar parent, so that edge cases follow the reference formulas. Not exported.
 */
package org.loss4j.core.internal.vector;
