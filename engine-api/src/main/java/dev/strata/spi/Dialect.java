package dev.strata.spi;

import dev.strata.api.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Everything Strata needs to know about one database family. Implementations are immutable and
 * thread-safe; the engine calls them from any thread, with connections it owns.
 *
 * <p>The history table's columns are fixed by {@link dev.strata.spi.support.HistoryTable}; a
 * dialect only chooses their types in {@link #createHistoryTable}.
 */
public interface Dialect {
  /**
   * The dialect's name, e.g. {@code postgresql}; equals its provider's {@link
   * DialectProvider#name()}.
   */
  String name();

  /**
   * The file-name tags whose variants this dialect runs: in {@code 1_init.postgres.up.sql} the tag
   * is {@code postgres}. An untagged file is the fallback for every dialect.
   */
  Set<String> fileTags();

  /**
   * Splits a script into statements, exactly as the database's own command-line client would. A
   * statement's text runs from its first token to its last, without the delimiter; comments before
   * it are not part of it, comments inside it are; its line is the line of its first token; {@code
   * \r\n}, {@code \n} and {@code \r} each end one line; empty statements and comment-only scripts
   * yield none.
   *
   * @throws dev.strata.api.ScriptParseException with the line, when the script cannot be split
   */
  List<SqlStatement> parse(String script);

  /** Whether DDL statements take part in transactions (they commit implicitly otherwise). */
  boolean supportsTransactionalDdl();

  /** Quotes an identifier (schema, table) so that it is used exactly as written. */
  String quote(String identifier);

  /** The schema unqualified names resolve to on a fresh connection. */
  default String currentSchema(Connection connection) throws SQLException {
    String schema = connection.getSchema();
    if (schema == null) {
      throw new SQLException("the connection reports no current schema; set the schema option");
    }
    return schema;
  }

  /**
   * Prepares the connection that will run migrations: at least makes {@code schema} the one
   * unqualified names in migrations resolve to (the default: {@link Connection#setSchema}); a
   * dialect adds its session settings (lock and statement timeouts, application name).
   */
  default void prepareSession(Connection connection, String schema) throws SQLException {
    connection.setSchema(schema);
  }

  /**
   * Hands the migration connection back before the engine closes it, which returns it to its pool
   * (a Spring Boot application's): the settings a dialect made for Strata's own work in {@link
   * #prepareSession} and {@link #setTimeouts} (time limits, how long the server keeps a silent
   * session) back to the session's defaults, so the application's later use of the connection does
   * not inherit them. The default does nothing, as {@link #prepareSession}'s default sets nothing
   * of the kind. Failures are ignored: the connection may be gone.
   */
  default void endSession(Connection connection) throws SQLException {}

  /**
   * Reads how the migration session stands right after {@link #prepareSession}, once per command,
   * and returns what takes it back there after each migration (see {@link SessionReset}). The
   * default prepares the session again after a migration with a statement that {@link
   * SessionReset#mayChangeSession may change it}; a dialect that knows its session's state restores
   * all of it: role, parameters, current schema, table locks.
   */
  default SessionReset sessionReset(Connection connection, String schema) throws SQLException {
    return (ran, ranCode) -> {
      if (ranCode || ran.stream().anyMatch(SessionReset::mayChangeSession)) {
        prepareSession(connection, schema);
        return true;
      }
      return false;
    };
  }

  /**
   * Sets the limits for the migration statements that follow on {@code connection}.
   *
   * @param ddlLockTimeout how long one statement may wait for a table lock (PostgreSQL {@code
   *     lock_timeout}, MySQL {@code lock_wait_timeout}); {@code null} for the dialect's default set
   *     by {@link #prepareSession}. Not the migration lock's wait ({@code lockTimeout})
   * @param statementTimeout how long one statement may run; {@code null} for the server's own
   *     setting
   */
  default void setTimeouts(
      Connection connection, @Nullable Duration ddlLockTimeout, @Nullable Duration statementTimeout)
      throws SQLException {
    if (ddlLockTimeout != null || statementTimeout != null) {
      throw new SQLException(
          "the "
              + name()
              + " dialect cannot limit how long a statement waits or runs; remove"
              + " the ddlLockTimeout/statementTimeout options and the strata:ddl-lock-timeout/"
              + "strata:statement-timeout directives");
    }
  }

  /**
   * Executes one statement of a migration on {@code jdbc}, a statement of the migration connection
   * that the engine may cancel from another thread. The default sends {@link SqlStatement#sql()} as
   * it is (never prepared, so {@code ?} in SQL is text); a dialect overrides it for statements that
   * carry {@link SqlStatement#data()}.
   */
  default void execute(java.sql.Statement jdbc, SqlStatement statement) throws SQLException {
    jdbc.execute(statement.sql());
  }

  /** Creates {@code schema} if it does not exist. */
  default void createSchemaIfAbsent(Connection connection, String schema) throws SQLException {
    try (var statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
    }
  }

  /**
   * Whether {@code table} exists in {@code schema}, names matched exactly: the default escapes them
   * for {@link java.sql.DatabaseMetaData#getTables}, whose arguments are patterns ({@code _}
   * matches any character), and passes the schema as the catalog where the driver has catalogs but
   * no schemas (MySQL).
   */
  default boolean tableExists(Connection connection, String schema, String table)
      throws SQLException {
    var md = connection.getMetaData();
    String escape = md.getSearchStringEscape();
    boolean catalogs =
        !md.supportsSchemasInTableDefinitions() && md.supportsCatalogsInTableDefinitions();
    try (var tables =
        catalogs
            ? md.getTables(schema, null, escapePattern(table, escape), null)
            : md.getTables(
                null, escapePattern(schema, escape), escapePattern(table, escape), null)) {
      return tables.next();
    }
  }

  private static String escapePattern(String name, @Nullable String escape) {
    if (escape == null || escape.isEmpty()) {
      return name;
    }
    return name.replace(escape, escape + escape)
        .replace("_", escape + "_")
        .replace("%", escape + "%");
  }

  /**
   * The statements that create the history table {@code qualifiedTable} (already quoted) with the
   * columns of {@link dev.strata.spi.support.HistoryTable}. Strata runs them when the table does
   * not exist; several processes may do so at once, and the engine tolerates the losers' "already
   * exists" errors.
   */
  List<String> createHistoryTable(String qualifiedTable);

  /**
   * The statements that add {@code column}, one of {@link
   * dev.strata.spi.support.HistoryTable#ADDED_COLUMNS}, to the history table {@code qualifiedTable}
   * (already quoted), a table created by {@link #createHistoryTable} or by an earlier Strata. The
   * column is nullable: rows written before it existed keep {@code null} there. Strata runs them
   * when the column is missing; several processes may do so at once, and the engine tolerates the
   * losers' "already exists" errors. The default: {@link
   * dev.strata.spi.support.HistoryTable#addColumn}.
   */
  default List<String> addHistoryColumn(String qualifiedTable, String column) {
    return List.of(
        dev.strata.spi.support.HistoryTable.addColumn(qualifiedTable, this::quote, column));
  }

  /**
   * What the history rows of migrations run on {@code connection} record about its session, so that
   * a migration can be reproduced (MySQL: its {@code sql_mode}, which changes how the same SQL
   * behaves); {@code null} when nothing matters. Called once per command.
   */
  default @Nullable String describeSession(Connection connection) throws SQLException {
    return null;
  }

  /**
   * The SQL expression for "now" that history rows record, evaluated by the server so that every
   * row carries the database's own clock (and its precision, e.g. {@code CURRENT_TIMESTAMP(3)}).
   */
  default String currentTimestamp() {
    return "CURRENT_TIMESTAMP";
  }

  /**
   * Takes the migration lock on {@code connection}, a connection dedicated to the lock, waiting at
   * most {@link LockRequest#timeout()}. The database must release the lock when the connection
   * dies, so a crashed migrator never leaves a stale lock.
   *
   * @throws dev.strata.api.LockTimeoutException when the wait times out, naming the holder where
   *     the database can tell
   */
  MigrationLock lock(Connection connection, LockRequest request) throws SQLException;

  /**
   * Whether {@link #lock} needs the history table to exist, as a {@link
   * dev.strata.spi.support.RowLock} on its row 0 does. Strata then creates the table before it
   * takes the lock; otherwise (an advisory lock) under the lock, once every pending script has
   * parsed, so that migrators which find the work done by the time they hold the lock never parse
   * the scripts.
   */
  default boolean lockNeedsHistoryTable() {
    return true;
  }

  /**
   * What reads a schema of this database into a model, for {@code dump-schema} and {@code diff};
   * {@code null} (the default) when the dialect cannot, and those commands then refuse to run on
   * it, saying so.
   */
  default @Nullable SchemaInspector schemaInspector() {
    return null;
  }

  /** Lint rules for this database's SQL, in addition to the engine's rules for every database. */
  default List<LintRule> lintRules() {
    return List.of();
  }
}
