package org.loss4j.core.archfixture;

import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Architecture fixture, deliberately wrong: library code that uses logback directly. */
public final class LogsWithLogback {
  /** Returns the logback logger behind slf4j. */
  public static Logger logger() {
    return (Logger) LoggerFactory.getLogger(LogsWithLogback.class);
  }
}
