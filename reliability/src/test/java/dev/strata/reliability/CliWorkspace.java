package dev.strata.reliability;

import dev.strata.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
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
 * An H2 file database and a migrations folder in a test's temporary directory, and the command line
 * run in-process against them ({@link Main#run}), as an init container runs it.
 */
final class CliWorkspace {
  final Path dir;
  final Path migrations;
  final String url;

  /** What {@code --source} names; {@code filesystem:<migrations>} unless a case changes it. */
  String source;

  /** The credentials {@link #state()} connects with; H2's defaults unless a case sets them. */
  String user = "";

  String password = "";

  CliWorkspace(Path dir) throws IOException {
    this.dir = dir;
    this.migrations = Files.createDirectories(dir.resolve("migrations"));
    this.url = "jdbc:h2:file:" + dir.resolve("db");
    this.source = "filesystem:" + migrations;
  }

  /** Writes {@code migrations/<name>} as UTF-8, creating its directories. */
  Path file(String name, String text) {
    return bytes(name, text.getBytes(StandardCharsets.UTF_8));
  }

  Path bytes(String name, byte[] content) {
    try {
      Path file = migrations.resolve(name);
      Files.createDirectories(file.getParent());
      return Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code strata command --url <db> --source <source> more...}. */
  Result strata(String command, String... more) {
    return run(
        Map.of(),
        Stream.concat(Stream.of(command, "--url", url, "--source", source), Stream.of(more))
            .toArray(String[]::new));
  }

  /** {@code strata args...} with only the given environment. */
  static Result run(Map<String, String> environment, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = Main.run(args, o, e, environment);
    }
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * Every table of the database and every history row, as text: equal before and after a refused
   * run when that run changed nothing.
   */
  List<String> state() throws SQLException {
    List<String> state = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, user, password);
        Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT TABLE_SCHEMA || '.' || TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                  + " WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA' ORDER BY 1")) {
        while (rs.next()) {
          state.add("table " + rs.getString(1));
        }
      }
      if (state.contains("table PUBLIC.strata_schema_history")) {
        try (ResultSet rs =
            s.executeQuery(
                "SELECT * FROM \"PUBLIC\".\"strata_schema_history\" ORDER BY \"installed_rank\"")) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            StringBuilder row = new StringBuilder("row");
            for (int i = 1; i <= columns; i++) {
              row.append(' ').append(rs.getString(i));
            }
            state.add(row.toString());
          }
        }
      }
    }
    return state;
  }

  /** What one run of the command line did: its exit code and everything it printed. */
  record Result(int exitCode, String out, String err) {
    String all() {
      return out + err;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }
}
