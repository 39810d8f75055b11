package dev.strata.testsupport;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Dumps a test database's schema the way the corpus references were made (see the corpus README)
 * and normalises the dump for comparison: Strata's own {@code strata_*} tables are left out, as are
 * the header lines naming server, host and dump time and MySQL's {@code AUTO_INCREMENT=N} counters;
 * the database's name becomes {@code <database>}.
 *
 * <pre>{@code
 * assertThat(SchemaDump.mysql(db))
 *     .isEqualTo(SchemaDump.normalize(Files.readString(reference), "acc_" + set.replace('-', '_')));
 * }</pre>
 *
 * <p>Stateless and thread-safe; needs {@code pg_dump} and {@code mariadb-dump} on the path.
 */
public final class SchemaDump {
  private static final Pattern VOLATILE_LINE =
      Pattern.compile(
          "^(-- Dumped (from|by) .*|-- Host: .*|-- Server version.*|-- (MariaDB|MySQL) dump .*)$");
  private static final Pattern AUTO_INCREMENT = Pattern.compile(" AUTO_INCREMENT=\\d+");

  private SchemaDump() {}

  /** {@code pg_dump --schema-only --no-owner --no-privileges --restrict-key=acceptance}. */
  public static String postgres(IsolatedDatabase db) throws IOException, InterruptedException {
    URI uri = URI.create(db.jdbcUrl().substring("jdbc:".length()));
    List<String> command =
        List.of(
            "pg_dump",
            "--schema-only",
            "--no-owner",
            "--no-privileges",
            "--restrict-key=acceptance",
            "--exclude-table=strata_*",
            "--host=" + uri.getHost(),
            "--port=" + (uri.getPort() < 0 ? 5432 : uri.getPort()),
            "--username=" + db.user(),
            db.name());
    return normalize(run(command, Map.of("PGPASSWORD", db.password())), db.name());
  }

  /** {@code mariadb-dump --no-data --skip-dump-date --routines --triggers}. */
  public static String mysql(IsolatedDatabase db)
      throws IOException, InterruptedException, SQLException {
    URI uri = URI.create(db.jdbcUrl().substring("jdbc:".length()));
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            "mariadb-dump",
            "--no-data",
            "--skip-dump-date",
            "--routines",
            "--triggers",
            "--host=" + uri.getHost(),
            "--port=" + (uri.getPort() < 0 ? 3306 : uri.getPort()),
            "--user=" + db.user()));
    for (String table : strataTables(db)) {
      command.add("--ignore-table=" + db.name() + "." + table);
    }
    command.add(db.name());
    return normalize(run(command, Map.of("MYSQL_PWD", db.password())), db.name());
  }

  /** A dump with the volatile parts removed and {@code database} named {@code <database>}. */
  public static String normalize(String dump, String database) {
    return dump.lines()
        .filter(line -> !VOLATILE_LINE.matcher(line).matches())
        .map(line -> AUTO_INCREMENT.matcher(line).replaceAll(""))
        .map(line -> line.replace(database, "<database>"))
        .collect(Collectors.joining("\n"));
  }

  private static List<String> strataTables(IsolatedDatabase db) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ?"
                    + " AND table_name LIKE 'strata\\_%'")) {
      s.setString(1, db.name());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
    }
    return tables;
  }

  private static String run(List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    Path errors = Files.createTempFile("strata-dump", ".err");
    try {
      ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IOException(command.get(0) + " failed: " + Files.readString(errors));
      }
      return out;
    } finally {
      Files.deleteIfExists(errors);
    }
  }
}
