package dev.strata.core.internal.jdbc;

import dev.strata.api.ConfigurationException;
import dev.strata.core.internal.plugin.InstalledProviders;
import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.Dialect;
import dev.strata.spi.DialectProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the dialect: forced by name, else the one provider that supports the connected database.
 * Explicitly registered providers come first; two providers claiming the same database is an error
 * naming both.
 */
public final class DialectResolver {
  private final List<DialectProvider> providers;

  public DialectResolver(List<DialectProvider> explicit, ClassLoader loader) {
    List<DialectProvider> all = new ArrayList<>(explicit);
    for (DialectProvider p : InstalledProviders.of(DialectProvider.class, loader)) {
      if (all.stream().noneMatch(e -> e.name().equals(p.name()))) {
        all.add(p);
      }
    }
    this.providers = all;
  }

  public Dialect resolve(DatabaseProduct product, @Nullable String forced) {
    if (forced != null) {
      return providers.stream()
          .filter(p -> p.name().equalsIgnoreCase(forced))
          .findFirst()
          .orElseThrow(
              () ->
                  new ConfigurationException(
                      "No dialect named '"
                          + forced
                          + "' (strata.dialect); known dialects: "
                          + names()))
          .create(product);
    }
    List<DialectProvider> supporting = providers.stream().filter(p -> p.supports(product)).toList();
    if (supporting.isEmpty()) {
      throw new ConfigurationException(
          "No dialect supports "
              + product.name()
              + " "
              + product.version()
              + "; known dialects: "
              + names()
              + ". Add the dialect's jar, or force one with strata.dialect");
    }
    if (supporting.size() > 1) {
      throw new ConfigurationException(
          "Several dialects claim "
              + product.name()
              + ": "
              + supporting.stream()
                  .map(p -> p.name() + " (" + p.getClass().getName() + ")")
                  .collect(Collectors.joining(" and "))
              + "; choose one with strata.dialect");
    }
    return supporting.get(0).create(product);
  }

  private String names() {
    return providers.isEmpty()
        ? "none (no dialect jar on the classpath)"
        : providers.stream().map(DialectProvider::name).collect(Collectors.joining(", "));
  }
}
