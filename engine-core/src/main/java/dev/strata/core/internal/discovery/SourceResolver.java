package dev.strata.core.internal.discovery;

import dev.strata.api.ConfigurationException;
import dev.strata.core.internal.plugin.InstalledProviders;
import dev.strata.spi.MigrationSource;
import dev.strata.spi.MigrationSourceProvider;
import dev.strata.spi.SourceSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns configured locations into sources by their prefix ({@code filesystem:}, {@code classpath:},
 * ...). A location without a prefix is a filesystem path.
 */
public final class SourceResolver {
  private final Map<String, MigrationSourceProvider> byPrefix;

  private SourceResolver(Map<String, MigrationSourceProvider> byPrefix) {
    this.byPrefix = byPrefix;
  }

  /**
   * Providers registered explicitly, then those {@link InstalledProviders} finds with {@code
   * loader}.
   */
  public static SourceResolver load(List<MigrationSourceProvider> explicit, ClassLoader loader) {
    Map<String, MigrationSourceProvider> byPrefix = new TreeMap<>();
    for (MigrationSourceProvider p : explicit) {
      register(byPrefix, p);
    }
    for (MigrationSourceProvider p : InstalledProviders.of(MigrationSourceProvider.class, loader)) {
      if (explicit.stream().noneMatch(e -> e.prefix().equals(p.prefix()))) {
        register(byPrefix, p);
      }
    }
    return new SourceResolver(byPrefix);
  }

  private static void register(
      Map<String, MigrationSourceProvider> byPrefix, MigrationSourceProvider p) {
    MigrationSourceProvider other = byPrefix.putIfAbsent(p.prefix(), p);
    if (other != null && !other.getClass().equals(p.getClass())) {
      throw new ConfigurationException(
          "Two migration source providers claim the prefix '"
              + p.prefix()
              + ":': "
              + other.getClass().getName()
              + " and "
              + p.getClass().getName()
              + "; remove one of their jars from the classpath");
    }
  }

  public List<MigrationSource> resolve(List<String> locations, SourceSettings settings) {
    if (locations.isEmpty()) {
      throw new ConfigurationException(
          "No migration location configured; set strata.sources, e.g." + " filesystem:migrations");
    }
    List<MigrationSource> sources = new ArrayList<>();
    for (String location : locations) {
      int colon = location.indexOf(':');
      boolean prefixed = colon > 1 && location.substring(0, colon).matches("[a-z][a-z0-9-]*");
      String prefix = prefixed ? location.substring(0, colon) : "filesystem";
      String path = prefixed ? location.substring(colon + 1) : location;
      MigrationSourceProvider provider = byPrefix.get(prefix);
      if (provider == null) {
        throw new ConfigurationException(
            "Unknown location prefix '"
                + prefix
                + ":' in "
                + location
                + "; known prefixes: "
                + String.join(": ", byPrefix.keySet())
                + ": (is the module for it on the classpath?)");
      }
      sources.add(provider.create(location, path, settings));
    }
    return sources;
  }
}
