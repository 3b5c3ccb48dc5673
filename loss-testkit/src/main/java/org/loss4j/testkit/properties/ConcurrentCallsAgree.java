package org.loss4j.testkit.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.loss4j.api.Loss;
import org.loss4j.api.Tensor;
import org.loss4j.testkit.model.Capability;
import org.loss4j.testkit.model.Sample;

/**
 * Checks that one loss instance called from several threads at once gives, in every call, the
 * very same values (bit for bit) as a call from one thread: {@code perSample}, {@code compute}
 * and, when declared, {@code gradient}.
 *
 * <p>On failure: the loss keeps mutable state (a scratch buffer in a field, a lazily filled cache
 * without safe publication) or sums in an order that depends on scheduling.
 */
public final class ConcurrentCallsAgree implements LossProperty {
  static final int THREADS = 4;

  static final int CALLS_PER_THREAD = 25;

  private static final long TIMEOUT_SECONDS = 60;

  @Override
  public String id() {
    return "property.threads.concurrent-calls-agree";
  }

  @Override
  public Set<Capability> requires() {
    return Set.of();
  }

  @Override
  public void check(LossUnderTest subject) {
    Sample sample = subject.sample();
    Loss loss = subject.create();
    boolean gradient = subject.has(Capability.GRADIENT);
    List<Tensor> reference = evaluate(loss, sample, gradient);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        results.add(pool.submit(() -> {
          start.await();
          for (int call = 0; call < CALLS_PER_THREAD; call++) {
            List<Tensor> values = evaluate(loss, sample, gradient);
            if (!values.equals(reference)) {
              return "call " + call + " on " + Thread.currentThread().getName() + " gave "
                  + values + ", one thread alone gave " + reference;
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<String> result : results) {
        String problem = result.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (problem != null) {
          throw new AssertionError("concurrent calls disagree: " + problem);
        }
      }
    } catch (ExecutionException e) {
      throw new AssertionError("a concurrent call threw " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for concurrent calls", e);
    } catch (TimeoutException e) {
      throw new AssertionError("concurrent calls did not finish in " + TIMEOUT_SECONDS + " s", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static List<Tensor> evaluate(Loss loss, Sample sample, boolean gradient) {
    List<Tensor> values = new ArrayList<>();
    values.add(loss.perSample(sample.yTrue(), sample.yPred()));
    values.add(loss.compute(sample.yTrue(), sample.yPred()));
    if (gradient) {
      values.add(loss.gradient(sample.yTrue(), sample.yPred()));
    }
    return values;
  }
}
