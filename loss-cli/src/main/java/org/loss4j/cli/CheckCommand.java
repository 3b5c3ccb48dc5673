package org.loss4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "check", description = "placeholder")
final class CheckCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new IllegalStateException("check is not written yet");
  }
}
