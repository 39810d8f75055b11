package dev.strata.dialect.mysql.internal;

import dev.strata.api.LockTimeoutException;
import dev.strata.spi.LockRequest;
import dev.strata.spi.MigrationLock;
import java.math.BigDecimal;
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
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The migration lock as a MySQL user-level lock: {@code GET_LOCK(key, seconds)} on the connection
 * dedicated to the lock, released with {@code RELEASE_LOCK(key)}, and by the server when that
 * connection ends (closed, killed or dropped), so a crashed migrator leaves no stale lock. Locks
 * are server-wide, which is why the key names the schema.
 *
 * <p>The key is the request's name ({@code strata:<schema>.<table>}) when it has at most 64
 * characters, MySQL's limit (MariaDB accepts longer names, MySQL 5.7+ refuses them). A longer name
 * keeps its first 47 characters, readable in {@code SHOW PROCESSLIST}, followed by {@code ~} and
 * the first 16 hex digits of the SHA-256 of the whole name (UTF-8): 64 characters, distinct for
 * distinct names in practice.
 *
 * <p>The lock connection sits idle while the migrations run on another one, except for the engine's
 * heartbeat, which pings it every few seconds. Its {@code wait_timeout} is set to {@link #SILENCE}:
 * a holder cut off by a partition or a dead node, whose connection never closes, loses the lock
 * that long after its last heartbeat instead of after the server's {@code wait_timeout} (eight
 * hours by default) or TCP keepalive (more than two hours by Linux's defaults). A crashed client's
 * lock still goes as soon as the server sees its connection close.
 *
 * <p>Waiting polls: an immediate attempt, then, once the listener has heard {@link
 * LockRequest#onWait()}, attempts of at most a second each until the deadline measured with {@link
 * LockRequest#clock()}. MariaDB waits fractions of a second, so the last attempt ends at the
 * deadline; MySQL rounds each wait to whole seconds, so it may end up to a second later.
 */
final class UserLevelLock implements MigrationLock {
  /** The longest user-level lock name MySQL accepts. */
  static final int MAX_KEY_LENGTH = 64;

  private static final int HASH_LENGTH = 16;
  private static final Duration POLL = Duration.ofSeconds(1);

  /** How long the lock session may go without a heartbeat before the server ends it. */
  static final Duration SILENCE = Duration.ofSeconds(15);

  private final Connection connection;
  private final String key;

  private UserLevelLock(Connection connection, String key) {
    this.connection = connection;
    this.key = key;
  }

  /** The {@code GET_LOCK} name for the lock called {@code name}; see the class comment. */
  static String keyFor(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a lock name cannot be empty");
    }
    if (name.codePointCount(0, name.length()) <= MAX_KEY_LENGTH) {
      return name;
    }
    String prefix = name.substring(0, name.offsetByCodePoints(0, MAX_KEY_LENGTH - 1 - HASH_LENGTH));
    return prefix + '~' + sha256(name).substring(0, HASH_LENGTH);
  }

  /**
   * Takes the lock, waiting until the request's deadline.
   *
   * @param fractionalWaits whether the server takes fractions of a second as the wait (MariaDB)
   * @param dialect describes the holder for the timeout message
   * @throws LockTimeoutException when the deadline passes first, naming the holder where the server
   *     tells
   */
  static UserLevelLock take(
      Connection connection, LockRequest request, boolean fractionalWaits, MySqlDialect dialect)
      throws SQLException {
    String key = keyFor(request.name());
    try (Statement s = connection.createStatement()) {
      s.execute("SET SESSION wait_timeout = " + SILENCE.toSeconds());
    }
    try {
      return takeWithin(connection, key, request, fractionalWaits, dialect);
    } catch (SQLException | RuntimeException notTaken) {
      // Not held: the connection goes back to its pool with the server's own silence limit.
      try (Statement s = connection.createStatement()) {
        s.execute("SET SESSION wait_timeout = DEFAULT");
      } catch (SQLException gone) {
        notTaken.addSuppressed(gone);
      }
      throw notTaken;
    }
  }

  private static UserLevelLock takeWithin(
      Connection connection,
      String key,
      LockRequest request,
      boolean fractionalWaits,
      MySqlDialect dialect)
      throws SQLException {
    Instant start = request.clock().instant();
    Instant deadline = start.plus(request.timeout());
    if (tryLock(connection, key, BigDecimal.ZERO)) {
      return new UserLevelLock(connection, key);
    }
    request.onWait().run();
    while (true) {
      request.throwIfStopRequested();
      Instant now = request.clock().instant();
      Duration remaining = Duration.between(now, deadline);
      if (remaining.isNegative() || remaining.isZero()) {
        throw new LockTimeoutException(
            request.name(),
            Duration.between(start, now),
            dialect.describeLockHolder(connection, request));
      }
      Duration wait = remaining.compareTo(POLL) < 0 ? remaining : POLL;
      if (tryLock(connection, key, seconds(wait, fractionalWaits))) {
        return new UserLevelLock(connection, key);
      }
    }
  }

  /** Who holds the lock {@code key}: its connection id, and user, host and state when visible. */
  static @Nullable String describeHolder(Connection connection, String key) throws SQLException {
    Long holder = null;
    try (PreparedStatement ps = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          long id = rs.getLong(1);
          holder = rs.wasNull() ? null : id;
        }
      }
    }
    if (holder == null) {
      return null; // released meanwhile
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT user, host, db, command, time FROM information_schema.processlist"
                + " WHERE id = ?")) {
      ps.setLong(1, holder);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return "connection "
              + holder
              + " (its user and host are shown to a user with the"
              + " PROCESS privilege)";
        }
        String db = rs.getString("db");
        return "connection "
            + holder
            + " ("
            + rs.getString("user")
            + "@"
            + rs.getString("host")
            + (db == null ? "" : ", database " + db)
            + ", "
            + rs.getString("command")
            + " for "
            + rs.getLong("time")
            + " s)";
      }
    }
  }

  /** GET_LOCK belongs to the session: no statement but RELEASE_LOCK on this connection ends it. */
  @Override
  public boolean sessionLevel() {
    return true;
  }

  /**
   * Releases the lock. Fails when this connection no longer held it: the server had ended the
   * connection's session (a {@code KILL}, a network failure, {@code wait_timeout}) and with it the
   * lock, so another migrator may have run meanwhile.
   */
  @Override
  public void close() throws SQLException {
    Integer released;
    try (PreparedStatement ps = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        int value = rs.getInt(1);
        released = rs.wasNull() ? null : value;
      }
    } catch (SQLException e) {
      throw lost(String.valueOf(e.getMessage()), e);
    }
    if (released == null || released != 1) {
      throw lost("RELEASE_LOCK returned " + released, null);
    }
    // The connection goes back to its pool (an application's), which would otherwise find it
    // ended by the server after the short silence only a held lock needs.
    try (Statement s = connection.createStatement()) {
      s.execute("SET SESSION wait_timeout = DEFAULT");
    }
  }

  private SQLException lost(String what, @Nullable SQLException cause) {
    return new SQLException(
        "The migration lock "
            + key
            + " was no longer held when released ("
            + what
            + "): the"
            + " server ended the lock connection's session (KILL, network failure or"
            + " wait_timeout), so another migrator may have run at the same time; check the"
            + " schema and `status`",
        cause == null ? null : cause.getSQLState(),
        cause);
  }

  private static boolean tryLock(Connection connection, String key, BigDecimal seconds)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
      ps.setString(1, key);
      ps.setBigDecimal(2, seconds);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        int result = rs.getInt(1);
        if (rs.wasNull()) {
          throw new SQLException(
              "GET_LOCK('"
                  + key
                  + "') returned NULL: the server refused the lock (was the"
                  + " waiting query killed?)");
        }
        return result == 1;
      }
    }
  }

  /** The wait in seconds: to the millisecond on MariaDB, else whole seconds, at least one. */
  private static BigDecimal seconds(Duration wait, boolean fractional) {
    if (fractional) {
      return BigDecimal.valueOf(Math.max(1, wait.toMillis()), 3);
    }
    return BigDecimal.valueOf(Math.max(1, (wait.toMillis() + 999) / 1000));
  }

  private static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
