package dev.strata.core.internal.lock;

import dev.strata.api.StrataEvent;
import dev.strata.api.StrataListener;
import dev.strata.core.internal.cancel.Cancellation;
import dev.strata.core.internal.jdbc.Connector;
import dev.strata.spi.LockRequest;
import dev.strata.spi.MigrationLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The migration lock, held on a connection of its own so that the database releases it if this
 * process dies, whatever the migration connection is doing.
 */
public final class HeldLock implements AutoCloseable {
  private final Connection connection;
  private final MigrationLock lock;
  private final @Nullable Heartbeat heartbeat;

  private HeldLock(Connection connection, MigrationLock lock, String name) {
    this.connection = connection;
    this.lock = lock;
    // A lease renews itself; a session-level lock is kept alive from here (see Heartbeat).
    this.heartbeat = lock.sessionLevel() ? Heartbeat.start(connection, name) : null;
  }

  /** Takes the lock on a connection of its own, waiting at most as long as {@code settings} say. */
  public static HeldLock take(
      Connector connector,
      LockSettings settings,
      LockTarget target,
      StrataListener listener,
      Cancellation stop)
      throws SQLException {
    String name = target.name();
    Clock clock = settings.clock();
    Instant start = clock.instant();
    Connection c = connector.connect();
    try {
      LockRequest request =
          new LockRequest(
              name,
              target.historyTable(),
              settings.timeout(),
              clock,
              () -> listener.onEvent(new StrataEvent.LockWaiting(name)),
              stop::requested);
      stop.waiting(c);
      MigrationLock lock;
      try {
        lock =
            settings.leaseTimeToLive() != null
                ? new LeaseLock(target.dialect(), target.leaseTable(), settings.leaseTimeToLive())
                    .lock(c, request)
                : target.dialect().lock(c, request);
      } finally {
        stop.doneWaiting(c);
      }
      listener.onEvent(
          new StrataEvent.LockAcquired(name, Duration.between(start, clock.instant())));
      return new HeldLock(c, lock, name);
    } catch (SQLException | RuntimeException e) {
      try {
        c.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /** What the work done under the lock checks it with. */
  public LockGuard guard() throws SQLException {
    if (!lock.sessionLevel()) {
      return this::verifyHeld;
    }
    if (!connection.getAutoCommit()) {
      connection.setAutoCommit(true); // each history row written there commits at once
    }
    return new LockGuard() {
      @Override
      public void verifyHeld() throws LockGuard.LockLostException {
        HeldLock.this.verifyHeld();
      }

      @Override
      public Connection connection() {
        return connection;
      }
    };
  }

  /**
   * Checks a session-level lock once while {@code work}, the connection the work under the lock
   * runs on, holds a transaction open. Through a pooler in transaction mode that transaction keeps
   * a server session to itself, usually the one the lock's connection just used, so the lock's
   * connection reaches another session than the one that took the lock, and the lock's check says
   * so before anything runs.
   */
  public void confirmAlongside(Connection work) throws SQLException {
    if (!lock.sessionLevel()) {
      return;
    }
    if (!work.getAutoCommit()) {
      verifyHeld(); // its transaction is the caller's: neither opened nor rolled back here
      return;
    }
    work.setAutoCommit(false);
    try {
      try (Statement s = work.createStatement()) {
        s.execute("SELECT 1");
      }
      verifyHeld();
    } finally {
      work.rollback();
      work.setAutoCommit(true);
    }
  }

  /** Throws when the lock's connection died or stopped answering its heartbeat. */
  void verifyHeld() throws LockGuard.LockLostException {
    String silence = heartbeat == null ? null : heartbeat.silence();
    if (silence != null) {
      throw new LockGuard.LockLostException(
          "the migration lock may be lost ("
              + silence
              + "), so another migrator may hold it now; stopped before committing or running"
              + " anything more",
          new SQLException(silence, "08006"));
    }
    synchronized (connection) { // a lease's renewer and the heartbeat use the connection too
      try {
        if (!connection.isValid(5)) {
          throw new SQLException("the lock's connection is no longer valid");
        }
        lock.verifyHeld();
      } catch (SQLException e) {
        throw new LockGuard.LockLostException(
            "the migration lock was lost ("
                + e.getMessage()
                + "; terminated by the server?), so"
                + " another migrator may hold it now; stopped before committing or running anything more",
            e);
      }
    }
  }

  @Override
  public void close() throws SQLException {
    if (heartbeat != null) {
      heartbeat.stop();
    }
    try (Connection c = connection) {
      lock.close();
    }
  }
}
