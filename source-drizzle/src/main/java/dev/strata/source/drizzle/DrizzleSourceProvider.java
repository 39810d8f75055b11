package dev.strata.source.drizzle;

import dev.strata.source.drizzle.internal.DrizzleSource;
import dev.strata.spi.MigrationSource;
import dev.strata.spi.MigrationSourceProvider;
import dev.strata.spi.SourceSettings;
import java.nio.file.Path;

/**
 * {@code drizzle:<folder>}: a folder written by drizzle-kit, applied as drizzle-orm's {@code
 * migrate()} would apply it. Registered in {@code
 * META-INF/services/dev.strata.spi.MigrationSourceProvider}, so Strata finds it on the classpath.
 *
 * <pre>{@code
 * Strata.configure().dataSource(dataSource).sources("drizzle:db/migrations").load().migrate();
 * }</pre>
 *
 * <p>Two layouts are read:
 *
 * <ul>
 *   <li>drizzle-kit 0.x: {@code meta/_journal.json} lists the migrations in order, each entry's
 *       {@code tag} naming {@code <tag>.sql} ({@code 0000_square_bushwacker.sql}). The tag's
 *       numeric prefix is the version ({@code 0000}, or a timestamp under drizzle-kit's other
 *       {@code migrations.prefix} modes), the rest the description. Files the journal does not list
 *       are never run and are reported.
 *   <li>drizzle-kit 1.x: one folder per migration, {@code 20250101120000_name/migration.sql} (next
 *       to drizzle-kit's {@code snapshot.json}); the 14-digit UTC timestamp is the version. A
 *       {@code down.sql} in the folder is the migration's down script.
 * </ul>
 *
 * <p>Statements are split where drizzle splits them, at each {@code --> statement-breakpoint}
 * marker; a journal entry with {@code "breakpoints": false} is split by the dialect's parser
 * instead. The journal's {@code dialect} is not checked: Strata picks the dialect from the
 * connection.
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class DrizzleSourceProvider implements MigrationSourceProvider {
  /** The location prefix, without its colon. */
  public static final String PREFIX = "drizzle";

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public DrizzleSourceProvider() {}

  /** Returns {@value #PREFIX}. */
  @Override
  public String prefix() {
    return PREFIX;
  }

  /** A source reading the folder {@code path}; nothing is read until it lists. */
  @Override
  public MigrationSource create(String location, String path, SourceSettings settings) {
    return new DrizzleSource(location, Path.of(path), settings);
  }
}
