package dev.strata.core.internal.session;

import dev.strata.core.internal.history.HistoryStore;
import dev.strata.core.internal.lock.LockTarget;
import dev.strata.spi.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** One command's connection, with the dialect and history table that go with it. */
public final class Session implements AutoCloseable {
  private final Connection connection;
  private final Dialect dialect;
  private final HistoryStore history;
  private final String schema;
  private final String table;
  private @Nullable String user;
  private boolean prepared;

  Session(
      Connection connection, Dialect dialect, HistoryStore history, String schema, String table) {
    this.connection = connection;
    this.dialect = dialect;
    this.history = history;
    this.schema = schema;
    this.table = table;
  }

  public Connection connection() {
    return connection;
  }

  public Dialect dialect() {
    return dialect;
  }

  public HistoryStore history() {
    return history;
  }

  /** The schema of the history table, where migrations start. */
  public String schema() {
    return schema;
  }

  /** The history table's name, unquoted. */
  public String table() {
    return table;
  }

  /** What the migration lock of this session's history table is taken on. */
  public LockTarget lockTarget() {
    return LockTarget.of(dialect, schema, table, history.qualifiedName());
  }

  /**
   * The database user, asked for only when a row is written: MySQL Connector/J answers {@code
   * getUserName()} with a query, which a start that finds nothing to do should not pay.
   */
  public String user() throws SQLException {
    if (user == null) {
      String name = connection.getMetaData().getUserName();
      user = name == null ? "" : name;
    }
    return user;
  }

  /**
   * Prepares the connection for running migrations ({@link Dialect#prepareSession}); a session that
   * was prepared is handed back through {@link Dialect#endSession} when it closes, one that only
   * read (a start with nothing to do) costs no round trip for it.
   */
  public void prepareForMigrations() throws SQLException {
    dialect.prepareSession(connection, schema);
    prepared = true;
  }

  @Override
  public void close() {
    if (prepared) {
      try {
        dialect.endSession(connection);
      } catch (SQLException | RuntimeException gone) {
        // A connection that died or is mid-failure: the pool discards or resets it.
      }
    }
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Closing a connection we are done with; the command's outcome is already decided.
    }
  }
}
