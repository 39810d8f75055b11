package dev.strata.api;

import org.jspecify.annotations.Nullable;

/**
 * A migration written in Java, for what SQL expresses badly: data fixes, backfills, calls to other
 * systems. Register it with {@code Strata.configure().javaMigrations(...)} or list it in {@code
 * META-INF/services/dev.strata.api.JavaMigration}; Strata never scans the classpath for classes.
 *
 * <p>Its version and description come from the class name, Flyway style ({@code
 * V3__Backfill_emails} is version 3, "Backfill emails"), unless {@link #version()} says otherwise.
 * It runs in one transaction with its history row (on every database: DML is transactional even
 * where DDL is not) unless {@link #transactional()} is {@code false}.
 *
 * <pre>{@code
 * public final class V3__Backfill_emails implements JavaMigration {
 *   public void up(JavaMigrationContext context) throws SQLException {
 *     try (var s = context.connection().createStatement()) {
 *       s.executeUpdate("UPDATE person SET email = lower(email)");
 *     }
 *   }
 * }
 * }</pre>
 */
public interface JavaMigration {
  /** Applies the migration on {@link JavaMigrationContext#connection()}; never commit it. */
  void up(JavaMigrationContext context) throws Exception;

  /** Whether {@link #down} reverts this migration. */
  default boolean reversible() {
    return false;
  }

  /** Reverts the migration; called only when {@link #reversible()}. */
  default void down(JavaMigrationContext context) throws Exception {
    throw new UnsupportedOperationException(getClass().getName() + " has no down migration");
  }

  /** The version, e.g. {@code "3"}; {@code null} to take it from the class name. */
  default @Nullable String version() {
    return null;
  }

  /** The description; {@code null} to take it from the class name. */
  default @Nullable String description() {
    return null;
  }

  /**
   * A checksum of the migration's logic that the author changes when the logic changes, so that
   * {@code validate} reports an edit; {@code null} (the default) means never checked.
   */
  default @Nullable String checksum() {
    return null;
  }

  /** Its expand/contract phase; expand unless it removes what old code still uses. */
  default MigrationPhase phase() {
    return MigrationPhase.EXPAND;
  }

  /**
   * Whether a failed or interrupted run may simply run again because the migration resumes where it
   * stopped (a {@code Backfill} keeps its own progress); only for non-transactional ones. A
   * resumable failure stays pending instead of needing {@code repair}.
   */
  default boolean resumable() {
    return false;
  }

  /** Whether it runs in a transaction with its history row; {@code false} for long backfills. */
  default boolean transactional() {
    return true;
  }
}
