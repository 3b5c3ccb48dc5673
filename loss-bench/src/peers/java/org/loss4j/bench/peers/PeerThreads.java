package org.loss4j.bench.peers;

/**
 * The number of compute threads a peer may use for one call, from the system property
 * {@value #PROPERTY} (default 1). The run script sets it per JMH run, together with the
 * peers' own switches that must be set before their engines start.
 */
final class PeerThreads {
  /** The system property that holds the thread count. */
  static final String PROPERTY = "bench.threads";

  private PeerThreads() {}

  /** Returns the thread count, at least 1. */
  static int count() {
    return Math.max(1, Integer.getInteger(PROPERTY, 1));
  }
}
