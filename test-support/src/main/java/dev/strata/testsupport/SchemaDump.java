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

  /**
   * The objects of schema {@code public} as PostgreSQL's catalog describes them, one sorted line
   * each (columns with type, nullability, default, identity and generation; constraints, indexes,
   * views, sequences, functions and procedures, aggregates, enum, domain and composite types,
   * triggers, extensions, comments), Strata's own {@code strata_*} objects left out. Unlike {@link
   * #postgres}'s text it needs no client of the server's version, so it compares schemas on every
   * server version; two databases compared must be on the same server, as the catalog's own
   * rendering of definitions may change between versions.
   */
  public static String postgresCatalog(IsolatedDatabase db) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection c = db.connect()) {
      for (String query : POSTGRES_CATALOG) {
        try (PreparedStatement s = c.prepareStatement(query);
            ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            lines.add(rs.getString(1));
          }
        }
      }
    }
    return lines.stream().sorted().collect(Collectors.joining("\n"));
  }

  /** The PostgreSQL major version the corpus references were dumped on (see the corpus README). */
  public static final int POSTGRES_REFERENCE_MAJOR = 15;

  /** The major version of the server {@code db} is on. */
  public static int majorVersion(IsolatedDatabase db) throws SQLException {
    try (Connection c = db.connect()) {
      return c.getMetaData().getDatabaseMajorVersion();
    }
  }

  /**
   * Runs {@code script} (a corpus reference) with {@code psql -v ON_ERROR_STOP=1}, as the native
   * client would, into {@code db}.
   */
  public static void restorePostgres(IsolatedDatabase db, Path script)
      throws IOException, InterruptedException {
    URI uri = URI.create(db.jdbcUrl().substring("jdbc:".length()));
    run(
        List.of(
            "psql",
            "-X",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "--host=" + uri.getHost(),
            "--port=" + (uri.getPort() < 0 ? 5432 : uri.getPort()),
            "--username=" + db.user(),
            "--dbname=" + db.name(),
            "--file=" + script),
        Map.of("PGPASSWORD", db.password()));
  }

  private static final String PUBLIC_RELATION =
      " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public'"
          + " AND c.relname NOT LIKE 'strata\\_%'";

  private static final List<String> POSTGRES_CATALOG =
      List.of(
          "SELECT 'column ' || c.relname || '.' || a.attname"
              + " || ' #' || (row_number() OVER (PARTITION BY c.oid ORDER BY a.attnum))::text"
              + " || ' ' || format_type(a.atttypid, a.atttypmod)"
              + " || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END"
              + " || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')"
              + " || CASE WHEN a.attidentity <> '' THEN ' identity ' || a.attidentity::text ELSE '' END"
              + " || CASE WHEN a.attgenerated <> '' THEN ' generated' ELSE '' END"
              + " || coalesce(' collate ' || co.collname, '')"
              + " || coalesce(' comment ' || col_description(c.oid, a.attnum), '')"
              + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
              + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
              + " LEFT JOIN pg_collation co ON co.oid = a.attcollation"
              + " AND a.attcollation <> (SELECT oid FROM pg_collation WHERE collname = 'default')"
              + PUBLIC_RELATION
              + " AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c') AND a.attnum > 0"
              + " AND NOT a.attisdropped",
          "SELECT 'relation ' || c.relkind::text || ' ' || c.relname"
              + " || coalesce(' comment ' || obj_description(c.oid, 'pg_class'), '')"
              + " FROM pg_class c"
              + PUBLIC_RELATION
              + " AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S', 'c')",
          "SELECT 'constraint ' || coalesce(r.relname, format_type(k.contypid, NULL)) || ' '"
              + " || k.conname || ' ' || pg_get_constraintdef(k.oid)"
              + " FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace"
              + " LEFT JOIN pg_class r ON r.oid = k.conrelid"
              + " WHERE n.nspname = 'public' AND coalesce(r.relname, '') NOT LIKE 'strata\\_%'",
          "SELECT 'index ' || pg_get_indexdef(i.indexrelid) FROM pg_index i"
              + " JOIN pg_class c ON c.oid = i.indrelid"
              + PUBLIC_RELATION,
          "SELECT 'view ' || c.relname || ' ' || pg_get_viewdef(c.oid) FROM pg_class c"
              + PUBLIC_RELATION
              + " AND c.relkind IN ('v', 'm')",
          "SELECT 'sequence ' || sequencename || ' ' || data_type || ' ' || start_value || ' '"
              + " || increment_by || ' ' || min_value || ' ' || max_value || ' ' || cycle"
              + " FROM pg_sequences WHERE schemaname = 'public'"
              + " AND sequencename NOT LIKE 'strata\\_%'",
          "SELECT CASE p.prokind WHEN 'a' THEN 'aggregate ' || p.oid::regprocedure"
              + " ELSE 'routine ' || p.oid::regprocedure || ' ' || md5(pg_get_functiondef(p.oid))"
              + " END FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
              + " WHERE n.nspname = 'public'",
          "SELECT 'type ' || t.typtype::text || ' ' || t.typname || ' '"
              + " || coalesce((SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)"
              + " FROM pg_enum e WHERE e.enumtypid = t.oid), format_type(t.typbasetype, t.typtypmod))"
              + " || CASE WHEN t.typnotnull THEN ' not null' ELSE '' END"
              + " || coalesce(' default ' || t.typdefault, '')"
              + " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
              + " WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd')",
          "SELECT 'trigger ' || pg_get_triggerdef(t.oid) || ' ' || t.tgenabled::text FROM pg_trigger t"
              + " JOIN pg_class c ON c.oid = t.tgrelid"
              + PUBLIC_RELATION
              + " AND NOT t.tgisinternal",
          "SELECT 'extension ' || extname FROM pg_extension WHERE extname <> 'plpgsql'");

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
