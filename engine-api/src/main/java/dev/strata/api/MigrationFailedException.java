package dev.strata.api;

import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/**
 * A statement of a migration failed. The message says which statement ({@code file:line}), what the
 * database said, and what state the database was left in.
 */
public final class MigrationFailedException extends StrataException {
  private static final long serialVersionUID = 1L;
  private final String migration;
  private final String origin;
  private final int line;
  private final @Nullable String sqlState;

  public MigrationFailedException(
      String migration, String origin, int line, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.migration = migration;
    this.origin = origin;
    this.line = line;
    this.sqlState = cause instanceof SQLException e ? e.getSQLState() : null;
  }

  /** The failed migration, e.g. {@code V3 add_email}. */
  public String migration() {
    return migration;
  }

  /** The script's file. */
  public String origin() {
    return origin;
  }

  /** The 1-based line where the failing statement starts. */
  public int line() {
    return line;
  }

  /** The database's SQLSTATE, when it gave one. */
  public @Nullable String sqlState() {
    return sqlState;
  }

  @Override
  public String code() {
    return "MIGRATION_FAILED";
  }
}
