package dev.strata.spring.boot.internal;

import dev.strata.api.Direction;
import dev.strata.api.PlannedMigration;
import dev.strata.api.StrataEvent;
import dev.strata.api.StrataListener;
import dev.strata.core.Vocabulary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the engine's events as log lines: warnings, files left out by {@code strata.ignore},
 * waiting for and taking the lock, each migration applied. A failed migration is not logged here:
 * the exception reaches the failure analyzer, which reports it once.
 */
public final class EventLog implements StrataListener {
  private static final Logger log = LoggerFactory.getLogger("dev.strata");

  @Override
  public void onEvent(StrataEvent event) {
    if (event instanceof StrataEvent.Warning w) {
      log.warn("Strata: {}", Vocabulary.SPRING_BOOT.render(w.message()));
    } else if (event instanceof StrataEvent.FileIgnored i) {
      log.info("Strata: ignoring {} (strata.ignore)", i.origin());
    } else if (event instanceof StrataEvent.LockWaiting w) {
      log.info(
          "Strata: waiting for the migration lock {}: another migrator holds it", w.lockName());
    } else if (event instanceof StrataEvent.LockAcquired a && !a.waited().isZero()) {
      log.info(
          "Strata: took the migration lock {} after {} ms", a.lockName(), a.waited().toMillis());
    } else if (event instanceof StrataEvent.MigrationStarted s) {
      PlannedMigration m = s.migration();
      log.debug("Strata: {} {} ({})", verb(m, "applying", "reverting"), m.id(), m.origin());
    } else if (event instanceof StrataEvent.MigrationCompleted c) {
      PlannedMigration m = c.migration();
      log.info(
          "Strata: {} {} in {} ms",
          verb(m, "applied", "reverted"),
          m.id(),
          c.duration().toMillis());
    }
  }

  private static String verb(PlannedMigration m, String up, String down) {
    return m.direction() == Direction.UP ? up : down;
  }
}
