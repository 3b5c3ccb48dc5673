/**
 * The float32 row kernels of loss-core in plain Java: the reference formulas of
 * {@code org.loss4j.core.kernel} in double ({@code BinaryRows}, ...), which every faster kernel
 * falls back to for a row whose result is not finite, and the scalar path's kernels
 * ({@code FloatBinaryRows}, ...), which compute in float32 as the vector kernels do. Not
 * exported.
 */
package org.loss4j.core.internal.kernel;
