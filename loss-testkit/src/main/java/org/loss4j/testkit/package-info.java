/**
 * The conformance kit's entry point: {@link org.loss4j.testkit.LossConformance} runs the
 * properties of {@code org.loss4j.testkit.properties} and the data cases of
 * {@code org.loss4j.testkit.cases} against a provider, as JUnit 5 dynamic tests or as a
 * {@link org.loss4j.testkit.ConformanceReport}; {@link
 * org.loss4j.testkit.assertions.TensorAssertions} holds tensor assertions for anyone's tests.
 */
package org.loss4j.testkit;
