package com.example.strata.sqlite;

import dev.strata.api.LockTimeoutException;
import dev.strata.spi.LockRequest;
import dev.strata.spi.MigrationLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The migration lock: SQLite's own write lock on a small database of its own beside the migrated
 * one ({@code app.db.main.strata_schema_history.lock}), attached to the dedicated lock connection
 * and held by a write transaction left open there.
 *
 * <p>Why not a lock on the migrated database itself: SQLite has one writer per database file, so a
 * write transaction ({@code BEGIN IMMEDIATE}) held on the lock connection would keep the migration
 * connection from writing: a deadlock. Locking a second file keeps the two apart, and is still the
 * database's own lock, so it has the properties the engine needs:
 *
 * <ul>
 *   <li>it is exclusive across connections and processes (SQLite's POSIX/Windows file locks, which
 *       SQLite also coordinates between connections of one process);
 *   <li>it goes when its connection does: closing a connection rolls its transaction back, and the
 *       operating system drops a dead process's file locks;
 *   <li>it needs no table in the migrated database, so it is taken before the history table exists.
 * </ul>
 *
 * <p>Why not the alternatives: a {@code java.nio} {@code FileChannel} lock on a side file also dies
 * with the process, but it belongs to the JVM rather than to the connection: a second connection of
 * the same JVM gets {@code OverlappingFileLockException} instead of waiting, and closing the
 * connection would not release it. Strata's lease lock ({@code lockMode=LEASE}) expires instead of
 * being released (a crashed migrator blocks the next one for the lease's time to live), and it
 * renews itself by writing to the migrated database, which SQLite's single writer blocks for as
 * long as a migration transaction runs.
 *
 * <p>The transaction runs {@code UPDATE ... WHERE 0} on the lock file: that takes the RESERVED lock
 * without changing a page, so no journal is written and nothing is left to recover after a crash.
 * Each attempt waits through SQLite's {@code busy_timeout} (at most a second, so the deadline is
 * checked); the connection's own busy timeout is restored on release.
 *
 * <p>Stateless and thread-safe; each {@link Held} is used by one thread at a time.
 */
final class SqliteLock {
  /** The schema name the lock database is attached under, on the lock connection only. */
  static final String ALIAS = "strata_lock";

  /** How long one attempt waits inside SQLite before the loop checks its deadline. */
  static final long ATTEMPT_MILLIS = 1000;

  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;

  private SqliteLock() {}

  /** Takes the lock; see {@link dev.strata.spi.Dialect#lock}. */
  static MigrationLock lock(Connection c, LockRequest request) throws SQLException {
    Path file = lockFile(mainFile(c), request.name());
    int busyTimeout = busyTimeout(c);
    // Our own BEGIN below: the driver's would be BEGIN IMMEDIATE under transaction_mode=IMMEDIATE,
    // which would lock the migrated database too.
    c.setAutoCommit(true);
    attach(c, file);
    try {
      Instant start = request.clock().instant();
      Instant deadline = start.plus(request.timeout());
      if (!tryTake(c, 0)) {
        request.onWait().run();
        while (true) {
          request.throwIfStopRequested();
          Instant now = request.clock().instant();
          if (!now.isBefore(deadline)) {
            throw new LockTimeoutException(
                request.name(),
                Duration.between(start, now),
                "a connection with a write transaction open on "
                    + file
                    + " (fuser or lsof on that file lists the processes using it)");
          }
          long wait = Math.min(ATTEMPT_MILLIS, Duration.between(now, deadline).toMillis());
          if (tryTake(c, Math.max(1, wait))) {
            break;
          }
        }
      }
      return new Held(c, busyTimeout);
    } catch (SQLException | RuntimeException e) {
      try {
        detach(c);
        setBusyTimeout(c, busyTimeout);
      } catch (SQLException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /**
   * The lock file for {@code lockName} ({@code strata:<schema>.<table>}) beside {@code database}:
   * {@code <database>.<schema>.<table>.lock}, lower-cased since SQLite's names ignore case; a name
   * with characters unsafe in file names is replaced by a readable part and a hash.
   */
  static Path lockFile(Path database, String lockName) {
    String key = lockName.startsWith("strata:") ? lockName.substring("strata:".length()) : lockName;
    key = key.toLowerCase(Locale.ROOT);
    String safe = key.replaceAll("[^a-z0-9_.-]", "_");
    if (!safe.equals(key) || safe.length() > 100) {
      safe = safe.substring(0, Math.min(safe.length(), 100)) + "-" + sha256(key).substring(0, 12);
    }
    return database.resolveSibling(database.getFileName() + "." + safe + ".lock");
  }

  /** The file of the connection's main database, which in-memory databases do not have. */
  static Path mainFile(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA database_list")) {
      while (rs.next()) {
        if ("main".equals(rs.getString("name"))) {
          String file = rs.getString("file");
          if (file == null || file.isEmpty()) {
            break;
          }
          return Path.of(file);
        }
      }
    }
    throw new SQLException(
        "the SQLite database has no file (an in-memory or temporary database); Strata needs a"
            + " database file, since each of its connections would otherwise see a database of its"
            + " own, and its migration lock is a file beside the database");
  }

  /** One attempt, waiting at most {@code waitMillis} for a holder to let go. */
  private static boolean tryTake(Connection c, long waitMillis) throws SQLException {
    setBusyTimeout(c, (int) Math.min(Integer.MAX_VALUE, waitMillis));
    boolean begun = false;
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS " + ALIAS + ".strata_lock (held INTEGER)");
      s.execute("BEGIN DEFERRED TRANSACTION");
      begun = true;
      s.executeUpdate("UPDATE " + ALIAS + ".strata_lock SET held = 1 WHERE 0");
      return true;
    } catch (SQLException e) {
      if (begun) {
        rollback(c, e);
      }
      if (isBusy(e)) {
        return false;
      }
      throw e;
    }
  }

  /** SQLITE_BUSY or SQLITE_LOCKED, as a primary or extended result code. */
  static boolean isBusy(SQLException e) {
    int primary = e.getErrorCode() & 0xff;
    return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
  }

  private static void attach(Connection c, Path file) throws SQLException {
    detach(c); // left over from a failed release on this connection
    try (PreparedStatement attach = c.prepareStatement("ATTACH DATABASE ? AS " + ALIAS)) {
      attach.setString(1, file.toString());
      attach.execute();
    } catch (SQLException e) {
      throw new SQLException(
          "Cannot open the migration lock file "
              + file
              + " ("
              + e.getMessage()
              + "); the lock is a file beside the database, so its directory must be writable",
          e.getSQLState(),
          e.getErrorCode(),
          e);
    }
  }

  /** Detaches the lock database if it is attached; fails while the lock is held. */
  private static void detach(Connection c) throws SQLException {
    boolean attached = false;
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA database_list")) {
      while (rs.next()) {
        attached |= ALIAS.equalsIgnoreCase(rs.getString("name"));
      }
    }
    if (attached) {
      try (Statement s = c.createStatement()) {
        s.execute("DETACH DATABASE " + ALIAS);
      }
    }
  }

  private static void rollback(Connection c, SQLException failure) {
    try (Statement s = c.createStatement()) {
      s.execute("ROLLBACK");
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private static int busyTimeout(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA busy_timeout")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  private static void setBusyTimeout(Connection c, int millis) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = " + millis);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The held lock: the open transaction on the lock connection. */
  private static final class Held implements MigrationLock {
    private final Connection connection;
    private final int busyTimeout;

    Held(Connection connection, int busyTimeout) {
      this.connection = connection;
      this.busyTimeout = busyTimeout;
    }

    /**
     * Ends the transaction and detaches the lock database. A connection that is already closed took
     * the lock with it. Detaching succeeds only without a transaction, so it proves the release
     * even when the rollback found none to end.
     */
    @Override
    public void close() throws SQLException {
      if (connection.isClosed()) {
        return;
      }
      SQLException rollback = null;
      try (Statement s = connection.createStatement()) {
        s.execute("ROLLBACK");
      } catch (SQLException e) {
        rollback = e;
      }
      try {
        detach(connection);
        setBusyTimeout(connection, busyTimeout);
      } catch (SQLException e) {
        if (rollback != null) {
          e.addSuppressed(rollback);
        }
        throw e;
      }
    }
  }
}
