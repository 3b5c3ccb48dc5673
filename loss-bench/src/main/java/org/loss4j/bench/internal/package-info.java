/**
 * Inputs, the scalar baseline and the table of ratios shared by the loss4j benchmarks and the
 * peer benchmarks; nothing here is API.
 */
package org.loss4j.bench.internal;
