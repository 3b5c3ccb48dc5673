/**
 * JMH benchmarks of the loss4j kernels. They never run in the normal build: package the module
 * and run {@code java -jar loss-bench/target/benchmarks.jar}.
 */
package org.loss4j.bench;
