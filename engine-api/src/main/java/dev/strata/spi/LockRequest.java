package dev.strata.spi;

import java.time.Clock;
import java.time.Duration;

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
 */
public record LockRequest(
    String name, String historyTable, Duration timeout, Clock clock, Runnable onWait) {

  /** The lock name for a history table: {@code strata:<schema>.<table>}, stable across versions. */
  public static String nameFor(String schema, String table) {
    return "strata:" + schema + "." + table;
  }
}
