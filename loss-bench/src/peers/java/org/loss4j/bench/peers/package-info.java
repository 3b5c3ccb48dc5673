/**
 * Benchmarks of the JVM peers (TF Java, ND4J, DJL with PyTorch) on the workloads of
 * {@link org.loss4j.bench.internal.Workload}. Compiled only under the {@code peers} Maven
 * profile; see the module's README for how to run them.
 */
package org.loss4j.bench.peers;
