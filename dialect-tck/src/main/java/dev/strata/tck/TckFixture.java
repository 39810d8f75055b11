package dev.strata.tck;

import dev.strata.api.HistoryEntry;
import dev.strata.core.Strata;
import dev.strata.core.StrataConfiguration;
import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.Dialect;
import dev.strata.spi.DialectProvider;
import dev.strata.spi.support.HistoryTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One conformance test's world: the provider, a database created on first use, a folder of
 * migrations, and everything to clean up afterwards (connections, extra schemas, the database).
 * Thread-safe enough for the suite's concurrent checks: connections are opened from any thread.
 */
final class TckFixture {
  /**
   * How long the engine waits for the lock in the suite; a broken lock fails instead of hanging.
   */
  static final Duration ENGINE_LOCK_TIMEOUT = Duration.ofSeconds(30);

  private final DialectTckProvider tck;
  private final Deque<AutoCloseable> cleanups = new ArrayDeque<>();
  private @Nullable TckDatabase database;
  private @Nullable Dialect dialect;
  private @Nullable Path migrations;

  TckFixture(DialectTckProvider tck) {
    this.tck = tck;
  }

  DialectTckProvider tck() {
    return tck;
  }

  DialectProvider provider() {
    return tck.provider();
  }

  Capabilities capabilities() {
    return tck.capabilities();
  }

  /** The dialect for the sample product, for checks that need no database. */
  Dialect offlineDialect() {
    return tck.provider().create(tck.sampleProduct());
  }

  /** The test's database, created on first use. */
  synchronized TckDatabase database() throws Exception {
    if (database == null) {
      database = tck.newDatabase();
    }
    return database;
  }

  /** The dialect the provider creates for the test's database. */
  synchronized Dialect dialect() throws Exception {
    if (dialect == null) {
      try (Connection c = database().dataSource().getConnection()) {
        dialect = tck.provider().create(DatabaseProduct.of(c.getMetaData()));
      }
    }
    return dialect;
  }

  String schema() throws Exception {
    return database().schema();
  }

  /** A new connection to the test's database, closed when the test ends. */
  Connection connect() throws Exception {
    Connection c = database().dataSource().getConnection();
    onClose(c);
    return c;
  }

  /** Runs {@code cleanup} when the test ends, before earlier ones and before the database drops. */
  synchronized void onClose(AutoCloseable cleanup) {
    cleanups.push(cleanup);
  }

  /** Writes a migration file. */
  TckFixture file(String name, String sql) {
    try {
      Files.writeString(migrations().resolve(name), sql, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The migrations folder, as a source location. */
  String location() {
    return "filesystem:" + migrations();
  }

  /** The engine on the test's database and migrations, with the dialect under test forced. */
  StrataConfiguration.Builder configure() throws Exception {
    return Strata.configure()
        .dataSource(database().dataSource())
        .sources(location())
        .dialectProvider(tck.provider())
        .dialect(tck.provider().name())
        .lockTimeout(ENGINE_LOCK_TIMEOUT);
  }

  Strata strata() throws Exception {
    return configure().load();
  }

  /** The quoted, qualified default history table in the test's schema. */
  String historyTable() throws Exception {
    return qualified(schema(), HistoryTable.DEFAULT_NAME);
  }

  /** {@code schema.table}, each quoted by the dialect. */
  String qualified(String schema, String table) throws Exception {
    return dialect().quote(schema) + "." + dialect().quote(table);
  }

  /** Lower-cased names of the tables (and other relations) in the test's schema. */
  Set<String> tables() throws Exception {
    return tables(schema());
  }

  /** Lower-cased names of the tables (and other relations) in {@code schema}. */
  Set<String> tables(String schema) throws Exception {
    Set<String> names = new TreeSet<>();
    try (Connection c = database().dataSource().getConnection();
        ResultSet rs = objectsIn(c.getMetaData(), schema, null)) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  /** Lower-cased column names of {@code table} in {@code schema}, in table order. */
  List<String> columns(String schema, String table) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = database().dataSource().getConnection();
        ResultSet rs = objectsIn(c.getMetaData(), schema, table)) {
      while (rs.next()) {
        names.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  /** Tables and history, to show that a command changed neither. */
  Snapshot snapshot() throws Exception {
    return new Snapshot(tables(), strata().history());
  }

  record Snapshot(Set<String> tables, List<HistoryEntry> history) {}

  /** Executes one statement on a new connection. */
  void execute(String sql) throws Exception {
    try (Connection c = database().dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** {@code name} with a random suffix, unique on a shared server. */
  static String unique(String name) {
    StringBuilder sb = new StringBuilder(name).append('_');
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int i = 0; i < 6; i++) {
      sb.append((char) ('a' + random.nextInt(26)));
    }
    return sb.toString();
  }

  /**
   * Tables (when {@code column} is null) or columns in {@code schema}. Names are passed as patterns
   * with their wildcards escaped. A driver whose databases are catalogs rather than schemas (MySQL
   * Connector/J) is asked by catalog.
   */
  private static ResultSet objectsIn(DatabaseMetaData md, String schema, @Nullable String table)
      throws SQLException {
    boolean schemasAreCatalogs =
        !md.supportsSchemasInTableDefinitions() && md.supportsCatalogsInTableDefinitions();
    String escape = md.getSearchStringEscape();
    String schemaPattern = escapeWildcards(schema, escape);
    String tablePattern = table == null ? "%" : escapeWildcards(table, escape);
    if (table == null) {
      return schemasAreCatalogs
          ? md.getTables(schema, null, "%", null)
          : md.getTables(null, schemaPattern, "%", null);
    }
    return schemasAreCatalogs
        ? md.getColumns(schema, null, tablePattern, "%")
        : md.getColumns(null, schemaPattern, tablePattern, "%");
  }

  private static String escapeWildcards(String name, @Nullable String escape) {
    if (escape == null || escape.isEmpty()) {
      return name;
    }
    return name.replace(escape, escape + escape)
        .replace("_", escape + "_")
        .replace("%", escape + "%");
  }

  private synchronized Path migrations() {
    if (migrations == null) {
      try {
        migrations = Files.createTempDirectory("strata-tck-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return migrations;
  }

  /** Runs the cleanups, newest first, then drops the database and deletes the migrations. */
  synchronized void tearDown() throws Exception {
    Exception failure = null;
    while (!cleanups.isEmpty()) {
      failure = closeQuietly(cleanups.pop(), failure);
    }
    if (database != null) {
      failure = closeQuietly(database, failure);
    }
    if (migrations != null) {
      try (Stream<Path> files = Files.walk(migrations)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        failure = addTo(failure, e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static @Nullable Exception closeQuietly(AutoCloseable c, @Nullable Exception failure) {
    try {
      c.close();
      return failure;
    } catch (Exception e) {
      return addTo(failure, e);
    }
  }

  private static Exception addTo(@Nullable Exception failure, Exception e) {
    if (failure == null) {
      return e;
    }
    failure.addSuppressed(e);
    return failure;
  }
}
