package dev.strata.backfill;

import dev.strata.api.JavaMigrationContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A private in-memory H2 database with a table {@code person}: {@code id}, {@code email}, an empty
 * {@code email_lower} to backfill, and {@code updated_count}, which every backfill in these tests
 * increments, to show that each row was updated exactly once.
 */
final class H2People implements AutoCloseable {
  final String url =
      "jdbc:h2:mem:b" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
  final Connection connection;

  H2People() throws SQLException {
    connection = DriverManager.getConnection(url);
    execute(
        "CREATE TABLE person (id BIGINT PRIMARY KEY, email VARCHAR(100), email_lower VARCHAR(100),"
            + " updated_count INT DEFAULT 0 NOT NULL)");
  }

  /** Adds people {@code 1..n}, {@code User<id>@Example.com}. */
  H2People people(int n) throws SQLException {
    execute(
        "INSERT INTO person (id, email) SELECT X, 'User' || X || '@Example.com' FROM SYSTEM_RANGE(1, "
            + n
            + ")");
    return this;
  }

  JavaMigrationContext context() {
    return new JavaMigrationContext(connection, "PUBLIC");
  }

  void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  /** The first column of every row {@code sql} returns, as strings. */
  List<String> column(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  long count(String sql) throws SQLException {
    return Long.parseLong(column(sql).get(0));
  }

  /** The backfill's progress row as "last_key rows_done batches finished". */
  String progress(String name) throws SQLException {
    List<String> rows =
        column(
            "SELECT COALESCE(\"last_key\", '-') || ' ' || \"rows_done\" || ' ' || \"batches\" || ' ' || \"finished\""
                + " FROM \"PUBLIC\".\"strata_backfill\" WHERE \"name\" = '"
                + name
                + "'");
    return rows.isEmpty() ? "none" : String.valueOf(rows.get(0));
  }

  @Override
  public void close() throws SQLException {
    execute("SHUTDOWN");
    connection.close();
  }
}
