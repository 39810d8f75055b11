package dev.strata.source.tools;

import dev.strata.source.tools.internal.goose.GooseSource;
import dev.strata.spi.MigrationSource;
import dev.strata.spi.MigrationSourceProvider;
import dev.strata.spi.SourceSettings;
import java.nio.file.Path;

/**
 * {@code goose:<folder>}: a pressly/goose v3 migration folder, applied as goose applies it.
 * Registered in {@code META-INF/services/dev.strata.spi.MigrationSourceProvider}.
 *
 * <pre>{@code
 * Strata.configure().dataSource(dataSource).sources("goose:db/migrations").load().migrate();
 * }</pre>
 *
 * <p>The folder's own {@code <version>_<name>.sql} files are the migrations (not its subfolders),
 * ordered by version numerically; {@code -- +goose Up} / {@code Down} / {@code StatementBegin} /
 * {@code StatementEnd} / {@code NO TRANSACTION} / {@code ENVSUB ON|OFF} are read as goose reads
 * them, and statements split where goose splits them. {@code ENVSUB} substitutes from the process
 * environment. Projects still on the original liamstask goose use {@link
 * GooseLiamstaskSourceProvider goose-liamstask:}. See {@code docs/formats/goose.md}.
 *
 * <p>Stateless, immutable and thread-safe.
 */
public final class GooseSourceProvider implements MigrationSourceProvider {
  /** The location prefix, without its colon. */
  public static final String PREFIX = "goose";

  /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
  public GooseSourceProvider() {}

  /** Returns {@value #PREFIX}. */
  @Override
  public String prefix() {
    return PREFIX;
  }

  /** A source reading the folder {@code path}; nothing is read until it lists. */
  @Override
  public MigrationSource create(String location, String path, SourceSettings settings) {
    return new GooseSource(
        location, Path.of(path), settings, GooseSource.Layout.V3, System.getenv());
  }
}
