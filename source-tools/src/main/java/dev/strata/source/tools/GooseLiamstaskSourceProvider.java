package dev.strata.source.tools;

import dev.strata.source.tools.internal.goose.GooseSource;
import dev.strata.spi.MigrationSource;
import dev.strata.spi.MigrationSourceProvider;
import dev.strata.spi.SourceSettings;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code goose-liamstask:<folder>}: a migration folder of the original goose ({@code
 * bitbucket.org/liamstask/goose}, which older projects still run), applied by its rules rather than
 * pressly/goose v3's: the whole tree is searched, annotations are case-sensitive at column 0 and
 * only {@code Up}, {@code Down}, {@code StatementBegin} and {@code StatementEnd} exist (no {@code
 * NO TRANSACTION}, no {@code ENVSUB}), and every file runs in one transaction. Registered in {@code
 * META-INF/services/dev.strata.spi.MigrationSourceProvider}.
 *
 * <pre>{@code
 * Strata.configure().dataSource(dataSource).sources("goose-liamstask:db/migrations").load().migrate();
 * }</pre>
 *
 * <p>A prefix of its own, not an option of {@code goose:}: the two tools find different files and
 * split them differently, so the location names the tool as every other location does. See {@code
 * docs/formats/goose.md}.
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class GooseLiamstaskSourceProvider implements MigrationSourceProvider {
  /** The location prefix, without its colon. */
  public static final String PREFIX = "goose-liamstask";

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public GooseLiamstaskSourceProvider() {}

  /** Returns {@value #PREFIX}. */
  @Override
  public String prefix() {
    return PREFIX;
  }

  /** A source reading the folder {@code path}; nothing is read until it lists. */
  @Override
  public MigrationSource create(String location, String path, SourceSettings settings) {
    return new GooseSource(
        location, Path.of(path), settings, GooseSource.Layout.LIAMSTASK, Map.of());
  }
}
