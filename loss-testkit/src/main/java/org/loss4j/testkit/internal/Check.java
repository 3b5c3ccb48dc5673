package org.loss4j.testkit.internal;

import java.util.Set;
import org.loss4j.testkit.model.Capability;
import org.loss4j.testkit.model.ConformanceResult;
import org.loss4j.testkit.model.Level;
import org.loss4j.testkit.model.Status;
import org.opentest4j.TestAbortedException;

/**
 * One runnable check of the kit: a stable id, the group it is shown in, the capabilities it needs
 * and its body. A body signals failure with an {@link AssertionError} (or any unexpected
 * exception) and a skip with {@link TestAbortedException}.
 */
public final class Check {
  private final String id;
  private final String group;
  private final Set<Capability> requires;
  private final Runnable body;

  /** Creates a check. */
  public Check(String id, String group, Set<Capability> requires, Runnable body) {
    this.id = id;
    this.group = group;
    this.requires = Set.copyOf(requires);
    this.body = body;
  }

  /** Returns the stable id. */
  public String id() {
    return id;
  }

  /** Returns the group shown as the container of the check. */
  public String group() {
    return group;
  }

  /** Returns the required level when no capability is needed, optional otherwise. */
  public Level level() {
    return requires.isEmpty() ? Level.REQUIRED : Level.OPTIONAL;
  }

  /** Returns the capabilities the check needs. */
  public Set<Capability> requires() {
    return requires;
  }

  /** Returns the test name: {@code id [level]}. */
  public String displayName() {
    return id + " [" + level().label() + "]";
  }

  /** Runs the body; throws what it throws. */
  public void execute() {
    body.run();
  }

  /**
   * Runs the body (unless {@code skipReason} is non-null) and records the outcome.
   *
   * @param skipReason why the check must not run, or null
   */
  public ConformanceResult run(String skipReason) {
    if (skipReason != null) {
      return new ConformanceResult(id, level(), Status.SKIPPED, skipReason);
    }
    try {
      body.run();
      return new ConformanceResult(id, level(), Status.PASSED, "");
    } catch (TestAbortedException e) {
      return new ConformanceResult(id, level(), Status.SKIPPED, String.valueOf(e.getMessage()));
    } catch (AssertionError e) {
      return new ConformanceResult(id, level(), Status.FAILED, String.valueOf(e.getMessage()));
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      return new ConformanceResult(id, level(), Status.FAILED, "threw " + e);
    }
  }
}
