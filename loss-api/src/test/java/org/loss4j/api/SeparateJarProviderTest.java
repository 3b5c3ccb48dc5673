package org.loss4j.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loss4j.api.registry.BrokenProvider;
import org.loss4j.api.registry.InstalledLoss;
import org.loss4j.api.registry.LossRegistry;
import org.loss4j.api.spi.LossProvider;
import org.slf4j.LoggerFactory;

/**
 * A provider that lives in a jar of its own is found by name on the class path (a
 * {@link URLClassLoader}, through {@code META-INF/services}) and on the module path (a
 * {@link ModuleLayer}, through {@code provides} in its {@code module-info}); broken providers are
 * skipped with one WARN each; two jars claiming one name fail naming both.
 */
class SeparateJarProviderTest {
  private static final double TOLERANCE = 1e-12;

  @TempDir
  static Path temporary;

  private static PluginJars jars;

  @BeforeAll
  static void buildJars() throws IOException {
    jars = PluginJars.build(temporary);
  }

  @BeforeAll
  static void readLogback() throws ClassNotFoundException {
    // On the module path these tests are patched into org.loss4j.api, which does not read the
    // logback module; let it, to capture the registry's warnings (a no-op on the class path).
    for (String type : List.of("ch.qos.logback.classic.Logger",
        "ch.qos.logback.core.read.ListAppender")) {
      SeparateJarProviderTest.class.getModule().addReads(Class.forName(type).getModule());
    }
  }

  private static URLClassLoader loaderOf(Path... jarFiles) throws IOException {
    URL[] urls = new URL[jarFiles.length];
    for (int i = 0; i < jarFiles.length; i++) {
      urls[i] = jarFiles[i].toUri().toURL();
    }
    return new URLClassLoader(urls, LossRegistry.class.getClassLoader());
  }

  @Test
  void findsAProviderJarOnTheClassPathByName() throws IOException {
    try (URLClassLoader loader = loaderOf(jars.acmeJar)) {
      LossRegistry registry = LossRegistry.load(loader);

      LossProvider provider = registry.provider("acme_loss");

      assertEquals("com.acme.loss.AcmeLossProvider", provider.getClass().getName());
      assertEquals(provider, registry.provider("AcmeLoss"));
      assertEquals(provider, registry.provider("ACME"));
      InstalledLoss installed = registry.installed().get(0);
      assertTrue(installed.source().endsWith("acme-loss.jar"), installed.source());
      assertTrue(registry.broken().isEmpty(), registry.broken().toString());
    }
  }

  @Test
  void aThirdPartyLossFromTheClassPathComputes() throws IOException {
    try (URLClassLoader loader = loaderOf(jars.acmeJar)) {
      Loss loss = LossRegistry.load(loader)
          .create("acme", Map.of("reduction", "sum", "dtype", "float64"));

      // |1 - 0.25| + |0 - 0.5| = 0.75 + 0.5
      double value = loss.compute(Tensor.of(new double[] {1, 0}),
          Tensor.of(new double[] {0.25, 0.5})).doubleValue();

      assertEquals(1.25, value, TOLERANCE);
    }
  }

  @Test
  void findsAProviderJarOnTheModulePathByName() throws Exception {
    // A layer over the boot layer: org.loss4j.acme from its jar; loss-api, Guava and slf4j from
    // the boot layer when the tests run on the module path, else from their own locations.
    ModuleFinder plugin = ModuleFinder.of(jars.acmeJar);
    List<Path> rest = new ArrayList<>(jars.apiDependencies);
    rest.add(0, jars.apiClasses);
    Configuration configuration = ModuleLayer.boot().configuration().resolve(plugin,
        ModuleFinder.of(rest.toArray(new Path[0])), Set.of("org.loss4j.acme"));
    ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(configuration,
        ClassLoader.getPlatformClassLoader());
    // the layer's own LossRegistry, which is this test's one when loss-api is in the boot layer
    Module api = layer.findModule("org.loss4j.api").orElseThrow();
    Class<?> registryType = Class.forName(api, "org.loss4j.api.registry.LossRegistry");
    assertNotNull(registryType);

    Object registry = registryType.getMethod("load", ModuleLayer.class).invoke(null, layer);
    Method find = registryType.getMethod("find", String.class);
    Optional<?> provider = (Optional<?>) find.invoke(registry, "acme_loss");

    assertTrue(provider.isPresent(), "acme_loss not found in the module layer");
    Module module = provider.get().getClass().getModule();
    assertEquals("org.loss4j.acme", module.getName());
    assertTrue(module.isNamed());
    assertTrue(((Optional<?>) find.invoke(registry, "AcmeLoss")).isPresent());
    List<?> installed = (List<?>) registryType.getMethod("installed").invoke(registry);
    String source = installed.stream().map(Object::toString).collect(Collectors.joining());
    assertTrue(source.contains("from module org.loss4j.acme"), source);
  }

  @Test
  void skipsBrokenProvidersWithOneWarnEachAndListsThem() throws IOException {
    Logger logger = (Logger) LoggerFactory.getLogger(LossRegistry.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    LossRegistry registry;
    try (URLClassLoader loader = loaderOf(jars.acmeJar, jars.brokenJar)) {
      registry = LossRegistry.load(loader);
    } finally {
      logger.detachAppender(appender);
    }

    assertTrue(registry.find("acme_loss").isPresent());
    assertEquals(List.of("com.acme.broken.ThrowingConstructorProvider",
        "com.acme.broken.Missing", "com.acme.broken.ThrowingStaticInitProvider",
        "com.acme.broken.ThrowingNameProvider"),
        registry.broken().stream().map(BrokenProvider::description).collect(Collectors.toList()));
    List<ILoggingEvent> warnings = appender.list.stream()
        .filter(event -> event.getLevel() == Level.WARN).collect(Collectors.toList());
    assertEquals(4, warnings.size(), warnings.toString());
    assertTrue(warnings.get(3).getFormattedMessage().startsWith(
        "Skipping loss provider com.acme.broken.ThrowingNameProvider: failed to describe "
            + "itself"), warnings.get(3).getFormattedMessage());
  }

  @Test
  void globalDiscoveryThatFailsKeepsFailingWithItsMessage() throws Exception {
    // The global registry is discovered once per JVM; swap it out for this test and put it back.
    Field global = LossRegistry.class.getDeclaredField("global");
    global.setAccessible(true);
    Object saved = global.get(null);
    Thread thread = Thread.currentThread();
    ClassLoader context = thread.getContextClassLoader();
    try (URLClassLoader loader = loaderOf(jars.acmeJar, jars.clashingJar)) {
      global.set(null, null);
      thread.setContextClassLoader(loader);

      IllegalStateException first = assertThrows(IllegalStateException.class,
          LossRegistry::global);
      IllegalStateException second = assertThrows(IllegalStateException.class,
          LossRegistry::global);

      // not an ExceptionInInitializerError once and a message-less NoClassDefFoundError after
      assertTrue(first.getMessage().startsWith("two loss providers claim the name acme_loss"),
          first.getMessage());
      assertEquals(first.getMessage(), second.getMessage());
    } finally {
      thread.setContextClassLoader(context);
      global.set(null, saved);
    }
  }

  @Test
  void aClassLoaderWithoutProvidersGivesAnEmptyRegistry() throws IOException {
    try (URLClassLoader loader = loaderOf()) {
      LossRegistry registry = LossRegistry.load(loader);

      assertTrue(registry.installed().isEmpty());
      assertTrue(registry.broken().isEmpty());
    }
  }

  @Test
  void twoJarsClaimingOneNameFailNamingBothClassesAndJars() throws IOException {
    try (URLClassLoader loader = loaderOf(jars.acmeJar, jars.clashingJar)) {
      IllegalStateException error =
          assertThrows(IllegalStateException.class, () -> LossRegistry.load(loader));

      String message = error.getMessage();
      assertTrue(message.startsWith("two loss providers claim the name acme_loss: "), message);
      assertTrue(message.contains("com.acme.loss.AcmeLossProvider from ")
          && message.contains("acme-loss.jar"), message);
      assertTrue(message.contains("com.acme.broken.ClashingProvider from ")
          && message.contains("clashing-loss.jar"), message);
    }
  }
}
