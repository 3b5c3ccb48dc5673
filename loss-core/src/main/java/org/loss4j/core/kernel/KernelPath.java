package org.loss4j.core.kernel;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which float32 kernels this JVM runs: {@link #VECTOR}, on the Vector API of the incubator module
 * {@code jdk.incubator.vector}, or {@link #SCALAR}, plain Java that needs no module.
 *
 * <p>The path is chosen once, when first asked: the vector path when the module is in the boot
 * layer (start the JVM with {@code --add-modules jdk.incubator.vector}) and its kernels pass a
 * self-check, the scalar path otherwise. The system property {@code loss4j.kernels} set to
 * {@code scalar} forces the scalar path; set to {@code vector}, it makes a JVM without the
 * module fail instead of falling back. The choice and its reason are logged once at DEBUG.
 */
public enum KernelPath {
  /** Lanewise float32 arithmetic on {@code jdk.incubator.vector}, rows ending on scalar code. */
  VECTOR,
  /** Plain Java: the same float32 formulas one element at a time, fused. */
  SCALAR;

  /** The system property that forces a path: {@code scalar}, {@code vector} or {@code auto}. */
  public static final String PROPERTY = "loss4j.kernels";

  private static final String MODULE = "jdk.incubator.vector";
  private static final String SELF_CHECK = "org.loss4j.core.internal.vector.VectorSelfCheck";
  private static final Logger LOG = LoggerFactory.getLogger(KernelPath.class);

  /**
   * Returns the path of this JVM, chosen on the first call.
   *
   * @throws IllegalStateException on every call, if {@link #PROPERTY} names no path or asks
   *     for the vector path where it cannot run
   */
  public static KernelPath active() {
    if (Chosen.PROBLEM != null) {
      throw new IllegalStateException(Chosen.PROBLEM);
    }
    return Chosen.PATH;
  }

  /**
   * Returns the path and why it was chosen, such as {@code vector path (8 float lanes (256
   * bits))} or {@code scalar path (jdk.incubator.vector is not in the boot layer; ...)}: the line
   * logged at DEBUG, for a program to show.
   *
   * @throws IllegalStateException as {@link #active()} does
   */
  public static String describeActive() {
    active();
    return Chosen.DESCRIPTION;
  }

  private static final class Chosen {
    static final String DESCRIPTION;
    static final String PROBLEM;

    static {
      String description = null;
      String problem = null;
      try {
        description = choose();
      } catch (IllegalStateException e) {
        problem = e.getMessage();
      }
      DESCRIPTION = description;
      PROBLEM = problem;
    }

    static final KernelPath PATH =
        DESCRIPTION != null && DESCRIPTION.startsWith("vector") ? VECTOR : SCALAR;
  }

  /** Chooses the path and returns its description, which starts with the path's name. */
  private static String choose() {
    String requested = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
    switch (requested) {
      case "scalar":
        return logged("scalar path (" + PROPERTY + "=scalar)");
      case "auto":
      case "vector":
        break;
      default:
        throw new IllegalStateException(String.format(
            "system property %s must be one of [auto, scalar, vector], got %s",
            PROPERTY, requested));
    }
    String unavailable = vectorUnavailableReason();
    if (unavailable == null) {
      return logged("vector path (" + describeVectorPath() + ")");
    }
    if (requested.equals("vector")) {
      throw new IllegalStateException(String.format(
          "system property %s=vector, but the vector path is unavailable: %s", PROPERTY,
          unavailable));
    }
    return logged("scalar path (" + unavailable + ")");
  }

  private static String logged(String description) {
    LOG.debug("loss4j kernels: {}", description);
    return description;
  }

  /** Returns why the vector path cannot run here, or null when it can. */
  private static String vectorUnavailableReason() {
    if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
      return MODULE + " is not in the boot layer; start java with --add-modules " + MODULE;
    }
    try {
      Class.forName(SELF_CHECK, true, KernelPath.class.getClassLoader())
          .getMethod("run").invoke(null);
      return null;
    } catch (ReflectiveOperationException | LinkageError e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      return "its self-check failed: " + cause;
    }
  }

  private static String describeVectorPath() {
    try {
      return (String) Class.forName(SELF_CHECK, true, KernelPath.class.getClassLoader())
          .getMethod("describe").invoke(null);
    } catch (ReflectiveOperationException e) {
      return e.toString();
    }
  }
}
