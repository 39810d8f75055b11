package dev.strata.dialect.postgres.internal;

import dev.strata.api.ConfigurationException;
import dev.strata.api.LockTimeoutException;
import dev.strata.spi.LockRequest;
import dev.strata.spi.MigrationLock;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;

/**
 * The migration lock as a PostgreSQL session-level advisory lock: an immediate {@code
 * pg_try_advisory_lock}, then, once the listener has heard {@link LockRequest#onWait()}, blocking
 * {@code pg_advisory_lock} attempts bounded by a {@code lock_timeout} of at most a second each,
 * until the request's deadline measured with the request's clock. A blocked attempt is woken by the
 * server the moment the holder lets go, so a waiting replica follows the one that migrated within a
 * round trip instead of sleeping out a poll interval (four racing migrators took 4.7 times the time
 * of a blocking floor while they polled with a backoff); the one-second bound lets a stop request
 * be noticed.
 *
 * <p><b>The key</b> is {@link #keyOf}: the first 8 bytes of the SHA-256 digest of the lock's name
 * in UTF-8, read big-endian as a signed 64-bit integer. It depends on the name only ({@code
 * strata:<schema>.<table>}), so every Strata version, and any other tool that wants to wait for
 * Strata, derives the same key.
 *
 * <p>The lock connection stays in autocommit: a session lock needs no transaction, and an open one
 * would hold a snapshot that {@code CREATE INDEX CONCURRENTLY} on another connection waits for
 * until it ends, which would be forever. The server releases the lock when the connection closes or
 * its backend is terminated.
 *
 * <p>Immutable and thread-safe.
 */
final class AdvisoryLock {
  /** The longest blocking attempt, so that a stop request is noticed within about this long. */
  static final Duration LONGEST_ATTEMPT = Duration.ofSeconds(1);

  /** PostgreSQL's SQLSTATE for a lock wait that ran into {@code lock_timeout}. */
  private static final String LOCK_NOT_AVAILABLE = "55P03";

  /** What {@link #tryLock} and {@link #lockWithin} return when the lock was not taken. */
  private static final int NOT_TAKEN = 0;

  /** What they return when the server session reached already held the lock. */
  private static final int ALREADY_HELD = -1;

  /** How often a release looks for the lock's server session behind a transaction pooler. */
  private static final int UNLOCK_ATTEMPTS_BEHIND_A_POOLER = 20;

  private AdvisoryLock() {}

  /** The advisory-lock key of lock {@code name}; see the class comment. */
  static long keyOf(String name) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  /**
   * Takes the lock on {@code connection}.
   *
   * @param describeHolder describes who holds the lock, for the timeout message
   */
  static MigrationLock acquire(
      Connection connection,
      LockRequest request,
      BiFunction<Connection, LockRequest, @Nullable String> describeHolder)
      throws SQLException {
    long key = keyOf(request.name());
    if (!connection.getAutoCommit()) {
      connection.setAutoCommit(true);
    }
    Instant start = request.clock().instant();
    Instant deadline = start.plus(request.timeout());
    int backend = tryLock(connection, key);
    refuseIfAlreadyHeld(backend, key, request.name());
    if (backend != NOT_TAKEN) {
      return limitSilence(connection, held(connection, key, request.name(), backend));
    }
    request.onWait().run();
    while (true) {
      request.throwIfStopRequested();
      Instant now = request.clock().instant();
      Duration left = Duration.between(now, deadline);
      if (left.isNegative() || left.isZero()) {
        throw new LockTimeoutException(
            request.name(),
            Duration.between(start, now),
            describeHolder.apply(connection, request));
      }
      backend =
          lockWithin(connection, key, left.compareTo(LONGEST_ATTEMPT) < 0 ? left : LONGEST_ATTEMPT);
      refuseIfAlreadyHeld(backend, key, request.name());
      if (backend != NOT_TAKEN) {
        return limitSilence(connection, held(connection, key, request.name(), backend));
      }
    }
  }

  /**
   * Lets the server end the lock's session after {@link PostgresSessionLimits#SILENCE} without a
   * statement ({@code idle_session_timeout}, PostgreSQL 14 and later) and sets its TCP keepalive
   * probes to give up on a dead peer within about as long. The engine touches the lock's connection
   * every few seconds while it holds the lock, so a live holder keeps it; one cut off by a
   * partition or a dead node loses it that long after its last heartbeat, instead of when the
   * kernel's keepalive defaults give up, after more than two hours. Returns {@code lock}.
   */
  private static MigrationLock limitSilence(Connection connection, MigrationLock lock)
      throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(PostgresSessionLimits.keepalives());
      if (connection.getMetaData().getDatabaseMajorVersion() >= 14) {
        s.execute(PostgresSessionLimits.idleSession());
      }
    } catch (SQLException | RuntimeException e) {
      try {
        lock.close();
      } catch (SQLException releasing) {
        e.addSuppressed(releasing);
      }
      throw e;
    }
    return lock;
  }

  /**
   * The held lock: a session-level lock of server session {@code backend}, which statements on its
   * connection cannot release. {@link MigrationLock#verifyHeld} checks that the connection still
   * reaches that session and the session still holds the lock: behind a pooler in transaction mode
   * (PgBouncer's {@code pool_mode=transaction}) each transaction runs on whichever server session
   * is free, so the lock stays with a session other clients use and this connection moves on.
   */
  private static MigrationLock held(Connection connection, long key, String name, int backend) {
    return new MigrationLock() {
      private boolean pooled;

      @Override
      public boolean sessionLevel() {
        return true;
      }

      @Override
      public void verifyHeld() throws SQLException {
        if (!heldBy(connection, key, backend)) {
          pooled = true;
          throw behindAPooler(
              name,
              key,
              "taken by server session "
                  + backend
                  + ") is not held by the server session this connection now reaches");
        }
      }

      @Override
      public void close() throws SQLException {
        if (!pooled) {
          unlock(connection, key, name);
          // The connection goes back to its pool (an application's): without the limits only a
          // held lock needs, or the server would end it after the pool left it idle.
          try (Statement s = connection.createStatement()) {
            s.execute(PostgresSessionLimits.resetLockLimits(connection));
          }
          return;
        }
        // Behind a transaction pooler the lock's session is reached again only by chance (the one
        // the migration connection just let go of is usually handed out next). Left there, the
        // lock would stop every migrator until the pooler closes that server connection, so a
        // session still holding it while idle (in no client's transaction) is ended instead.
        for (int attempt = 0; attempt < UNLOCK_ATTEMPTS_BEHIND_A_POOLER; attempt++) {
          if (tryUnlock(connection, key)) {
            return;
          }
        }
        terminateIfIdle(connection, key, backend);
      }
    };
  }

  /**
   * Whether {@code connection} reaches server session {@code backend} and that session holds the
   * advisory lock {@code key}.
   */
  private static boolean heldBy(Connection connection, long key, int backend) throws SQLException {
    String sql =
        "SELECT pg_backend_pid(), EXISTS (SELECT 1 FROM pg_catalog.pg_locks l"
            + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
            + " AND l.pid = pg_backend_pid()"
            + " AND l.database = (SELECT oid FROM pg_catalog.pg_database"
            + " WHERE datname = current_database())"
            + " AND l.classid::bigint = ? AND l.objid::bigint = ?)";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setLong(1, key >>> 32);
      ps.setLong(2, key & 0xFFFF_FFFFL);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1) == backend && rs.getBoolean(2);
      }
    }
  }

  /** Ends server session {@code backend} if it holds lock {@code key} and is idle. */
  private static void terminateIfIdle(Connection connection, long key, int backend)
      throws SQLException {
    String sql =
        "SELECT pg_terminate_backend(a.pid) FROM pg_catalog.pg_stat_activity a"
            + " JOIN pg_catalog.pg_locks l ON l.pid = a.pid"
            + " WHERE a.pid = ? AND a.state = 'idle' AND l.locktype = 'advisory' AND l.granted"
            + " AND l.objsubid = 1 AND l.classid::bigint = ? AND l.objid::bigint = ?";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setInt(1, backend);
      ps.setLong(2, key >>> 32);
      ps.setLong(3, key & 0xFFFF_FFFFL);
      ps.executeQuery().close();
    }
  }

  /**
   * A fresh connection's server session that already holds the lock is shared with another client:
   * the pooler handed this connection a session some other migrator took the lock on, and taking it
   * again would only count it twice (advisory locks are re-entrant), letting two migrators run at
   * once. So the lock is never taken on such a session.
   */
  private static void refuseIfAlreadyHeld(int backend, long key, String name) {
    if (backend == ALREADY_HELD) {
      throw behindAPooler(
          name,
          key,
          "already held by the server session this connection reached, for another client");
    }
  }

  private static ConfigurationException behindAPooler(String name, long key, String what) {
    return new ConfigurationException(
        "The migration lock "
            + name
            + " (PostgreSQL advisory lock key "
            + key
            + ", "
            + what
            + ": the connection goes through a pooler in transaction mode (PgBouncer's"
            + " pool_mode=transaction, or the like), which runs each transaction on whichever"
            + " server session is free, so no session-level lock can be held through it. Strata"
            + " stops before committing anything under it. Set strata.lockMode=lease (a lease row,"
            + " which any pooler passes on), or connect directly or through a pool in session"
            + " mode");
  }

  /** Whether the server session the statement runs on already holds the lock (parameter 1). */
  private static final String ALREADY_HELD_HERE =
      "(SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_locks l"
          + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
          + " AND l.pid = pg_backend_pid()"
          + " AND l.database = (SELECT oid FROM pg_catalog.pg_database"
          + " WHERE datname = current_database())"
          + " AND l.classid::bigint = ? AND l.objid::bigint = ?) AS already) h";

  /**
   * The server session that took the lock, {@link #NOT_TAKEN}, or {@link #ALREADY_HELD} (then it is
   * not taken again).
   */
  private static int tryLock(Connection connection, long key) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT h.already, CASE WHEN h.already THEN false ELSE pg_try_advisory_lock(?) END,"
                + " pg_backend_pid() FROM "
                + ALREADY_HELD_HERE)) {
      ps.setLong(1, key);
      ps.setLong(2, key >>> 32);
      ps.setLong(3, key & 0xFFFF_FFFFL);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getBoolean(1)) {
          return ALREADY_HELD;
        }
        return rs.getBoolean(2) ? rs.getInt(3) : NOT_TAKEN;
      }
    }
  }

  /**
   * Waits in the server for the lock at most {@code wait} (at least a millisecond: {@code
   * lock_timeout = 0} would mean forever). The lock connection keeps that {@code lock_timeout}
   * afterwards; it takes no other lock.
   */
  private static int lockWithin(Connection connection, long key, Duration wait)
      throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("SET lock_timeout = " + Math.max(1, wait.toMillis()));
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT h.already, CASE WHEN h.already THEN false ELSE pg_advisory_lock(?) IS NULL"
                + " END, pg_backend_pid() FROM "
                + ALREADY_HELD_HERE)) {
      ps.setLong(1, key);
      ps.setLong(2, key >>> 32);
      ps.setLong(3, key & 0xFFFF_FFFFL);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1) ? ALREADY_HELD : rs.getInt(3);
      }
    } catch (SQLException e) {
      if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
        return NOT_TAKEN;
      }
      throw e;
    }
  }

  private static boolean tryUnlock(Connection connection, long key) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      ps.setLong(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private static void unlock(Connection connection, long key, String name) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      ps.setLong(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          throw new SQLException(
              "The migration lock "
                  + name
                  + " (advisory lock key "
                  + key
                  + ") was no longer held by this session when it was released: another"
                  + " migrator may have run at the same time. Check the history table with"
                  + " `status`");
        }
      }
    }
  }

  /**
   * Who holds the lock: the backend's pid, application, client address and since when, from {@code
   * pg_locks} and {@code pg_stat_activity}; {@code null} when nobody holds it (any more).
   */
  static @Nullable String describeHolder(Connection connection, String name) throws SQLException {
    long key = keyOf(name);
    String sql =
        "SELECT a.pid, a.application_name, a.client_addr, a.backend_start, a.state,"
            + " a.state_change"
            + " FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
            + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
            + " AND l.database = (SELECT oid FROM pg_catalog.pg_database"
            + " WHERE datname = current_database())"
            + " AND l.classid::bigint = ? AND l.objid::bigint = ?"
            + " ORDER BY a.backend_start LIMIT 1";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setLong(1, key >>> 32);
      ps.setLong(2, key & 0xFFFF_FFFFL);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        StringBuilder holder = new StringBuilder("PostgreSQL backend pid ").append(rs.getInt(1));
        String application = rs.getString(2);
        String client = rs.getString(3);
        var connected = rs.getTimestamp(4);
        String state = rs.getString(5);
        var stateChange = rs.getTimestamp(6);
        holder
            .append(" (application '")
            .append(application == null ? "" : application)
            .append('\'');
        if (client != null) {
          holder.append(", client ").append(client);
        }
        if (connected != null) {
          holder.append(", connected since ").append(connected.toInstant());
        }
        if (state != null && stateChange != null) {
          holder.append(", ").append(state).append(" since ").append(stateChange.toInstant());
        }
        holder.append("; advisory lock key ").append(key).append(')');
        return holder.toString();
      }
    }
  }
}
