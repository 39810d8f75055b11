package dev.strata.dialect.h2.internal;

import dev.strata.api.SqlStatement;
import dev.strata.dialect.h2.internal.schema.H2SchemaInspector;
import dev.strata.spi.Dialect;
import dev.strata.spi.LockRequest;
import dev.strata.spi.MigrationLock;
import dev.strata.spi.SchemaInspector;
import dev.strata.spi.support.HistoryTable;
import dev.strata.spi.support.RowLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

/**
 * The H2 dialect (H2 2.x). DDL commits implicitly, identifiers are quoted with {@code "}, and the
 * migration lock is row 0 of the history table, since H2 has no advisory locks.
 *
 * <p>The defaults of {@link Dialect#currentSchema} and {@link Dialect#prepareSession} are kept:
 * H2's {@link Connection#getSchema()} and {@link Connection#setSchema(String)} take the schema name
 * exactly as written, lower-case and quotes included.
 *
 * <p>Immutable and thread-safe.
 */
public final class H2Dialect implements Dialect {
  /** The one instance; the dialect has no state. */
  public static final H2Dialect INSTANCE = new H2Dialect();

  /** H2's {@code ErrorCode.LOCK_TIMEOUT_1}: a lock was not granted within {@code LOCK_TIMEOUT}. */
  static final int LOCK_TIMEOUT_ERROR = 50200;

  /** H2's {@code ErrorCode.DEADLOCK_1}: H2 rolled the statement back to break a deadlock. */
  static final int DEADLOCK_ERROR = 40001;

  /** How long one lock attempt waits before the lock loop checks its own deadline. */
  static final long LOCK_WAIT_MILLIS = 1000;

  private H2Dialect() {}

  @Override
  public String name() {
    return "h2";
  }

  @Override
  public Set<String> fileTags() {
    return Set.of("h2");
  }

  @Override
  public List<SqlStatement> parse(String script) {
    return H2ScriptParser.parse(script);
  }

  @Override
  public boolean supportsTransactionalDdl() {
    return false;
  }

  @Override
  public String quote(String identifier) {
    if (identifier.isEmpty()) {
      throw new IllegalArgumentException("an identifier cannot be empty");
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  @Override
  public List<String> createHistoryTable(String qualifiedTable) {
    return List.of(
        HistoryTable.createTableIfNotExists(
            qualifiedTable,
            this::quote,
            List.of(
                "INT PRIMARY KEY",
                "VARCHAR(50) NULL",
                "VARCHAR(200) NOT NULL",
                "VARCHAR(20) NOT NULL",
                "VARCHAR(1000) NOT NULL",
                "VARCHAR(64)",
                "BOOLEAN NOT NULL",
                "INT NOT NULL",
                "VARCHAR(100) NOT NULL",
                "TIMESTAMP WITH TIME ZONE NOT NULL",
                "BIGINT NOT NULL",
                "VARCHAR(20) NOT NULL",
                "VARCHAR(500)"),
            ""));
  }

  @Override
  public MigrationLock lock(Connection connection, LockRequest request) throws SQLException {
    // Each attempt waits at most a second (less if the whole timeout is shorter), so the lock
    // loop can check its deadline; H2's default wait would be its LOCK_TIMEOUT setting.
    long waitMillis = Math.min(LOCK_WAIT_MILLIS, Math.max(0, request.timeout().toMillis()));
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET LOCK_TIMEOUT " + waitMillis);
    }
    return new RowLock(this, H2Dialect::isLockWaitTimeout).lock(connection, request);
  }

  /** Whether {@code e} is H2 giving up on a lock wait, after which the lock is tried again. */
  static boolean isLockWaitTimeout(SQLException e) {
    return e.getErrorCode() == LOCK_TIMEOUT_ERROR
        || e.getErrorCode() == DEADLOCK_ERROR
        || "HYT00".equals(e.getSQLState());
  }

  /** Reads schemas from {@code INFORMATION_SCHEMA} ({@link H2SchemaInspector}). */
  @Override
  public SchemaInspector schemaInspector() {
    return new H2SchemaInspector();
  }
}
