/**
 * The float32 row kernels of loss-core on the scalar path: the reference formulas of
 * {@code org.loss4j.core.kernel} in double, read from float32 inputs and fused into one pass.
 * Not exported.
 */
package org.loss4j.core.internal.kernel;
