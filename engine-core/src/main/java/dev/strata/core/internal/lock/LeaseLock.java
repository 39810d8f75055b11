package dev.strata.core.internal.lock;

import dev.strata.api.LockTimeoutException;
import dev.strata.spi.Dialect;
import dev.strata.spi.LockRequest;
import dev.strata.spi.MigrationLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The migration lock for connection poolers in transaction mode (PgBouncer's {@code
 * pool_mode=transaction}), where session locks do not work: consecutive statements may reach
 * different server sessions, so a session advisory lock could be released on a session Strata no
 * longer uses, or taken on one it never sees again. A lease is a row in a table of its own ({@code
 * <history table>_lease}), written in short autocommit statements that any pooler passes through:
 * taken when absent or expired, renewed every third of its time to live by a daemon thread, deleted
 * on release. A crashed holder's lease expires after the time to live, after which another migrator
 * takes it over. Times are the database's clock, read once per attempt.
 */
public final class LeaseLock {
  private final Dialect dialect;
  private final String table;
  private final Duration timeToLive;

  /**
   * @param table the quoted, qualified lease table, created on first use
   * @param timeToLive how long a lease lasts without renewal (how long a crashed holder blocks)
   */
  public LeaseLock(Dialect dialect, String table, Duration timeToLive) {
    this.dialect = dialect;
    this.table = table;
    this.timeToLive = timeToLive;
  }

  /** Takes the lease; see {@link Dialect#lock}. */
  public MigrationLock lock(Connection c, LockRequest request) throws SQLException {
    c.setAutoCommit(true);
    createTable(c);
    String holder = "strata-" + UUID.randomUUID();
    Instant start = request.clock().instant();
    Instant deadline = start.plus(request.timeout());
    boolean announced = false;
    long pause = 50;
    while (!tryTake(c, request.name(), holder)) {
      if (!announced) {
        request.onWait().run();
        announced = true;
      }
      request.throwIfStopRequested();
      if (!request.clock().instant().isBefore(deadline)) {
        throw new LockTimeoutException(
            request.name(),
            Duration.between(start, request.clock().instant()),
            describe(c, request.name()));
      }
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while waiting for the lease " + request.name(), e);
      }
      pause = Math.min(pause * 2, 1000);
    }
    return new Held(c, request.name(), holder);
  }

  private void createTable(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE IF NOT EXISTS "
              + table
              + " ("
              + q("lock_name")
              + " VARCHAR(200) PRIMARY KEY, "
              + q("holder")
              + " VARCHAR(200) NOT NULL, "
              + q("expires_ms")
              + " BIGINT NOT NULL)");
    } catch (SQLException e) {
      // A concurrent creator may win; the statements below fail clearly if the table is absent.
    }
  }

  private boolean tryTake(Connection c, String name, String holder) throws SQLException {
    long now = databaseMillis(c);
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO "
                + table
                + " ("
                + q("lock_name")
                + ", "
                + q("holder")
                + ", "
                + q("expires_ms")
                + ") VALUES (?, ?, ?)")) {
      insert.setString(1, name);
      insert.setString(2, holder);
      insert.setLong(3, now + timeToLive.toMillis());
      insert.executeUpdate();
      return true;
    } catch (SQLException held) {
      // Someone holds it, or held it and died: take it over only if it expired.
      try (PreparedStatement steal =
          c.prepareStatement(
              "UPDATE "
                  + table
                  + " SET "
                  + q("holder")
                  + " = ?, "
                  + q("expires_ms")
                  + " = ? WHERE "
                  + q("lock_name")
                  + " = ? AND "
                  + q("expires_ms")
                  + " < ?")) {
        steal.setString(1, holder);
        steal.setLong(2, now + timeToLive.toMillis());
        steal.setString(3, name);
        steal.setLong(4, now);
        return steal.executeUpdate() == 1;
      }
    }
  }

  private String describe(Connection c, String name) {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT "
                + q("holder")
                + ", "
                + q("expires_ms")
                + " FROM "
                + table
                + " WHERE "
                + q("lock_name")
                + " = ?")) {
      s.setString(1, name);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next()
            ? "lease "
                + rs.getString(1)
                + " (expires in "
                + (rs.getLong(2) - databaseMillis(c)) / 1000
                + " s unless renewed; delete its row in "
                + table
                + " if that migrator is gone)"
            : null;
      }
    } catch (SQLException e) {
      return null;
    }
  }

  private long databaseMillis(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT " + dialect.currentTimestamp())) {
      rs.next();
      return rs.getTimestamp(1).getTime();
    }
  }

  private String q(String column) {
    return dialect.quote(column);
  }

  /** A lease held and renewed until closed. */
  private final class Held implements MigrationLock {
    private final Connection connection;
    private final String name;
    private final String holder;
    private final ScheduledExecutorService renewer;
    private volatile SQLException lost;

    Held(Connection connection, String name, String holder) {
      this.connection = connection;
      this.name = name;
      this.holder = holder;
      this.renewer =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "strata-lease-renewer");
                t.setDaemon(true);
                return t;
              });
      long every = Math.max(1, timeToLive.toMillis() / 3);
      renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    // The engine checks the lock connection from its own thread; both synchronise on it.
    private void renew() {
      synchronized (connection) {
        renewNow();
      }
    }

    private void renewNow() {
      try (PreparedStatement s =
          connection.prepareStatement(
              "UPDATE "
                  + table
                  + " SET "
                  + q("expires_ms")
                  + " = ? WHERE "
                  + q("lock_name")
                  + " = ? AND "
                  + q("holder")
                  + " = ?")) {
        s.setLong(1, databaseMillis(connection) + timeToLive.toMillis());
        s.setString(2, name);
        s.setString(3, holder);
        if (s.executeUpdate() != 1) {
          lost =
              new SQLException(
                  "the lease "
                      + name
                      + " was taken over by another migrator after"
                      + " it expired; stopped without committing",
                  "55P03");
        }
      } catch (SQLException e) {
        lost = e;
      }
    }

    @Override
    public void verifyHeld() throws SQLException {
      if (lost != null) {
        throw lost;
      }
    }

    @Override
    public void close() throws SQLException {
      renewer.shutdownNow();
      synchronized (connection) {
        delete();
      }
    }

    private void delete() throws SQLException {
      try (PreparedStatement s =
          connection.prepareStatement(
              "DELETE FROM "
                  + table
                  + " WHERE "
                  + q("lock_name")
                  + " = ? AND "
                  + q("holder")
                  + " = ?")) {
        s.setString(1, name);
        s.setString(2, holder);
        s.executeUpdate();
      }
    }
  }
}
