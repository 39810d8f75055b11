package dev.strata.spi.support;

import dev.strata.api.LockTimeoutException;
import dev.strata.spi.Dialect;
import dev.strata.spi.LockRequest;
import dev.strata.spi.MigrationLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * The generic migration lock for databases without advisory locks: row 0 of the history table,
 * locked with {@code SELECT ... FOR UPDATE} in a transaction kept open on the dedicated lock
 * connection. The database releases it when that connection dies, so a crashed migrator leaves no
 * stale lock.
 *
 * <p>Each attempt waits at most the database's own lock-wait timeout (which the dialect sets on the
 * connection, about a second); attempts repeat until {@link LockRequest#timeout()}.
 */
public final class RowLock {
  private final Dialect dialect;
  private final Predicate<SQLException> isLockWaitTimeout;

  /**
   * @param dialect quotes the history table's columns
   * @param isLockWaitTimeout recognises the database's "lock wait timed out" error, which makes the
   *     lock try again; any other error is thrown
   */
  public RowLock(Dialect dialect, Predicate<SQLException> isLockWaitTimeout) {
    this.dialect = dialect;
    this.isLockWaitTimeout = isLockWaitTimeout;
  }

  /** Takes the lock on {@code connection}; see {@link dev.strata.spi.Dialect#lock}. */
  public MigrationLock lock(Connection connection, LockRequest request) throws SQLException {
    String rank = dialect.quote(HistoryTable.RANK);
    String sql =
        "SELECT " + rank + " FROM " + request.historyTable() + " WHERE " + rank + " = 0 FOR UPDATE";
    Instant start = request.clock().instant();
    Instant deadline = start.plus(request.timeout());
    boolean announced = false;
    connection.setAutoCommit(false);
    while (true) {
      boolean rowFound;
      try (Statement statement = connection.createStatement();
          var rows = statement.executeQuery(sql)) {
        rowFound = rows.next();
      } catch (SQLException e) {
        rollbackAfter(connection, e);
        if (!isLockWaitTimeout.test(e)) {
          throw e;
        }
        if (!announced) {
          request.onWait().run();
          announced = true;
        }
        request.throwIfStopRequested();
        Instant now = request.clock().instant();
        if (!now.isBefore(deadline)) {
          throw new LockTimeoutException(request.name(), Duration.between(start, now), null);
        }
        continue;
      }
      if (!rowFound) {
        connection.rollback();
        throw new SQLException(
            "row 0 of " + request.historyTable() + " is missing; the history table was damaged");
      }
      return connection::rollback;
    }
  }

  private static void rollbackAfter(Connection connection, SQLException failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
