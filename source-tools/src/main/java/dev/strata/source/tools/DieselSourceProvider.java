package dev.strata.source.tools;

import dev.strata.source.tools.internal.diesel.DieselSource;
import dev.strata.spi.MigrationSource;
import dev.strata.spi.MigrationSourceProvider;
import dev.strata.spi.SourceSettings;
import java.nio.file.Path;

/**
 * {@code diesel:<folder>}: a Diesel migrations folder, applied as {@code diesel migration run}
 * applies it. Registered in {@code META-INF/services/dev.strata.spi.MigrationSourceProvider}.
 *
 * <pre>{@code
 * Strata.configure().dataSource(dataSource).sources("diesel:migrations").load().migrate();
 * }</pre>
 *
 * <p>One folder per migration, {@code <version>_<name>/up.sql} with its {@code down.sql}; the
 * version is the name up to the first {@code _} with {@code -} removed, so Diesel's {@code
 * 2024-01-31-120000_add_users} is version {@code 20240131120000}, and its {@code
 * 00000000000000_diesel_initial_setup} is version 0, an ordinary migration. {@code metadata.toml}
 * with {@code run_in_transaction = false} runs the migration outside a transaction. See {@code
 * docs/formats/diesel.md}.
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class DieselSourceProvider implements MigrationSourceProvider {
  /** The location prefix, without its colon. */
  public static final String PREFIX = "diesel";

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public DieselSourceProvider() {}

  /** Returns {@value #PREFIX}. */
  @Override
  public String prefix() {
    return PREFIX;
  }

  /** A source reading the folder {@code path}; nothing is read until it lists. */
  @Override
  public MigrationSource create(String location, String path, SourceSettings settings) {
    return new DieselSource(location, Path.of(path), settings);
  }
}
