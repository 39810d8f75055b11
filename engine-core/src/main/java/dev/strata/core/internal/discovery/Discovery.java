package dev.strata.core.internal.discovery;

import dev.strata.api.JavaMigration;
import dev.strata.api.StrataListener;
import dev.strata.core.internal.plan.SourceMigration;
import dev.strata.spi.Dialect;
import dev.strata.spi.MigrationSource;
import dev.strata.spi.SourceSettings;
import java.util.List;

/** Finds the configured migrations: the locations' files and the Java migrations. */
public final class Discovery {
  private final SourceResolver resolver;
  private final List<String> locations;
  private final SourceSettings settings;
  private final List<JavaMigration> javaMigrations;
  private final StrataListener listener;

  /**
   * @param locations the configured locations, {@code prefix:path}
   * @param listener receives the sources' warnings and the files left out
   */
  public Discovery(
      SourceResolver resolver,
      List<String> locations,
      SourceSettings settings,
      List<JavaMigration> javaMigrations,
      StrataListener listener) {
    this.resolver = resolver;
    this.locations = List.copyOf(locations);
    this.settings = settings;
    this.javaMigrations = List.copyOf(javaMigrations);
    this.listener = listener;
  }

  /** Starts reading the files, to be joined once the dialect is known. */
  public SourceScan.Pending start() {
    return SourceScan.start(this::sources);
  }

  /** Every migration, with the variants of {@code dialect} chosen. */
  public List<SourceMigration> discover(Dialect dialect) {
    return discover(dialect, SourceScan.of(sources()));
  }

  /** The same, from files already read. */
  public List<SourceMigration> discover(Dialect dialect, SourceScan scan) {
    return Catalog.discover(
        scan,
        JavaMigrations.resolve(javaMigrations),
        dialect.name(),
        dialect.fileTags(),
        listener::onEvent);
  }

  private List<MigrationSource> sources() {
    return resolver.resolve(locations, settings);
  }
}
