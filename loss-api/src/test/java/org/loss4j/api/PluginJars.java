package org.loss4j.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.loss4j.api.registry.LossRegistry;

/**
 * Builds, at test time, the jars a third party would ship: {@code acme-loss.jar}, a modular jar
 * whose provider is declared both in {@code module-info} and in {@code META-INF/services};
 * {@code broken-losses.jar}, whose service file names a missing class and providers that fail
 * in their constructor, their static initialiser and their {@code name()}; and
 * {@code clashing-loss.jar}, whose provider claims {@code acme_loss} too.
 *
 * <p>Sources are compiled with the JDK's {@code javac} tool ({@link ToolProvider}, so that the
 * test needs no access to the {@code java.compiler} module) against the loss-api classes under
 * test.
 */
final class PluginJars {
  static final String SERVICE = "META-INF/services/org.loss4j.api.spi.LossProvider";

  private static final String ACME_LOSS = String.join("\n",
      "package com.acme.loss;",
      "import org.loss4j.api.*;",
      "/** |y_true - y_pred|, element-wise. */",
      "public final class AcmeLoss extends AbstractLoss {",
      "  AcmeLoss(LossConfig config) {",
      "    super(config.getString(\"name\"), Reduction.parse(config.getString(\"reduction\")),",
      "        DType.parseCompute(config.getString(\"dtype\")));",
      "  }",
      "  @Override protected int[] perSampleShape(Operands operands) {",
      "    return operands.yPredShape().clone();",
      "  }",
      "  @Override protected void forward(Operands operands, double[] out) {",
      "    for (int i = 0; i < out.length; i++) {",
      "      out[i] = Math.abs(operands.yTrue()[i] - operands.yPred()[i]);",
      "    }",
      "  }",
      "  @Override protected void backward(Operands operands, double[] up, double[] gradient) {",
      "    for (int i = 0; i < gradient.length; i++) {",
      "      gradient[i] = up[i] * Math.signum(operands.yPred()[i] - operands.yTrue()[i]);",
      "    }",
      "  }",
      "  @Override public LossConfig config() {",
      "    return LossConfig.builder(\"acme_loss\").put(\"reduction\", reduction().kerasName())",
      "        .put(\"name\", name()).put(\"dtype\", dtype().kerasName()).build();",
      "  }",
      "}");

  private static final String ACME_PROVIDER = String.join("\n",
      "package com.acme.loss;",
      "import java.util.*;",
      "import org.loss4j.api.*;",
      "import org.loss4j.api.spi.*;",
      "public final class AcmeLossProvider implements LossProvider {",
      "  @Override public String name() { return \"acme_loss\"; }",
      "  @Override public String className() { return \"AcmeLoss\"; }",
      "  @Override public Set<String> aliases() { return Set.of(\"acme\"); }",
      "  @Override public List<ParameterSpec> parameters() {",
      "    return StandardParameters.withCommon(\"acme_loss\");",
      "  }",
      "  @Override public Loss create(LossConfig config) { return new AcmeLoss(config); }",
      "}");

  private static final String ACME_MODULE = String.join("\n",
      "module org.loss4j.acme {",
      "  requires org.loss4j.api;",
      "  provides org.loss4j.api.spi.LossProvider with com.acme.loss.AcmeLossProvider;",
      "}");

  /** A provider whose methods all work; subclasses break one thing each. */
  private static final String BROKEN_BASE = String.join("\n",
      "package com.acme.broken;",
      "import java.util.*;",
      "import org.loss4j.api.*;",
      "import org.loss4j.api.spi.*;",
      "abstract class Base implements LossProvider {",
      "  @Override public String name() { return getClass().getSimpleName().toLowerCase(); }",
      "  @Override public String className() { return getClass().getSimpleName(); }",
      "  @Override public List<ParameterSpec> parameters() { return List.of(); }",
      "  @Override public Loss create(LossConfig config) { throw new AssertionError(); }",
      "}");

  private static final Map<String, String> BROKEN = Map.of(
      "ThrowingConstructorProvider",
      "public ThrowingConstructorProvider() { throw new IllegalStateException(\"no\"); }",
      "ThrowingStaticInitProvider",
      "static { if (true) { throw new IllegalStateException(\"no\"); } }",
      "ThrowingNameProvider",
      "@Override public String name() { throw new UnsupportedOperationException(\"no\"); }",
      "ClashingProvider",
      "@Override public String name() { return \"acme_loss\"; }");

  final Path acmeJar;
  final Path brokenJar;
  final Path clashingJar;
  /** The loss-api classes under test, an exploded module. */
  final Path apiClasses;
  /** Guava, failureaccess and slf4j-api: what loss-api needs at run time. */
  final List<Path> apiDependencies;

  private PluginJars(Path root) throws IOException {
    apiClasses = locationOf(LossRegistry.class);
    apiDependencies = List.of(locationOf(com.google.common.base.Preconditions.class),
        locationOf(classNamed("com.google.common.util.concurrent.internal"
            + ".InternalFutureFailureAccess")),
        locationOf(org.slf4j.Logger.class));
    List<Path> modulePath = new ArrayList<>(apiDependencies);
    modulePath.add(0, apiClasses);

    Path acmeSources = root.resolve("acme-src");
    Path acmeClasses = root.resolve("acme-classes");
    write(acmeSources.resolve("module-info.java"), ACME_MODULE);
    write(acmeSources.resolve("com/acme/loss/AcmeLoss.java"), ACME_LOSS);
    write(acmeSources.resolve("com/acme/loss/AcmeLossProvider.java"), ACME_PROVIDER);
    compile(acmeSources, acmeClasses, "--module-path", join(modulePath));
    acmeJar = jar(root.resolve("acme-loss.jar"), acmeClasses, "com.acme.loss.AcmeLossProvider");

    Path brokenSources = root.resolve("broken-src");
    Path brokenClasses = root.resolve("broken-classes");
    write(brokenSources.resolve("com/acme/broken/Base.java"), BROKEN_BASE);
    for (Map.Entry<String, String> entry : BROKEN.entrySet()) {
      write(brokenSources.resolve("com/acme/broken/" + entry.getKey() + ".java"),
          "package com.acme.broken;\npublic final class " + entry.getKey()
              + " extends Base {\n  " + entry.getValue() + "\n}\n");
    }
    compile(brokenSources, brokenClasses, "--class-path", join(modulePath));
    brokenJar = jar(root.resolve("broken-losses.jar"), brokenClasses,
        "com.acme.broken.ThrowingConstructorProvider", "com.acme.broken.Missing",
        "com.acme.broken.ThrowingStaticInitProvider", "com.acme.broken.ThrowingNameProvider");
    clashingJar = jar(root.resolve("clashing-loss.jar"), brokenClasses,
        "com.acme.broken.ClashingProvider");
  }

  /** Compiles and packages the jars under {@code root}. */
  static PluginJars build(Path root) throws IOException {
    return new PluginJars(root);
  }

  private static Class<?> classNamed(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("not on the test class path: " + name, e);
    }
  }

  static Path locationOf(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String join(List<Path> paths) {
    return paths.stream().map(Path::toString)
        .collect(Collectors.joining(System.getProperty("path.separator")));
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text + "\n");
  }

  private static void compile(Path sources, Path classes, String... options) throws IOException {
    ToolProvider javac = ToolProvider.findFirst("javac")
        .orElseThrow(() -> new IllegalStateException("this JDK has no javac tool"));
    List<String> arguments = new ArrayList<>(List.of("--release", "17", "-proc:none",
        "-implicit:none", "-d", classes.toString()));
    arguments.addAll(List.of(options));
    try (Stream<Path> files = Files.walk(sources)) {
      files.filter(file -> file.toString().endsWith(".java"))
          .forEach(file -> arguments.add(file.toString()));
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8);
    int status = javac.run(print, print, arguments.toArray(new String[0]));
    if (status != 0) {
      throw new IllegalStateException("javac failed (" + status + "):\n"
          + output.toString(StandardCharsets.UTF_8));
    }
  }

  private static Path jar(Path jar, Path classes, String... services) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        Stream<Path> walk = Files.walk(classes)) {
      for (Path path : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(path));
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry(SERVICE));
      out.write((String.join("\n", services) + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }
}
