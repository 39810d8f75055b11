package dev.strata.dialect.postgres.internal;

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

  /**
   * Ends the session after {@link #SILENCE} idle inside a transaction, whose locks would otherwise
   * keep the next migrator's statements waiting for a vanished one's.
   */
  static String idleInTransaction() {
    return "SET idle_in_transaction_session_timeout = '" + SILENCE.toMillis() + "ms'";
  }
}
