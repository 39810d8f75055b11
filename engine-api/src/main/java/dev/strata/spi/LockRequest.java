package dev.strata.spi;

import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * What the engine asks of {@link Dialect#lock}.
 *
 * @param name the lock's name, unique per history table ({@code strata:<schema>.<table>}); a
 *     dialect derives its key from it (a hash for PostgreSQL, a name of at most 64 characters for
 *     MySQL)
 * @param historyTable the qualified, quoted history table, for locks that live in it
 * @param timeout how long to wait before giving up with a {@link
 *     dev.strata.api.LockTimeoutException}
 * @param clock the clock to measure the wait with
 * @param onWait called once, before waiting, when the lock is held by someone else
 * @param stopRequested whether the command was asked to stop ({@code Strata.cancel()}); a lock that
 *     waits checks it between attempts and gives up with an {@link java.sql.SQLException} saying it
 *     stopped on request (the engine also aborts the connection, but not every driver honours that)
 */
public record LockRequest(
    String name,
    String historyTable,
    Duration timeout,
    Clock clock,
    Runnable onWait,
    BooleanSupplier stopRequested) {

  /** A request that is never asked to stop. */
  public LockRequest(
      String name, String historyTable, Duration timeout, Clock clock, Runnable onWait) {
    this(name, historyTable, timeout, clock, onWait, () -> false);
  }

  /** Throws when the command was asked to stop; call it between attempts. */
  public void throwIfStopRequested() throws java.sql.SQLException {
    if (stopRequested.getAsBoolean()) {
      throw new java.sql.SQLException(
          "stopped on request while waiting for the migration lock " + name);
    }
  }

  /** The lock name for a history table: {@code strata:<schema>.<table>}, stable across versions. */
  public static String nameFor(String schema, String table) {
    return "strata:" + schema + "." + table;
  }
}
