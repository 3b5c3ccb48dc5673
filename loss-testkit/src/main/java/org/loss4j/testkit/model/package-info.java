/**
 * The vocabulary of the conformance kit: what a loss declares it supports
 * ({@link org.loss4j.testkit.model.Capability}), the inputs the kit may use
 * ({@link org.loss4j.testkit.model.Sample}), and the outcome of each check.
 */
package org.loss4j.testkit.model;
