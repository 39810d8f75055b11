package dev.strata.source.tools;

import dev.strata.source.tools.internal.sqlx.SqlxSource;
import dev.strata.spi.MigrationSource;
import dev.strata.spi.MigrationSourceProvider;
import dev.strata.spi.SourceSettings;
import java.nio.file.Path;

/**
 * {@code sqlx:<folder>}: a sqlx migrations folder, applied as sqlx's {@code Migrator} applies it.
 * Registered in {@code META-INF/services/dev.strata.spi.MigrationSourceProvider}.
 *
 * <pre>{@code
 * Strata.configure().dataSource(dataSource).sources("sqlx:migrations").load().migrate();
 * }</pre>
 *
 * <p>The folder's own files named {@code <version>_<description>.sql} (simple) or {@code
 * <version>_<description>.up.sql} and {@code .down.sql} (reversible) are the migrations, ordered by
 * version as a number ({@code 10} after {@code 9}); {@code _} in a description reads as a space. A
 * file whose text starts with {@code -- no-transaction} runs outside a transaction. Any other
 * {@code .sql} file under the folder is an error naming it, unless the {@code ignore} option names
 * it. See {@code docs/formats/sqlx.md}.
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class SqlxSourceProvider implements MigrationSourceProvider {
  /** The location prefix, without its colon. */
  public static final String PREFIX = "sqlx";

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public SqlxSourceProvider() {}

  /** Returns {@value #PREFIX}. */
  @Override
  public String prefix() {
    return PREFIX;
  }

  /** A source reading the folder {@code path}; nothing is read until it lists. */
  @Override
  public MigrationSource create(String location, String path, SourceSettings settings) {
    return new SqlxSource(location, Path.of(path), settings);
  }
}
