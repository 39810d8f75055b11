package dev.strata.core.internal.jdbc;

import dev.strata.api.ConfigurationException;
import dev.strata.api.DatabaseAccessException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * Opens connections to the configured database, and words what goes wrong with them: the URL as it
 * may be shown, every secret masked.
 */
public final class Connector {
  private final DataSource dataSource;
  private final String displayUrl;
  private final UnaryOperator<String> maskSecrets;

  /**
   * @param displayUrl the URL as it may be shown (no password)
   * @param maskSecrets replaces every secret in a driver's message
   */
  public Connector(DataSource dataSource, String displayUrl, UnaryOperator<String> maskSecrets) {
    this.dataSource = dataSource;
    this.displayUrl = displayUrl;
    this.maskSecrets = maskSecrets;
  }

  /** A new connection, or an error that says what to check. */
  public Connection connect() {
    try {
      Connection c = dataSource.getConnection();
      if (c == null) {
        throw new SQLException("no JDBC driver accepts this URL");
      }
      return c;
    } catch (SQLException e) {
      if (String.valueOf(e.getMessage()).startsWith("No suitable driver")) {
        throw new ConfigurationException(
            "No JDBC driver accepts the URL "
                + displayUrl
                + "; check strata.url, or put the database's JDBC driver on the classpath",
            e);
      }
      throw new DatabaseAccessException(
          "Cannot connect to "
              + displayUrl
              + ": "
              + maskSecrets.apply(String.valueOf(e.getMessage()))
              + ". Check strata.url, strata.user and strata.password",
          e);
    }
  }

  /** The error for a failed {@code doing} ("A query on", …): the database's words, masked. */
  public DatabaseAccessException failed(String doing, SQLException e) {
    return new DatabaseAccessException(
        doing
            + " "
            + displayUrl
            + " failed: "
            + maskSecrets.apply(String.valueOf(e.getMessage()))
            + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"),
        e);
  }

  /** The URL as it may be shown. */
  public String displayUrl() {
    return displayUrl;
  }
}
