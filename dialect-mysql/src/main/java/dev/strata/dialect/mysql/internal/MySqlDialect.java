package dev.strata.dialect.mysql.internal;

import dev.strata.api.SqlStatement;
import dev.strata.dialect.mysql.internal.lint.MySqlLintRules;
import dev.strata.dialect.mysql.internal.schema.MySqlSchemaInspector;
import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.Dialect;
import dev.strata.spi.LintRule;
import dev.strata.spi.LockRequest;
import dev.strata.spi.MigrationLock;
import dev.strata.spi.SchemaInspector;
import dev.strata.spi.SessionReset;
import dev.strata.spi.support.HistoryTable;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The MySQL dialect, written for MySQL 5.7+ and MariaDB 10.4+ (tested against MariaDB 10.11). DDL
 * commits implicitly, identifiers are quoted with backticks, a schema is a database ({@code USE}),
 * and the migration lock is a user-level lock ({@link UserLevelLock}).
 *
 * <p>The migration session gets {@code lock_wait_timeout} (how long DDL waits for a metadata lock
 * held by another transaction before failing, instead of the server's default of a year) and, when
 * configured, a statement time limit: {@code max_statement_time} on MariaDB (every statement),
 * {@code max_execution_time} on MySQL (read-only {@code SELECT}s only; MySQL has no limit for DDL).
 *
 * <p>Immutable and thread-safe.
 */
public final class MySqlDialect implements Dialect {
  /** How long a migration's statement waits for a metadata lock, unless configured. */
  public static final Duration DEFAULT_LOCK_WAIT_TIMEOUT = Duration.ofSeconds(10);

  private final boolean mariaDb;
  private final MySqlScriptParser parser;

  /**
   * @param mariaDb whether the server is MariaDB (see {@link #isMariaDb})
   * @param parser splits scripts
   */
  public MySqlDialect(boolean mariaDb, MySqlScriptParser parser) {
    this.mariaDb = mariaDb;
    this.parser = parser;
  }

  /**
   * Whether {@code product} is MariaDB. MySQL Connector/J reports the product name {@code MySQL}
   * for MariaDB too (and a version such as {@code 5.5.5-10.11.19-MariaDB}, major version 5), the
   * MariaDB driver reports {@code MariaDB}.
   */
  public static boolean isMariaDb(DatabaseProduct product) {
    return product.name().equalsIgnoreCase("MariaDB")
        || product.version().toLowerCase(Locale.ROOT).contains("mariadb");
  }

  @Override
  public String name() {
    return "mysql";
  }

  @Override
  public Set<String> fileTags() {
    return Set.of("mysql", "mariadb");
  }

  @Override
  public List<SqlStatement> parse(String script) {
    return parser.parse(script);
  }

  @Override
  public boolean supportsTransactionalDdl() {
    return false;
  }

  @Override
  public String quote(String identifier) {
    if (identifier.isEmpty()) {
      throw new IllegalArgumentException("an identifier cannot be empty");
    }
    return '`' + identifier.replace("`", "``") + '`';
  }

  @Override
  public String currentSchema(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT DATABASE()")) {
      String schema = rs.next() ? rs.getString(1) : null;
      if (schema == null) {
        throw new SQLException(
            "no database is selected on this connection; put it in the JDBC URL"
                + " (jdbc:mysql://host:3306/<database>) or set strata.schema");
      }
      return schema;
    }
  }

  /** Makes {@code schema} the database unqualified names resolve to. */
  void useSchema(Connection connection, String schema) throws SQLException {
    execute(connection, "USE " + quote(schema));
  }

  @Override
  public void prepareSession(Connection connection, String schema) throws SQLException {
    useSchema(connection, schema);
    setTimeouts(connection, null, null);
    if (mariaDb) {
      // A migrator cut off inside a transaction keeps its row locks until the server ends the
      // session; MySQL has no such limit short of wait_timeout, which would end idle sessions too.
      execute(
          connection,
          "SET SESSION idle_transaction_timeout = " + UserLevelLock.SILENCE.toSeconds());
    }
    if (connection.getMetaData().getDriverName().startsWith("MariaDB")) {
      execute(connection, WITHOUT_DRIVER_SQL_MODE);
    }
  }

  /** The time limits {@link #prepareSession} and {@link #setTimeouts} set, back to the server's. */
  @Override
  public void endSession(Connection connection) throws SQLException {
    execute(
        connection,
        "SET SESSION lock_wait_timeout = DEFAULT, "
            + statementLimit()
            + " = DEFAULT"
            + (mariaDb ? ", idle_transaction_timeout = DEFAULT" : ""));
  }

  /**
   * MariaDB Connector/J adds {@code IGNORE_SPACE} to the session's {@code sql_mode} when it
   * connects. That mode makes built-in function names reserved words and is recorded with every
   * routine, trigger and view a script creates, so scripts would parse and be stored differently
   * than under the mariadb client or MySQL Connector/J, which keep the server's mode. This takes it
   * out again unless the server's own mode has it, and leaves every other part of the mode as it
   * is.
   */
  static final String WITHOUT_DRIVER_SQL_MODE =
      "SET SESSION sql_mode = IF(FIND_IN_SET('IGNORE_SPACE', @@GLOBAL.sql_mode) > 0,"
          + " @@SESSION.sql_mode, TRIM(BOTH ',' FROM"
          + " REPLACE(CONCAT(',', @@SESSION.sql_mode, ','), ',IGNORE_SPACE,', ',')))";

  /** See {@link MySqlSessionReset}: what a script set for itself is undone before the next. */
  @Override
  public SessionReset sessionReset(Connection connection, String schema) throws SQLException {
    return MySqlSessionReset.read(connection, statementLimit(), "USE " + quote(schema));
  }

  private String statementLimit() {
    return mariaDb ? "max_statement_time" : "max_execution_time";
  }

  /**
   * {@code lock_wait_timeout} in whole seconds (10 s when {@code null}) and the statement time
   * limit: MariaDB's {@code max_statement_time} (every statement), MySQL's {@code
   * max_execution_time} (read-only SELECTs only); the server's when {@code null}.
   */
  @Override
  public void setTimeouts(
      Connection connection, @Nullable Duration ddlLockTimeout, @Nullable Duration statementTimeout)
      throws SQLException {
    Duration wait = ddlLockTimeout == null ? DEFAULT_LOCK_WAIT_TIMEOUT : ddlLockTimeout;
    long lockSeconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    execute(connection, "SET SESSION lock_wait_timeout = " + lockSeconds);
    Duration limit = statementTimeout;
    String variable = statementLimit();
    if (limit == null) {
      execute(connection, "SET SESSION " + variable + " = DEFAULT");
    } else {
      execute(
          connection,
          "SET SESSION "
              + variable
              + " = "
              + (mariaDb
                  ? BigDecimal.valueOf(limit.toMillis(), 3).toPlainString()
                  : Long.toString(limit.toMillis())));
    }
  }

  /**
   * Sends the statement as it is: a plain {@link Statement} (so {@code ?} is text, as in a
   * procedure named {@code `?`}) with the driver's JDBC escape processing off (so {@code {...}}
   * reaches the server unchanged, as from the command-line client).
   */
  @Override
  public void execute(Statement jdbc, SqlStatement statement) throws SQLException {
    jdbc.setEscapeProcessing(false);
    jdbc.execute(statement.sql());
  }

  @Override
  public void createSchemaIfAbsent(Connection connection, String schema) throws SQLException {
    execute(connection, "CREATE DATABASE IF NOT EXISTS " + quote(schema));
  }

  /**
   * Looks in {@code information_schema.tables}, whose comparisons ignore case; the name must match
   * exactly unless the server folds table names ({@code lower_case_table_names} other than 0).
   */
  @Override
  public boolean tableExists(Connection connection, String schema, String table)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT table_schema, table_name, @@lower_case_table_names"
                + " FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
      ps.setString(1, schema);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          boolean folded = rs.getInt(3) != 0;
          String foundSchema = rs.getString(1);
          String foundTable = rs.getString(2);
          if (folded
              ? foundSchema.equalsIgnoreCase(schema) && foundTable.equalsIgnoreCase(table)
              : foundSchema.equals(schema) && foundTable.equals(table)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The session's {@code sql_mode}, which changes how the same SQL behaves. */
  @Override
  public @Nullable String describeSession(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("SELECT @@SESSION.sql_mode")) {
      return rs.next() ? "sql_mode=" + rs.getString(1) : null;
    }
  }

  /** Milliseconds, as the history table's column keeps them (the default would drop them). */
  @Override
  public String currentTimestamp() {
    return "CURRENT_TIMESTAMP(3)";
  }

  @Override
  public List<String> createHistoryTable(String qualifiedTable) {
    return List.of(
        HistoryTable.createTableIfNotExists(
            qualifiedTable,
            this::quote,
            List.of(
                "INT PRIMARY KEY",
                "VARCHAR(50) NULL",
                "VARCHAR(200) NOT NULL",
                "VARCHAR(20) NOT NULL",
                "VARCHAR(1000) NOT NULL",
                "VARCHAR(64) NULL",
                "BOOLEAN NOT NULL",
                "INT NOT NULL",
                "VARCHAR(100) NOT NULL",
                // An explicit default, so no ON UPDATE clause: progress updates keep the start
                // time.
                "TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)",
                "BIGINT NOT NULL",
                "VARCHAR(20) NOT NULL",
                "VARCHAR(500) NULL"),
            "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"));
  }

  /**
   * MySQL's rules ({@link MySqlLintRules}): {@code ALTER TABLE} and {@code CREATE INDEX} that do
   * not insist on an online change, and columns added with expression defaults.
   */
  /** Reads databases from {@code information_schema} ({@link MySqlSchemaInspector}). */
  @Override
  public SchemaInspector schemaInspector() {
    return new MySqlSchemaInspector(mariaDb);
  }

  @Override
  public List<LintRule> lintRules() {
    return MySqlLintRules.all();
  }

  @Override
  public MigrationLock lock(Connection connection, LockRequest request) throws SQLException {
    return UserLevelLock.take(connection, request, mariaDb, this);
  }

  /** GET_LOCK locks a name, not a row: the history table can wait until the lock is held. */
  @Override
  public boolean lockNeedsHistoryTable() {
    return false;
  }

  /** Who holds the lock (connection, user, host), for the timeout message; {@code null} if none. */
  @Nullable String describeLockHolder(Connection connection, LockRequest request) {
    try {
      return UserLevelLock.describeHolder(connection, UserLevelLock.keyFor(request.name()));
    } catch (SQLException e) {
      return null; // the timeout message goes out without a holder rather than not at all
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.setEscapeProcessing(false);
      s.execute(sql);
    }
  }
}
