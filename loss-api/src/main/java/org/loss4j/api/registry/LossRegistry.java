package org.loss4j.api.registry;

import static com.google.common.base.Preconditions.checkNotNull;

import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.loss4j.api.Loss;
import org.loss4j.api.LossConfig;
import org.loss4j.api.internal.NameDistance;
import org.loss4j.api.spi.LossProvider;
import org.loss4j.api.spi.ParameterSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds losses by name and builds them from Keras-named parameters.
 *
 * <pre>{@code
 * Loss bce = LossRegistry.global().create("bce", Map.of("from_logits", true));
 * bce.compute(yTrue, yPred);
 * }</pre>
 *
 * <p>A loss answers to its Keras snake_case name ({@code binary_crossentropy}), its class name
 * ({@code BinaryCrossentropy}) and its aliases ({@code bce}), all matched ignoring case.
 *
 * <p>{@link #global()} discovers the {@link LossProvider}s on the class path and module path with
 * {@link ServiceLoader}, once, lazily and thread-safely. A provider that fails to load or that
 * declares itself badly is skipped with one WARN and listed by {@link #broken()}; the others still
 * work. Two providers that claim one name are an error that names both classes and their jars.
 * {@link #register(LossProvider)} adds a provider by hand. Lookups read an immutable snapshot, so
 * they never block.
 */
public final class LossRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(LossRegistry.class);
  private static final String PROGRAMMATIC = "registered programmatically";
  /** How many installed names the error for an unknown name suggests. */
  private static final int SUGGESTIONS = 3;
  private static final Pattern PROVIDER_IN_MESSAGE = Pattern.compile("Provider ([\\w.$]+)");

  /**
   * The lazily discovered global registry. Not a holder class: a failed discovery (two providers
   * claiming one name) must throw its IllegalStateException on every call, not an
   * ExceptionInInitializerError once and a message-less NoClassDefFoundError afterwards.
   */
  private static volatile LossRegistry global;

  private volatile Snapshot snapshot;

  private LossRegistry(Snapshot snapshot) {
    this.snapshot = snapshot;
  }

  /**
   * Returns the registry of every provider visible to {@link ServiceLoader} from the thread
   * context class loader, discovered on first use.
   *
   * @throws IllegalStateException if two providers claim one name
   */
  public static LossRegistry global() {
    LossRegistry registry = global;
    if (registry == null) {
      synchronized (LossRegistry.class) {
        registry = global;
        if (registry == null) {
          registry = fromServiceLoader(ServiceLoader.load(LossProvider.class));
          global = registry;
        }
      }
    }
    return registry;
  }

  /**
   * Returns a new registry of the providers a class loader sees (for frameworks that manage their
   * own class loaders).
   *
   * @throws IllegalStateException if two providers claim one name
   */
  public static LossRegistry load(ClassLoader classLoader) {
    return fromServiceLoader(ServiceLoader.load(LossProvider.class, classLoader));
  }

  /**
   * Returns a new registry of the providers found in a module layer and its parents (for plugins
   * loaded into a layer of their own).
   *
   * @throws IllegalStateException if two providers claim one name
   */
  public static LossRegistry load(ModuleLayer layer) {
    return fromServiceLoader(ServiceLoader.load(layer, LossProvider.class));
  }

  /**
   * Returns a new registry holding exactly the given providers, without discovery.
   *
   * @throws IllegalStateException if two providers claim one name
   * @throws IllegalArgumentException if a provider has a blank name or class name, or null
   *     parameters or aliases
   */
  public static LossRegistry of(LossProvider... providers) {
    LossRegistry registry = new LossRegistry(Snapshot.EMPTY);
    for (LossProvider provider : providers) {
      registry.register(provider);
    }
    return registry;
  }

  private static LossRegistry fromServiceLoader(ServiceLoader<LossProvider> loader) {
    Snapshot snapshot = Snapshot.EMPTY;
    List<BrokenProvider> broken = new ArrayList<>();
    Iterator<LossProvider> providers = loader.iterator();
    while (true) {
      LossProvider provider;
      try {
        if (!providers.hasNext()) {
          break;
        }
        provider = providers.next();
      } catch (ServiceConfigurationError | LinkageError e) {
        LOG.warn("Skipping a loss provider that failed to load: {}", e.toString());
        broken.add(new BrokenProvider(failedEntry(e), e.toString()));
        continue;
      }
      String problem = describeProblem(provider);
      if (problem != null) {
        LOG.warn("Skipping loss provider {}: {}", provider.getClass().getName(), problem);
        broken.add(new BrokenProvider(provider.getClass().getName(), problem));
        continue;
      }
      LOG.debug("Found loss provider {} ({}) in {}", provider.name(),
          provider.getClass().getName(), sourceOf(provider));
      snapshot = snapshot.with(provider, sourceOf(provider));
    }
    return new LossRegistry(snapshot.withBroken(broken));
  }

  /**
   * Returns the provider class a {@link ServiceLoader} error names ("Provider com.acme.X not
   * found"), or {@code "service entry"} when it names none.
   */
  private static String failedEntry(Throwable error) {
    Matcher matcher = PROVIDER_IN_MESSAGE.matcher(String.valueOf(error.getMessage()));
    return matcher.find() ? matcher.group(1) : "service entry";
  }

  private static String describeProblem(LossProvider provider) {
    try {
      if (isBlank(provider.name()) || isBlank(provider.className())) {
        return "name() and className() must not be blank";
      }
      if (provider.parameters() == null || provider.aliases() == null) {
        return "parameters() and aliases() must not be null";
      }
      for (String alias : provider.aliases()) {
        if (isBlank(alias)) {
          return "aliases() must not hold a blank name, got " + provider.aliases();
        }
      }
      return null;
    } catch (RuntimeException | LinkageError e) {
      return "failed to describe itself: " + e;
    }
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  private static String sourceOf(LossProvider provider) {
    Class<?> type = provider.getClass();
    CodeSource code = type.getProtectionDomain().getCodeSource();
    URL location = code == null ? null : code.getLocation();
    if (type.getModule().isNamed()) {
      return "module " + type.getModule().getName() + (location == null ? "" : " (" + location
          + ")");
    }
    return location == null ? "unknown location" : location.toString();
  }

  /**
   * Adds a provider by hand; later lookups see it.
   *
   * @throws IllegalStateException if one of its names is already taken, naming both providers
   */
  public synchronized void register(LossProvider provider) {
    checkNotNull(provider, "provider");
    String problem = describeProblem(provider);
    if (problem != null) {
      throw new IllegalArgumentException(provider.getClass().getName() + ": " + problem);
    }
    snapshot = snapshot.with(provider, PROGRAMMATIC);
  }

  /** Returns the provider answering to a name (ignoring case), if any. */
  public Optional<LossProvider> find(String name) {
    checkNotNull(name, "name");
    InstalledLoss installed = snapshot.byName.get(name.toLowerCase(Locale.ROOT));
    return installed == null ? Optional.empty() : Optional.of(installed.provider());
  }

  /**
   * Returns the provider answering to a name (ignoring case).
   *
   * @throws IllegalArgumentException if no provider does, with a message naming the refused name
   *     and up to {@value #SUGGESTIONS} installed names, the closest first:
   *     {@code unknown loss bxe, expected an installed loss such as bce, ...}, or
   *     {@code unknown loss bxe, expected an installed loss, but none is installed}
   */
  public LossProvider provider(String name) {
    return find(name).orElseThrow(() -> {
      List<String> closest = closestNames(name, SUGGESTIONS);
      return new IllegalArgumentException("unknown loss " + name + ", expected an installed loss"
          + (closest.isEmpty() ? ", but none is installed"
              : " such as " + String.join(", ", closest)));
    });
  }

  /**
   * Returns up to {@code limit} of the names losses answer to (see {@link #allNames()}), the
   * closest to {@code name} first: by Levenshtein edit distance ignoring case, then
   * alphabetically. The same list the error of {@link #provider(String)} shows with a limit of
   * {@value #SUGGESTIONS}, for callers that suggest names themselves.
   *
   * @param name any string; never null
   * @param limit the most names to return, {@code >= 0}
   * @throws IllegalArgumentException if {@code limit} is negative
   */
  public List<String> closestNames(String name, int limit) {
    checkNotNull(name, "name");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, got " + limit);
    }
    return NameDistance.closest(name, allNames(), limit);
  }

  /** Returns every name a loss answers to, in their declared spelling. */
  public List<String> allNames() {
    List<String> names = new ArrayList<>();
    for (InstalledLoss installed : snapshot.installed) {
      names.addAll(installed.names());
    }
    return names;
  }

  /** Returns a loss with its default arguments. */
  public Loss create(String name) {
    return create(name, Map.of());
  }

  /**
   * Returns a loss built from Keras-named parameters; missing ones take their defaults. Strings
   * are accepted for any type ({@code "true"}, {@code "0.25"}, {@code "0.2,0.3,0.5"}).
   *
   * @throws IllegalArgumentException for an unknown loss name (listing the closest), an unknown
   *     parameter (listing the valid ones), an ill-typed value, or a value the loss refuses
   */
  public Loss create(String name, Map<String, ?> parameters) {
    LossProvider provider = provider(name);
    return provider.create(configure(provider, parameters));
  }

  /** Returns the loss a configuration describes, as Keras's {@code from_config} does. */
  public Loss create(LossConfig config) {
    return create(config.loss(), config.values());
  }

  /**
   * Returns the complete, coerced configuration that {@link #create(String, Map)} would build:
   * every parameter of the provider, in its order, with defaults for those not given.
   *
   * @throws IllegalArgumentException for an unknown or ill-typed parameter
   */
  public LossConfig configure(String name, Map<String, ?> parameters) {
    return configure(provider(name), parameters);
  }

  private static LossConfig configure(LossProvider provider, Map<String, ?> parameters) {
    checkNotNull(parameters, "parameters");
    Map<String, ParameterSpec> specs = new LinkedHashMap<>();
    for (ParameterSpec spec : provider.parameters()) {
      specs.put(spec.name(), spec);
    }
    for (String key : parameters.keySet()) {
      if (!specs.containsKey(key)) {
        throw new IllegalArgumentException(String.format(
            "%s: unknown parameter %s, expected one of %s", provider.className(), key,
            specs.keySet()));
      }
    }
    LossConfig.Builder config = LossConfig.builder(provider.name());
    for (ParameterSpec spec : specs.values()) {
      Object value;
      try {
        value = parameters.containsKey(spec.name())
            ? spec.coerce(parameters.get(spec.name())) : spec.defaultValue();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(provider.className() + ": " + e.getMessage(), e);
      }
      config.put(spec.name(), value);
    }
    return config.build();
  }

  /** Returns every installed loss, in discovery order. */
  public List<InstalledLoss> installed() {
    return snapshot.installed;
  }

  /** Returns the providers that were skipped, and why. */
  public List<BrokenProvider> broken() {
    return snapshot.broken;
  }

  /** An immutable view: names to losses, the losses in order, and the broken providers. */
  private static final class Snapshot {
    static final Snapshot EMPTY = new Snapshot(Map.of(), List.of(), List.of());

    final Map<String, InstalledLoss> byName;
    final List<InstalledLoss> installed;
    final List<BrokenProvider> broken;

    Snapshot(Map<String, InstalledLoss> byName, List<InstalledLoss> installed,
        List<BrokenProvider> broken) {
      this.byName = byName;
      this.installed = installed;
      this.broken = broken;
    }

    Snapshot with(LossProvider provider, String source) {
      List<String> names = new ArrayList<>();
      names.add(provider.name());
      names.add(provider.className());
      names.addAll(new TreeSet<>(provider.aliases()));
      InstalledLoss added = new InstalledLoss(provider, names, source);
      Map<String, InstalledLoss> map = new LinkedHashMap<>(byName);
      for (String name : names) {
        InstalledLoss previous = map.put(name.toLowerCase(Locale.ROOT), added);
        if (previous != null && previous != added) {
          throw new IllegalStateException(String.format(
              "two loss providers claim the name %s: %s from %s and %s from %s", name,
              previous.provider().getClass().getName(), previous.source(),
              provider.getClass().getName(), source));
        }
      }
      List<InstalledLoss> list = new ArrayList<>(installed);
      list.add(added);
      return new Snapshot(Collections.unmodifiableMap(map), List.copyOf(list), broken);
    }

    Snapshot withBroken(List<BrokenProvider> more) {
      List<BrokenProvider> all = new ArrayList<>(broken);
      all.addAll(more);
      return new Snapshot(byName, installed, List.copyOf(all));
    }
  }
}
