package dev.strata.dialect.postgres.internal;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * Runs {@code COPY ... FROM stdin} with its rows through the PostgreSQL JDBC driver's {@code
 * CopyManager}, the one way JDBC can stream COPY data. Kept apart so that the driver's classes are
 * loaded only when a script holds COPY data.
 */
final class CopyIn {
  private CopyIn() {}

  /** Sends {@code rows} (COPY's text or CSV lines) to {@code copySql}; returns the rows copied. */
  static long copy(Connection connection, String copySql, String rows) throws SQLException {
    if (!connection.isWrapperFor(PGConnection.class)) {
      throw new SQLException(
          "COPY ... FROM stdin needs the PostgreSQL JDBC driver (org.postgresql), but the"
              + " connection is a "
              + connection.getClass().getName());
    }
    try {
      return connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(copySql, new StringReader(rows));
    } catch (IOException e) {
      throw new SQLException("Cannot read the COPY data: " + e.getMessage(), e);
    }
  }
}
