package dev.strata.cli.internal;

import dev.strata.api.Direction;
import dev.strata.api.MigrationFailedException;
import dev.strata.api.PlannedMigration;
import dev.strata.api.StrataEvent;
import dev.strata.api.StrataListener;
import java.util.Locale;

/**
 * Renders the engine's events as progress lines on stderr: warnings, files left out by {@code
 * --ignore}, waiting for and taking the migration lock, each migration starting, completing or
 * failing. Statements are not shown one by one; {@code plan} prints them.
 */
final class EventPrinter implements StrataListener {
  private final Console console;
  private boolean waitedForLock;

  EventPrinter(Console console) {
    this.console = console;
  }

  @Override
  public void onEvent(StrataEvent event) {
    if (event instanceof StrataEvent.Warning w) {
      console.warn("warning", w.message(), Fields.of("file", w.origin()));
    } else if (event instanceof StrataEvent.FileIgnored i) {
      console.info(
          "file_ignored", "Ignoring " + i.origin() + " (--ignore)", Fields.of("file", i.origin()));
    } else if (event instanceof StrataEvent.LockWaiting w) {
      waitedForLock = true;
      console.info(
          "lock_waiting",
          "Waiting for the migration lock " + w.lockName() + ": another migrator holds it",
          Fields.of("lock", w.lockName()));
    } else if (event instanceof StrataEvent.LockAcquired a) {
      console.info(
          "lock_acquired",
          "Took the migration lock "
              + a.lockName()
              + (waitedForLock ? " after waiting " + a.waited().toMillis() + " ms" : ""),
          Fields.of("lock", a.lockName()).with("waited_ms", a.waited().toMillis()));
    } else if (event instanceof StrataEvent.MigrationStarted s) {
      PlannedMigration m = s.migration();
      console.info(
          "migration_started",
          (m.direction() == Direction.UP ? "Applying " : "Reverting ")
              + m.id()
              + " ("
              + m.origin()
              + ")",
          migration(m).with("file", m.origin()).with("transactional", m.transactional()));
    } else if (event instanceof StrataEvent.MigrationCompleted c) {
      PlannedMigration m = c.migration();
      long ms = c.duration().toMillis();
      int n = m.statements().size();
      console.info(
          "migration_completed",
          (m.direction() == Direction.UP ? "Applied " : "Reverted ")
              + m.id()
              + " in "
              + ms
              + " ms ("
              + n
              + (n == 1 ? " statement)" : " statements)"),
          migration(m).with("duration_ms", ms));
    } else if (event instanceof StrataEvent.MigrationFailed f) {
      PlannedMigration m = f.migration();
      MigrationFailedException e = f.error();
      console.error(
          "migration_failed",
          (m.direction() == Direction.UP ? "Failed to apply " : "Failed to revert ")
              + m.id()
              + " at "
              + e.origin()
              + ":"
              + e.line(),
          migration(m)
              .with("file", e.origin())
              .with("line", e.line())
              .with("sql_state", e.sqlState())
              .with("code", e.code()));
    }
    // StatementStarted: too fine-grained for progress output.
  }

  private static Fields migration(PlannedMigration m) {
    return Fields.of("version", m.id().version() == null ? null : m.id().version().toString())
        .with("description", m.id().description())
        .with("direction", m.direction().name().toLowerCase(Locale.ROOT))
        .with("statements", m.statements().size());
  }
}
