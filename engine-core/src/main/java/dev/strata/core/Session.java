package dev.strata.core;

import dev.strata.api.ConfigurationException;
import dev.strata.api.DatabaseAccessException;
import dev.strata.core.internal.execute.Cancellation;
import dev.strata.core.internal.execute.LockGuard;
import dev.strata.core.internal.history.HistoryStore;
import dev.strata.core.internal.jdbc.DialectResolver;
import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** One command's connection, with the dialect and history table that go with it. */
final class Session implements AutoCloseable {
  final Connection connection;
  final Dialect dialect;
  final HistoryStore history;
  final String schema;
  private @Nullable String user;
  final Cancellation cancellation;
  final LockGuard lock;

  private Session(
      Connection connection,
      Dialect dialect,
      HistoryStore history,
      String schema,
      @Nullable String user,
      Cancellation cancellation,
      LockGuard lock) {
    this.cancellation = cancellation;
    this.lock = lock;
    this.connection = connection;
    this.dialect = dialect;
    this.history = history;
    this.schema = schema;
    this.user = user;
  }

  static Session open(StrataConfiguration config, DialectResolver dialects, String engineVersion) {
    Connection c = connect(config);
    try {
      DatabaseMetaData meta = c.getMetaData();
      Dialect dialect = dialects.resolve(DatabaseProduct.of(meta), config.dialect());
      String schema = config.schema() != null ? config.schema() : dialect.currentSchema(c);
      HistoryStore history;
      try {
        history = new HistoryStore(dialect, schema, config.table(), engineVersion);
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(
            "The "
                + dialect.name()
                + " dialect cannot use the schema '"
                + schema
                + "' or table '"
                + config.table()
                + "': "
                + e.getMessage()
                + "; change --schema (strata.schema) or"
                + " --table (strata.table)",
            e);
      }
      return new Session(c, dialect, history, schema, null, new Cancellation(), LockGuard.NONE);
    } catch (SQLException | RuntimeException e) {
      try {
        c.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      if (e instanceof SQLException sql) {
        throw new DatabaseAccessException(
            "Cannot read the metadata of "
                + config.displayUrl()
                + ": "
                + config.maskSecrets(String.valueOf(sql.getMessage())),
            sql);
      }
      throw (RuntimeException) e;
    }
  }

  /**
   * The database user, asked for only when a row is written: MySQL Connector/J answers {@code
   * getUserName()} with a query, which a start that finds nothing to do should not pay.
   */
  String user() throws SQLException {
    if (user == null) {
      String name = connection.getMetaData().getUserName();
      user = name == null ? "" : name;
    }
    return user;
  }

  /** The same session, working under {@code lock} and stoppable through {@code stop}. */
  Session under(LockGuard lock, Cancellation stop) {
    return new Session(connection, dialect, history, schema, user, stop, lock);
  }

  /** A new connection to the configured database, or an error that says what to check. */
  static Connection connect(StrataConfiguration config) {
    try {
      Connection c = config.dataSource().getConnection();
      if (c == null) {
        throw new SQLException("no JDBC driver accepts this URL");
      }
      return c;
    } catch (SQLException e) {
      if (String.valueOf(e.getMessage()).startsWith("No suitable driver")) {
        throw new ConfigurationException(
            "No JDBC driver accepts the URL "
                + config.displayUrl()
                + "; check --url (strata.url), or put the database's JDBC driver on the classpath",
            e);
      }
      throw new DatabaseAccessException(
          "Cannot connect to "
              + config.displayUrl()
              + ": "
              + config.maskSecrets(String.valueOf(e.getMessage()))
              + ". Check --url, --user and --password (STRATA_URL, STRATA_USER, STRATA_PASSWORD)",
          e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Closing a connection we are done with; the command's outcome is already decided.
    }
  }
}
