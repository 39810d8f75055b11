package dev.strata.dialect.postgres.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * How long the server keeps a silent Strata session: the lock's session without a statement, a
 * migration's session idle inside its transaction, a session whose peer no longer answers TCP
 * keepalive probes. A migrator cut off from the server (a partition, a powered-off node) holds the
 * lock, and the table locks of the transaction it was in, about this long after it fell silent, so
 * the next migrator goes on within a bound instead of after the kernel's keepalive defaults (more
 * than two hours).
 */
final class PostgresSessionLimits {
  /** The longest silence the server waits out before it ends the session. */
  static final Duration SILENCE = Duration.ofSeconds(15);

  private PostgresSessionLimits() {}

  /** Keepalive probes after 5 s of silence, 5 s apart, two unanswered ones end the session. */
  static String keepalives() {
    return "SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 5;"
        + " SET tcp_keepalives_count = 2";
  }

  /** Ends the session after {@link #SILENCE} idle outside a transaction (PostgreSQL 14+). */
  static String idleSession() {
    return "SET idle_session_timeout = '" + SILENCE.toMillis() + "ms'";
  }

  /** Back to the session's defaults: what {@link #keepalives} and {@link #idleSession} set. */
  static String resetLockLimits(Connection connection) throws SQLException {
    return resetKeepalives()
        + (connection.getMetaData().getDatabaseMajorVersion() >= 14
            ? "; RESET idle_session_timeout"
            : "");
  }

  /**
   * Back to the session's defaults: what a migration session was given for Strata's own work
   * ({@link #idleInTransaction}, {@link #keepalives}, the lock and statement time limits and {@code
   * application_name}), so a pooled connection does not keep them for the application.
   */
  static String resetMigrationLimits() {
    return resetKeepalives()
        + "; RESET idle_in_transaction_session_timeout; RESET lock_timeout;"
        + " RESET statement_timeout";
  }

  private static String resetKeepalives() {
    return "RESET tcp_keepalives_idle; RESET tcp_keepalives_interval; RESET tcp_keepalives_count";
  }

  /**
   * Ends the session after {@link #SILENCE} idle inside a transaction, whose locks would otherwise
   * keep the next migrator's statements waiting for a vanished one's.
   */
  static String idleInTransaction() {
    return "SET idle_in_transaction_session_timeout = '" + SILENCE.toMillis() + "ms'";
  }
}
