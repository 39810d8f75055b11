package dev.strata.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A private in-memory H2 database and a migrations folder for one test. */
final class H2Database {
  final String url =
      "jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
  final Path migrations;

  H2Database(Path dir) throws IOException {
    this.migrations = Files.createDirectories(dir.resolve("migrations"));
  }

  H2Database file(String name, String sql) throws IOException {
    Files.writeString(migrations.resolve(name), sql, StandardCharsets.UTF_8);
    return this;
  }

  StrataConfiguration.Builder configure() {
    return Strata.configure().url(url).sources("filesystem:" + migrations);
  }

  Strata strata() {
    return configure().load();
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url);
  }

  /** One column of a query's rows, as strings. */
  List<String> column(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  boolean tableExists(String table) throws SQLException {
    return !column(
            "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = '" + table + "'")
        .isEmpty();
  }

  /** The history rows as "rank action version success statements". */
  List<String> history() throws SQLException {
    return column(
        "SELECT \"installed_rank\" || ' ' || \"action\" || ' ' || COALESCE(\"version\", 'R') || ' '"
            + " || \"success\" || ' ' || \"statements_applied\" FROM \"PUBLIC\".\"strata_schema_history\""
            + " WHERE \"installed_rank\" > 0 ORDER BY \"installed_rank\"");
  }

  /** H2's dump of the whole database, to show that a command changed nothing. */
  String dump() throws SQLException {
    return String.join("\n", column("SCRIPT NOPASSWORDS NOSETTINGS"));
  }
}
