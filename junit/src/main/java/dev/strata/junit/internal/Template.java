package dev.strata.junit.internal;

import dev.strata.core.Strata;
import dev.strata.core.StrataConfiguration;
import javax.sql.DataSource;

/**
 * A database migrated once, from which each test gets a copy. Implementations are thread-safe:
 * parallel tests copy at once.
 */
public interface Template extends AutoCloseable {
  /** A new copy in the template's state. */
  DatabaseCopy copy() throws Exception;

  /** Drops the template. */
  @Override
  void close() throws Exception;

  /** Migrates {@code target} as {@code spec} says. */
  static void migrate(DatabaseSpec spec, DataSource target) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    StrataConfiguration.Builder builder =
        Strata.configure()
            .dataSource(target)
            .sources(spec.locations())
            .properties(spec.properties());
    if (loader != null) {
      builder.classLoader(loader);
    }
    builder.load().migrate();
  }
}
