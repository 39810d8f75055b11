package dev.strata.core.internal.execute;

import dev.strata.api.SqlStatement;
import dev.strata.spi.Dialect;
import dev.strata.spi.SqlTokens;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The state of the migration connection between migrations. Each migration starts as a client would
 * start each file: in the migration schema, with the session's limits; a script's own {@code USE},
 * {@code SET} or limits directive must not leak into the next. Only what may have changed is set
 * again, so a run of plain migrations costs no extra round trips.
 */
final class MigrationSession {
  private final Dialect dialect;
  private final Connection connection;
  private final String schema;
  private final @Nullable Duration lockTimeout;
  private final @Nullable Duration statementTimeout;
  private boolean prepared;
  private @Nullable Duration currentLock;
  private @Nullable Duration currentStatement;

  /**
   * @param lockTimeout the configured lock timeout, {@code null} for the dialect's default
   * @param statementTimeout the configured statement timeout, {@code null} for the server's
   */
  MigrationSession(
      Dialect dialect,
      Connection connection,
      String schema,
      @Nullable Duration lockTimeout,
      @Nullable Duration statementTimeout) {
    this.dialect = dialect;
    this.connection = connection;
    this.schema = schema;
    this.lockTimeout = lockTimeout;
    this.statementTimeout = statementTimeout;
  }

  /** Makes the session ready for {@code step}. */
  void before(Step step) throws SQLException {
    if (!prepared) {
      dialect.prepareSession(connection, schema); // schema and the dialect's default limits
      currentLock = null;
      currentStatement = null;
      prepared = true;
    }
    Duration lock = step.lockTimeout() != null ? step.lockTimeout() : lockTimeout;
    Duration statement =
        step.statementTimeout() != null ? step.statementTimeout() : statementTimeout;
    if (!Objects.equals(lock, currentLock) || !Objects.equals(statement, currentStatement)) {
      dialect.setTimeouts(connection, lock, statement);
      currentLock = lock;
      currentStatement = statement;
    }
  }

  /** Notes what {@code step} may have changed in the session. */
  void after(Step step) {
    if (step.code() != null
        || step.planned().statements().stream().anyMatch(MigrationSession::changesSession)) {
      prepared = false;
    }
  }

  private static boolean changesSession(SqlStatement statement) {
    String first = SqlTokens.firstWord(statement.sql());
    return first.equals("SET")
        || first.equals("USE")
        || first.equals("RESET")
        || first.equals("DISCARD");
  }
}
