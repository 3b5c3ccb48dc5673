/**
 * Helpers of the loss classes in {@code org.loss4j.core}: argument validation, reading
 * configuration values, and the choice of each loss's row kernel on the active path. Input
 * checks live in {@link org.loss4j.core.kernel.InputChecks}. Not exported from the module;
 * nothing outside loss-core may use it.
 */
package org.loss4j.core.internal;
