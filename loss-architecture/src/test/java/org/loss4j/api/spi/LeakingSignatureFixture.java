package org.loss4j.api.spi;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Architecture fixture, deliberately wrong: public signatures in loss-api's SPI package that
 * expose Guava and slf4j types. Its private method and its JDK-only method are allowed.
 */
public final class LeakingSignatureFixture {
  /** Returns a Guava list: a third-party type in a public signature. */
  public ImmutableList<String> guavaReturn() {
    return ImmutableList.of();
  }

  /** Takes an slf4j logger nested in a JDK generic: still a third-party type. */
  public void slf4jArgument(Map<String, List<Logger>> loggers) {
    loggers.clear();
  }

  /** Uses only JDK types. */
  public List<String> jdkOnly(Map<String, Integer> counts) {
    return List.copyOf(counts.keySet());
  }

  private ImmutableList<String> privateGuava() {
    return ImmutableList.of("hidden");
  }

  /** Calls the private method, so that it is used. */
  public int hiddenSize() {
    return privateGuava().size();
  }
}
