package org.loss4j.testkit;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.loss4j.testkit.model.ConformanceResult;
import org.loss4j.testkit.model.Status;

/**
 * The results of {@link LossConformance.Builder#run()} for one provider, in the order the checks
 * ran, for callers without JUnit (such as the CLI's {@code check} command).
 *
 * <pre>{@code
 * ConformanceReport report = LossConformance.of(provider).detectingCapabilities().run();
 * if (!report.isSuccessful()) {
 *   report.failures().forEach(System.out::println);
 * }
 * }</pre>
 */
public final class ConformanceReport {
  private final String provider;
  private final List<ConformanceResult> results;

  /**
   * Creates a report.
   *
   * @param provider a description of the provider checked; never null
   * @param results the results in order; never null
   */
  public ConformanceReport(String provider, List<ConformanceResult> results) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.results = List.copyOf(results);
  }

  /** Returns the provider checked, as {@code name (class)}. */
  public String provider() {
    return provider;
  }

  /** Returns every result, in the order the checks ran. */
  public List<ConformanceResult> results() {
    return results;
  }

  /** Returns the results with the given status. */
  public List<ConformanceResult> withStatus(Status status) {
    return results.stream().filter(r -> r.status() == status).collect(Collectors.toList());
  }

  /** Returns the failed results. */
  public List<ConformanceResult> failures() {
    return withStatus(Status.FAILED);
  }

  /** Returns how many checks had the given status. */
  public int count(Status status) {
    return withStatus(status).size();
  }

  /** Returns whether no check failed (skipped checks do not count against the loss). */
  public boolean isSuccessful() {
    return failures().isEmpty();
  }

  /**
   * Returns a one-line summary, such as
   * {@code poly1 (org.acme.Poly1Provider): 40 passed, 0 failed, 3 skipped}.
   */
  public String summary() {
    return String.format("%s: %d passed, %d failed, %d skipped", provider, count(Status.PASSED),
        count(Status.FAILED), count(Status.SKIPPED));
  }

  /** Returns the summary followed by one line per result. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(summary());
    for (ConformanceResult result : results) {
      text.append(System.lineSeparator()).append("  ").append(result);
    }
    return text.toString();
  }
}
