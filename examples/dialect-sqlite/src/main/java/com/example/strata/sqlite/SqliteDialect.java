package com.example.strata.sqlite;

import static dev.strata.spi.support.HistoryTable.ACTION;
import static dev.strata.spi.support.HistoryTable.CHECKSUM;
import static dev.strata.spi.support.HistoryTable.DESCRIPTION;
import static dev.strata.spi.support.HistoryTable.DURATION;
import static dev.strata.spi.support.HistoryTable.ENGINE_VERSION;
import static dev.strata.spi.support.HistoryTable.SESSION;
import static dev.strata.spi.support.HistoryTable.INSTALLED_AT;
import static dev.strata.spi.support.HistoryTable.INSTALLED_BY;
import static dev.strata.spi.support.HistoryTable.RANK;
import static dev.strata.spi.support.HistoryTable.SCRIPT;
import static dev.strata.spi.support.HistoryTable.STATEMENTS;
import static dev.strata.spi.support.HistoryTable.SUCCESS;
import static dev.strata.spi.support.HistoryTable.VERSION;

import dev.strata.api.SqlStatement;
import dev.strata.spi.Dialect;
import dev.strata.spi.LockRequest;
import dev.strata.spi.MigrationLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The SQLite dialect (SQLite 3, through a JDBC driver such as xerial's {@code sqlite-jdbc}).
 *
 * <ul>
 *   <li><b>Scripts</b> are split as the {@code sqlite3} shell splits them: {@code CREATE TRIGGER
 *       ... BEGIN ...; ...; END;} is one statement; {@code [...]} and {@code `...`} are
 *       identifiers; block comments do not nest.
 *   <li><b>DDL is transactional</b>: a migration and its history row commit together. {@code
 *       VACUUM} and {@code PRAGMA foreign_keys|journal_mode = ...} do not work in a transaction, so
 *       a script with one runs statement by statement (and must say so with {@code --
 *       strata:transaction=false} when it has other statements too).
 *   <li><b>Schemas</b>: SQLite has none; a connection has its {@code main} database (plus {@code
 *       temp} and whatever that one connection attached). The schema is therefore always {@code
 *       main}: {@link #currentSchema} reports it, {@link #useSchema} and {@link
 *       #createSchemaIfAbsent} accept {@code main} (in any case) and refuse every other name,
 *       because an attached database would exist on one connection only. {@link #tableExists} looks
 *       in that database's {@code sqlite_master}, ignoring case as SQLite's names do.
 *   <li><b>The migration lock</b> is SQLite's write lock on a small lock database beside the
 *       migrated file ({@code app.db.main.strata_schema_history.lock}), held by a transaction on
 *       the lock connection: exclusive across processes, released when the connection closes or the
 *       process dies, and taken before the history table exists. An in-memory database has no file
 *       and is refused.
 *   <li><b>{@code installed_at}</b> is stored as milliseconds since 1970 (UTC): SQLite has no
 *       timestamp type, and the xerial driver reads a timestamp text such as {@code
 *       CURRENT_TIMESTAMP}'s in the JVM's time zone, but an integer as epoch milliseconds.
 *   <li><b>Timeouts</b>: the lock timeout of migration statements is SQLite's {@code busy_timeout}
 *       (default {@value #DEFAULT_BUSY_TIMEOUT_MILLIS} ms); SQLite cannot limit how long a
 *       statement runs, so a statement timeout is refused.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public final class SqliteDialect implements Dialect {
  /** The one instance; the dialect has no state. */
  public static final SqliteDialect INSTANCE = new SqliteDialect();

  /** The only schema: the connection's main database. */
  public static final String MAIN = "main";

  /** How long a migration statement waits for another connection's lock, unless configured. */
  public static final int DEFAULT_BUSY_TIMEOUT_MILLIS = 10_000;

  private SqliteDialect() {}

  /** Returns {@code sqlite}. */
  @Override
  public String name() {
    return SqliteDialectProvider.NAME;
  }

  /** Runs files tagged {@code sqlite}, as in {@code 1_init.sqlite.up.sql}. */
  @Override
  public Set<String> fileTags() {
    return Set.of("sqlite");
  }

  @Override
  public List<SqlStatement> parse(String script) {
    return SqliteScriptParser.parse(script);
  }

  /** True: SQLite rolls back DDL with everything else in a transaction. */
  @Override
  public boolean supportsTransactionalDdl() {
    return true;
  }

  /** {@code "name"}, a {@code "} inside doubled. */
  @Override
  public String quote(String identifier) {
    if (identifier.isEmpty()) {
      throw new IllegalArgumentException("an identifier cannot be empty");
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** Always {@value #MAIN}: unqualified names are created in the main database. */
  @Override
  public String currentSchema(Connection connection) {
    return MAIN;
  }

  /** Accepts {@value #MAIN}, where unqualified names already resolve; refuses any other. */
  public void useSchema(Connection connection, String schema) throws SQLException {
    requireMain(schema);
  }

  /** Prepares the migration connection: the schema check and the default busy timeout. */
  @Override
  public void prepareSession(Connection connection, String schema) throws SQLException {
    useSchema(connection, schema);
    setBusyTimeout(connection, DEFAULT_BUSY_TIMEOUT_MILLIS);
  }

  /**
   * Sets {@code busy_timeout} to {@code lockTimeout} (the default for {@code null}); refuses a
   * statement timeout, which SQLite cannot enforce.
   */
  @Override
  public void setTimeouts(
      Connection connection, @Nullable Duration lockTimeout, @Nullable Duration statementTimeout)
      throws SQLException {
    if (statementTimeout != null) {
      throw new SQLException(
          "SQLite cannot limit how long a statement runs; remove the statement-timeout setting"
              + " (strata.statementTimeout) and directives");
    }
    setBusyTimeout(
        connection,
        lockTimeout == null
            ? DEFAULT_BUSY_TIMEOUT_MILLIS
            : (int) Math.min(Integer.MAX_VALUE, lockTimeout.toMillis()));
  }

  /** Accepts {@value #MAIN}, which always exists; refuses any other name. */
  @Override
  public void createSchemaIfAbsent(Connection connection, String schema) throws SQLException {
    requireMain(schema);
  }

  /**
   * Whether {@code table} (or a view) exists in {@code schema}, a database of the connection, names
   * compared as SQLite compares them (ASCII case ignored). The driver's {@code getTables} ignores
   * its schema argument, so the catalog is read directly.
   */
  @Override
  public boolean tableExists(Connection connection, String schema, String table)
      throws SQLException {
    if (!isDatabaseOf(connection, schema)) {
      return false;
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT 1 FROM "
                + quote(schema)
                + ".sqlite_master"
                + " WHERE type IN ('table', 'view') AND name = ? COLLATE NOCASE")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * The history table. SQLite does not enforce text lengths (the engine truncates to the
   * contract's), {@code installed_rank} is the rowid, and {@code installed_at} holds epoch
   * milliseconds (see {@link #currentTimestamp}).
   */
  @Override
  public List<String> createHistoryTable(String qualifiedTable) {
    return List.of(
        "CREATE TABLE IF NOT EXISTS "
            + qualifiedTable
            + " (\n"
            + column(RANK, "INTEGER NOT NULL PRIMARY KEY")
            + column(VERSION, "TEXT")
            + column(DESCRIPTION, "TEXT NOT NULL")
            + column(ACTION, "TEXT NOT NULL")
            + column(SCRIPT, "TEXT NOT NULL")
            + column(CHECKSUM, "TEXT")
            + column(SUCCESS, "BOOLEAN NOT NULL")
            + column(STATEMENTS, "INTEGER NOT NULL")
            + column(INSTALLED_BY, "TEXT NOT NULL")
            + column(INSTALLED_AT, "INTEGER NOT NULL")
            + column(DURATION, "INTEGER NOT NULL")
            + "  "
            + quote(ENGINE_VERSION)
            + " TEXT NOT NULL,\n"
            + "  "
            + quote(SESSION)
            + " TEXT\n)");
  }

  private String column(String name, String type) {
    return "  " + quote(name) + ' ' + type + ",\n";
  }

  /**
   * Now, in milliseconds since 1970 (UTC), from SQLite's clock. {@code CURRENT_TIMESTAMP} would be
   * text with whole seconds and no zone, which the xerial driver reads back in the JVM's zone.
   * {@code julianday} works on every SQLite 3 ({@code unixepoch('subsec')} needs 3.42).
   */
  @Override
  public String currentTimestamp() {
    return "CAST(ROUND((julianday('now') - 2440587.5) * 86400000.0) AS INTEGER)";
  }

  /** SQLite's write lock on a lock database beside the migrated one; see {@link SqliteLock}. */
  @Override
  public MigrationLock lock(Connection connection, LockRequest request) throws SQLException {
    return SqliteLock.lock(connection, request);
  }

  private static void requireMain(String schema) throws SQLException {
    if (!MAIN.equalsIgnoreCase(schema)) {
      throw new SQLException(
          "SQLite has no schemas: migrations and the history table live in the main database,"
              + " and a database attached as '"
              + schema
              + "' would exist on one connection only."
              + " Leave the schema option (strata.schema) unset, or set it to main");
    }
  }

  private static boolean isDatabaseOf(Connection connection, String schema) throws SQLException {
    if (MAIN.equalsIgnoreCase(schema)) {
      return true;
    }
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA database_list")) {
      while (rs.next()) {
        if (schema.equalsIgnoreCase(rs.getString("name"))) {
          return true;
        }
      }
    }
    return false;
  }

  private static void setBusyTimeout(Connection connection, int millis) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA busy_timeout = " + millis);
    }
  }
}
