/**
 * Element-wise and per-lane kernels of the focal losses, with their derivatives; used only by
 * {@code org.loss4j.focal} and never exported.
 */
package org.loss4j.focal.internal;
