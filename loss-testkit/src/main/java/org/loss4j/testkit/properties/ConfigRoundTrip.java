package org.loss4j.testkit.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.Tensor;
import org.loss4j.testkit.model.Capability;
import org.loss4j.testkit.model.Sample;

/**
 * Checks that {@code registry.create(loss.config())} rebuilds an equal loss: an equal
 * configuration, {@code equals} true, and identical per-sample values, for the default
 * configuration and for {@code reduction = "sum"} (plus {@code from_logits = true} and
 * {@code dtype = "float64"} when declared).
 *
 * <p>On failure: {@code config()} leaves out an argument, reports a value other than the one in
 * effect, names a loss the registry does not know, or {@code equals} is not overridden (extend
 * {@code AbstractLoss}, which compares configurations).
 */
public final class ConfigRoundTrip implements LossProperty {
  @Override
  public String id() {
    return "property.config.round-trip";
  }

  @Override
  public Set<Capability> requires() {
    return Set.of();
  }

  @Override
  public void check(LossUnderTest subject) {
    List<Object[]> variants = new ArrayList<>();
    variants.add(new Object[0]);
    variants.add(new Object[] {"reduction", "sum"});
    if (subject.has(Capability.FROM_LOGITS)) {
      variants.add(new Object[] {"from_logits", true});
    }
    if (subject.has(Capability.FLOAT64)) {
      variants.add(new Object[] {"dtype", "float64"});
    }
    for (Object[] variant : variants) {
      Loss loss = subject.create(variant);
      LossConfig config = loss.config();
      Loss rebuilt = subject.registry().create(config);
      if (!rebuilt.config().equals(config)) {
        throw new AssertionError("config " + config + " rebuilds a loss whose config is "
            + rebuilt.config());
      }
      if (!rebuilt.equals(loss)) {
        throw new AssertionError(loss + " and the loss rebuilt from its config " + config
            + " are not equal (override equals, or extend AbstractLoss)");
      }
      if (subject.findSample().isPresent()) {
        Sample sample = subject.sample();
        boolean logits = config.has("from_logits") && Boolean.TRUE.equals(
            config.get("from_logits"));
        Tensor yPred = logits ? sample.logits() : sample.yPred();
        if (!rebuilt.perSample(sample.yTrue(), yPred)
            .equals(loss.perSample(sample.yTrue(), yPred))) {
          throw new AssertionError("the loss rebuilt from " + config
              + " gives other per-sample values than the original");
        }
      }
    }
  }
}
