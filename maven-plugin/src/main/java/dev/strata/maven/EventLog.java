package dev.strata.maven;

import dev.strata.api.Direction;
import dev.strata.api.MigrationFailedException;
import dev.strata.api.PlannedMigration;
import dev.strata.api.StrataEvent;
import dev.strata.api.StrataListener;
import org.apache.maven.plugin.logging.Log;

/**
 * Renders the engine's events through Maven's logger, as the CLI prints them: warnings, files left
 * out by {@code ignore}, waiting for and taking the migration lock, each migration starting,
 * completing or failing. Statements are not logged one by one; {@code strata:plan} shows them.
 */
final class EventLog implements StrataListener {
  private final Log log;
  private boolean waitedForLock;

  EventLog(Log log) {
    this.log = log;
  }

  @Override
  public void onEvent(StrataEvent event) {
    if (event instanceof StrataEvent.Warning w) {
      log.warn(w.message());
    } else if (event instanceof StrataEvent.FileIgnored i) {
      log.info("Ignoring " + i.origin() + " (ignore)");
    } else if (event instanceof StrataEvent.LockWaiting w) {
      waitedForLock = true;
      log.info("Waiting for the migration lock " + w.lockName() + ": another migrator holds it");
    } else if (event instanceof StrataEvent.LockAcquired a) {
      log.info(
          "Took the migration lock "
              + a.lockName()
              + (waitedForLock ? " after waiting " + a.waited().toMillis() + " ms" : ""));
    } else if (event instanceof StrataEvent.MigrationStarted s) {
      PlannedMigration m = s.migration();
      log.info((up(m) ? "Applying " : "Reverting ") + m.id() + " (" + m.origin() + ")");
    } else if (event instanceof StrataEvent.MigrationCompleted c) {
      PlannedMigration m = c.migration();
      int n = m.statements().size();
      log.info(
          (up(m) ? "Applied " : "Reverted ")
              + m.id()
              + " in "
              + c.duration().toMillis()
              + " ms ("
              + n
              + (n == 1 ? " statement)" : " statements)"));
    } else if (event instanceof StrataEvent.MigrationFailed f) {
      PlannedMigration m = f.migration();
      MigrationFailedException e = f.error();
      // The failure itself is reported once, by the goal's MojoFailureException.
      log.error(
          (up(m) ? "Failed to apply " : "Failed to revert ")
              + m.id()
              + " at "
              + e.origin()
              + ":"
              + e.line());
    }
  }

  private static boolean up(PlannedMigration m) {
    return m.direction() == Direction.UP;
  }
}
