package dev.strata.core.internal.execute;

import dev.strata.core.internal.session.Session;
import dev.strata.spi.Dialect;
import dev.strata.spi.SessionReset;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The state of the migration connection between migrations. Each migration starts as a client would
 * start each file, in a fresh session: in the migration schema, with the session's limits, and with
 * nothing a script before it set for itself ({@code SET ROLE}, {@code USE}, {@code sql_mode}, a
 * limits directive). The dialect reads the prepared session once and restores it after each
 * migration ({@link Dialect#sessionReset}); limits are set again only where they differ.
 */
final class MigrationSession {
  private final Session session;
  private final Dialect dialect;
  private final Connection connection;
  private final String schema;
  private final @Nullable Duration ddlLockTimeout;
  private final @Nullable Duration statementTimeout;
  private @Nullable SessionReset reset;
  private @Nullable Duration currentLock;
  private @Nullable Duration currentStatement;

  /**
   * @param ddlLockTimeout the configured wait for a table lock, {@code null} for the dialect's
   *     default
   * @param statementTimeout the configured statement timeout, {@code null} for the server's
   */
  MigrationSession(
      Session session, @Nullable Duration ddlLockTimeout, @Nullable Duration statementTimeout) {
    this.session = session;
    this.dialect = session.dialect();
    this.connection = session.connection();
    this.schema = session.schema();
    this.ddlLockTimeout = ddlLockTimeout;
    this.statementTimeout = statementTimeout;
  }

  /** Makes the session ready for {@code step}. */
  void before(Step step) throws SQLException {
    if (reset == null) {
      session.prepareForMigrations(); // schema and the dialect's default limits
      reset = dialect.sessionReset(connection, schema);
    }
    Duration lock = step.ddlLockTimeout() != null ? step.ddlLockTimeout() : ddlLockTimeout;
    Duration statement =
        step.statementTimeout() != null ? step.statementTimeout() : statementTimeout;
    if (!Objects.equals(lock, currentLock) || !Objects.equals(statement, currentStatement)) {
      dialect.setTimeouts(connection, lock, statement);
      currentLock = lock;
      currentStatement = statement;
    }
  }

  /**
   * Takes the session back to where {@link #before} prepared it, after {@code step}'s statements
   * ran and before its history row is written.
   */
  void reset(Step step) throws SQLException {
    if (Objects.requireNonNull(reset, "before() prepares the session first")
        .reset(step.planned().statements(), step.code() != null)) {
      currentLock = null; // the dialect's default limits again, as prepareSession left them
      currentStatement = null;
    }
  }
}
