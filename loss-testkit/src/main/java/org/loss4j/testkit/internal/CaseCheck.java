package org.loss4j.testkit.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.loss4j.api.Loss;
import org.loss4j.api.Tensor;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.testkit.assertions.TensorAssertions;
import org.loss4j.testkit.cases.LossCase;
import org.loss4j.testkit.model.Capability;

/**
 * Runs one data case against a provider: builds the loss from the case's configuration, calls it
 * on the case's inputs, and compares with the expected value, or expects an
 * {@link IllegalArgumentException} for an error case.
 *
 * <p>A case applies to a provider whose names include the case's {@code loss} (ignoring case). A
 * {@code loss} of the form {@code fn:name} is Keras's functional form: it runs
 * {@link Loss#perSample} (no weights, no reduction).
 */
public final class CaseCheck {
  private static final String FUNCTIONAL = "fn:";

  private CaseCheck() {}

  /** Returns whether the case is about a loss answering to one of the names. */
  public static boolean appliesTo(LossCase lossCase, List<String> names) {
    String wanted = lossName(lossCase).toLowerCase(Locale.ROOT);
    return names.stream().anyMatch(name -> name.toLowerCase(Locale.ROOT).equals(wanted));
  }

  private static String lossName(LossCase lossCase) {
    String loss = lossCase.loss();
    return loss.startsWith(FUNCTIONAL) ? loss.substring(FUNCTIONAL.length()) : loss;
  }

  /** Returns the capabilities the case needs: weights, mask, logits, float64. */
  public static Set<Capability> requires(LossCase lossCase) {
    Set<Capability> needed = EnumSet.noneOf(Capability.class);
    if (lossCase.sampleWeight().isPresent()) {
      needed.add(Capability.SAMPLE_WEIGHT);
    }
    if (lossCase.mask().isPresent()) {
      needed.add(Capability.MASK);
    }
    Map<String, Object> config = lossCase.config();
    if (Boolean.TRUE.equals(config.get("from_logits"))) {
      needed.add(Capability.FROM_LOGITS);
    }
    if ("float64".equals(config.get("dtype"))) {
      needed.add(Capability.FLOAT64);
    }
    return needed;
  }

  /**
   * Runs the case.
   *
   * @throws AssertionError if the value differs beyond the case's tolerance, or an error case is
   *     not refused with an {@link IllegalArgumentException}
   */
  public static void run(LossCase lossCase, LossRegistry registry) {
    if (lossCase.expectedError().isPresent()) {
      runErrorCase(lossCase, registry);
      return;
    }
    Tensor actual = evaluate(lossCase, registry);
    Tensor expected = lossCase.expected().orElseThrow(() -> new AssertionError(
        lossCase.id() + " has neither an expected value nor an expected error"));
    TensorAssertions.assertAllClose(expected, actual, lossCase.rtol(), lossCase.atol(),
        lossCase.id() + " (" + lossCase.note() + ")");
  }

  private static Tensor evaluate(LossCase lossCase, LossRegistry registry) {
    Loss loss = registry.create(lossName(lossCase), lossCase.config());
    if (lossCase.loss().startsWith(FUNCTIONAL)) {
      return loss.perSample(lossCase.yTrue(), lossCase.yPred());
    }
    return loss.compute(lossCase.yTrue(), lossCase.yPred(),
        lossCase.sampleWeight().orElse(null), lossCase.mask().orElse(null));
  }

  private static void runErrorCase(LossCase lossCase, LossRegistry registry) {
    Tensor value;
    try {
      value = evaluate(lossCase, registry);
    } catch (IllegalArgumentException expected) {
      return;
    } catch (RuntimeException e) {
      throw new AssertionError(lossCase.id() + ": expected an IllegalArgumentException ("
          + lossCase.expectedError().get() + "), got " + e, e);
    }
    throw new AssertionError(lossCase.id() + ": expected an IllegalArgumentException ("
        + lossCase.expectedError().get() + "), got the value " + value);
  }
}
