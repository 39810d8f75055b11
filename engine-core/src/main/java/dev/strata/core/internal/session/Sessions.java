package dev.strata.core.internal.session;

import dev.strata.api.ConfigurationException;
import dev.strata.core.internal.history.HistoryStore;
import dev.strata.core.internal.jdbc.Connector;
import dev.strata.core.internal.jdbc.DialectResolver;
import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;

/** Opens sessions on the configured database: a connection, its dialect and its history table. */
public final class Sessions {
  private final Connector connector;
  private final DialectResolver dialects;
  private final @Nullable String forcedDialect;
  private final @Nullable String schema;
  private final String table;
  private final String engineVersion;

  /**
   * @param forcedDialect the dialect to use, {@code null} to choose it from the connection
   * @param schema the history table's schema, {@code null} for the connection's current one
   * @param table the history table's name
   * @param engineVersion what the history rows record as Strata's version
   */
  public Sessions(
      Connector connector,
      DialectResolver dialects,
      @Nullable String forcedDialect,
      @Nullable String schema,
      String table,
      String engineVersion) {
    this.connector = connector;
    this.dialects = dialects;
    this.forcedDialect = forcedDialect;
    this.schema = schema;
    this.table = table;
    this.engineVersion = engineVersion;
  }

  /** A new session, or an error that says what to check. */
  public Session open() {
    Connection c = connector.connect();
    try {
      DatabaseMetaData meta = c.getMetaData();
      Dialect dialect = dialects.resolve(DatabaseProduct.of(meta), forcedDialect);
      String in = schema != null ? schema : dialect.currentSchema(c);
      HistoryStore history;
      try {
        history = new HistoryStore(dialect, in, table, engineVersion);
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException(
            "The "
                + dialect.name()
                + " dialect cannot use the schema '"
                + in
                + "' or table '"
                + table
                + "': "
                + e.getMessage()
                + "; change strata.schema or strata.table",
            e);
      }
      return new Session(c, dialect, history, in, table);
    } catch (SQLException | RuntimeException e) {
      try {
        c.close();
      } catch (SQLException closing) {
        e.addSuppressed(closing);
      }
      if (e instanceof SQLException sql) {
        throw connector.failed("Reading the metadata of", sql);
      }
      throw (RuntimeException) e;
    }
  }

  public Connector connector() {
    return connector;
  }
}
