package dev.strata.api;

import java.time.Duration;

/**
 * Something the engine did, delivered to {@link StrataListener}s as it happens. The CLI renders its
 * output from these, and so can any embedder (logs, metrics); never parse log text instead.
 */
public sealed interface StrataEvent {

  /** Something about the sources that is not an error but should be seen, e.g. a named pipe. */
  record Warning(String origin, String message) implements StrataEvent {}

  /**
   * A file the user's {@code ignore} option ({@code --ignore}, {@code strata.ignore}) left out; an
   * information, shown at info level, so that what was left out stays visible.
   *
   * @param origin the file, as messages name it
   */
  record FileIgnored(String origin) implements StrataEvent {}

  /** The migration lock is held by someone else; this migrator waits. */
  record LockWaiting(String lockName) implements StrataEvent {}

  /** The migration lock was taken after waiting {@code waited}. */
  record LockAcquired(String lockName, Duration waited) implements StrataEvent {}

  /** A migration starts. */
  record MigrationStarted(PlannedMigration migration) implements StrataEvent {}

  /** A statement of a migration starts ({@code index} is 1-based). */
  record StatementStarted(PlannedMigration migration, int index, SqlStatement statement)
      implements StrataEvent {}

  /** A migration completed. */
  record MigrationCompleted(PlannedMigration migration, Duration duration) implements StrataEvent {}

  /** A migration failed; the exception is thrown right after this event. */
  record MigrationFailed(PlannedMigration migration, MigrationFailedException error)
      implements StrataEvent {}
}
