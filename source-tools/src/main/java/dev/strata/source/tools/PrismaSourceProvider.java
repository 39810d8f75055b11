package dev.strata.source.tools;

import dev.strata.source.tools.internal.prisma.PrismaSource;
import dev.strata.spi.MigrationSource;
import dev.strata.spi.MigrationSourceProvider;
import dev.strata.spi.SourceSettings;
import java.nio.file.Path;

/**
 * {@code prisma:<folder>}: a Prisma Migrate folder ({@code prisma/migrations}), applied as {@code
 * prisma migrate deploy} applies it. Registered in {@code
 * META-INF/services/dev.strata.spi.MigrationSourceProvider}.
 *
 * <pre>{@code
 * Strata.configure().dataSource(dataSource).sources("prisma:prisma/migrations").load().migrate();
 * }</pre>
 *
 * <p>One folder per migration, {@code <timestamp>_<name>/migration.sql}, in Prisma's order; the
 * location is refused on a database other than {@code migration_lock.toml}'s provider. On MySQL
 * each script runs without a transaction, as Prisma runs it (a failure keeps the statements before
 * it); on PostgreSQL in one transaction, as Prisma's single multi-statement query does. See {@code
 * docs/formats/prisma.md}.
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class PrismaSourceProvider implements MigrationSourceProvider {
  /** The location prefix, without its colon. */
  public static final String PREFIX = "prisma";

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public PrismaSourceProvider() {}

  /** Returns {@value #PREFIX}. */
  @Override
  public String prefix() {
    return PREFIX;
  }

  /** A source reading the folder {@code path}; nothing is read until it lists. */
  @Override
  public MigrationSource create(String location, String path, SourceSettings settings) {
    return new PrismaSource(location, Path.of(path), settings);
  }
}
