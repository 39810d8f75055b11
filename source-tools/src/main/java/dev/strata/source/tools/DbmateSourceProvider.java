package dev.strata.source.tools;

import dev.strata.source.tools.internal.dbmate.DbmateSource;
import dev.strata.spi.MigrationSource;
import dev.strata.spi.MigrationSourceProvider;
import dev.strata.spi.SourceSettings;
import java.nio.file.Path;

/**
 * {@code dbmate:<folder>}: a dbmate migration folder, applied as dbmate applies it. Registered in
 * {@code META-INF/services/dev.strata.spi.MigrationSourceProvider}.
 *
 * <pre>{@code
 * Strata.configure().dataSource(dataSource).sources("dbmate:db/migrations").load().migrate();
 * }</pre>
 *
 * <p>The folder's own {@code <digits>...sql} files are the migrations, the leading digits their
 * version; {@code -- migrate:up} and {@code -- migrate:down} blocks (with {@code
 * transaction:false}) are read as dbmate reads them, and each block is split by the dialect's
 * parser. See {@code docs/formats/dbmate.md}.
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class DbmateSourceProvider implements MigrationSourceProvider {
  /** The location prefix, without its colon. */
  public static final String PREFIX = "dbmate";

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public DbmateSourceProvider() {}

  /** Returns {@value #PREFIX}. */
  @Override
  public String prefix() {
    return PREFIX;
  }

  /** A source reading the folder {@code path}; nothing is read until it lists. */
  @Override
  public MigrationSource create(String location, String path, SourceSettings settings) {
    return new DbmateSource(location, Path.of(path), settings);
  }
}
