/**
 * Helpers of the loss classes in {@code org.loss4j.core}: argument validation and
 * reading configuration values. Input checks live in {@link org.loss4j.core.kernel.InputChecks}.
 * Not exported from the module; nothing outside loss-core may use it.
 */
package org.loss4j.core.internal;
