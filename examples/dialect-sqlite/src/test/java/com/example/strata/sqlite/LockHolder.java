package com.example.strata.sqlite;

import dev.strata.spi.support.HistoryTable;
import dev.strata.spi.LockRequest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;

/**
 * Takes the migration lock of the database file named by its argument, prints {@code held}, and
 * never lets go: a migrator for {@link SqliteLockAcrossProcessesIT} to kill.
 */
final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + args[0]);
    SqliteDialect.INSTANCE.lock(c, request(Duration.ofSeconds(30)));
    System.out.println("held");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }

  /** The request the engine makes for the default history table. */
  static LockRequest request(Duration timeout) {
    SqliteDialect d = SqliteDialect.INSTANCE;
    return new LockRequest(
        LockRequest.nameFor(SqliteDialect.MAIN, HistoryTable.DEFAULT_NAME),
        d.quote(SqliteDialect.MAIN) + "." + d.quote(HistoryTable.DEFAULT_NAME),
        timeout,
        Clock.systemUTC(),
        () -> {});
  }
}
