package dev.strata.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
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
import java.util.Map;
import java.util.stream.Stream;

/**
 * An H2 file database and a migrations folder in a test's temporary directory, and a way to run the
 * CLI in-process against them.
 */
final class Workspace {
  final Path dir;
  final Path migrations;
  final String url;

  Workspace(Path dir) throws IOException {
    this(dir, "");
  }

  /**
   * @param settings H2 settings appended to the URL, e.g. {@code ;LOCK_TIMEOUT=30000}
   */
  Workspace(Path dir, String settings) throws IOException {
    this.dir = dir;
    this.migrations = Files.createDirectories(dir.resolve("migrations"));
    this.url = "jdbc:h2:file:" + dir.resolve("db") + settings;
  }

  /** The usual two migrations, with a down script for the second. */
  static Workspace withPeople(Path dir) throws IOException {
    return withPeople(dir, "");
  }

  static Workspace withPeople(Path dir, String settings) throws IOException {
    return new Workspace(dir, settings)
        .file(
            "V1__create_person.sql",
            "CREATE TABLE person (\n  id INT PRIMARY KEY,\n  name VARCHAR(100)\n);\n"
                + "INSERT INTO person VALUES (1, 'Ada');\n")
        .file("V2__add_email.sql", "ALTER TABLE person ADD COLUMN email VARCHAR(200);\n")
        .file("U2__add_email.sql", "ALTER TABLE person DROP COLUMN email;\n");
  }

  Workspace file(String name, String sql) throws IOException {
    Files.writeString(migrations.resolve(name), sql, StandardCharsets.UTF_8);
    return this;
  }

  /** {@code strata command --url <db> --source filesystem:<migrations> more...}. */
  CliResult strata(String command, String... more) {
    return run(Map.of(), with(command, more));
  }

  String[] with(String command, String... more) {
    return Stream.concat(
            Stream.of(command, "--url", url, "--source", "filesystem:" + migrations),
            Stream.of(more))
        .toArray(String[]::new);
  }

  /** {@code strata args...} with only the given environment. */
  static CliResult run(Map<String, String> environment, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = Main.run(args, o, e, environment);
    }
    return new CliResult(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static CliResult run(String... args) {
    return run(Map.of(), args);
  }

  /** One column of a query's rows, as strings. */
  List<String> column(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  void execute(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  boolean tableExists(String table) throws SQLException {
    return !column(
            "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = '" + table + "'")
        .isEmpty();
  }

  /** The history rows as "action version success". */
  List<String> history() throws SQLException {
    return column(
        "SELECT \"action\" || ' ' || COALESCE(\"version\", 'R') || ' ' || \"success\""
            + " FROM \"PUBLIC\".\"strata_schema_history\" WHERE \"installed_rank\" > 0"
            + " ORDER BY \"installed_rank\"");
  }
}
