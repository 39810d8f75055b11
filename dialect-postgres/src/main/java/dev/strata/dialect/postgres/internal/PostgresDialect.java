package dev.strata.dialect.postgres.internal;

import dev.strata.api.SqlStatement;
import dev.strata.dialect.postgres.internal.lint.PostgresLintRules;
import dev.strata.dialect.postgres.internal.schema.PostgresSchemaInspector;
import dev.strata.spi.Dialect;
import dev.strata.spi.LintRule;
import dev.strata.spi.LockRequest;
import dev.strata.spi.MigrationLock;
import dev.strata.spi.SchemaInspector;
import dev.strata.spi.SessionReset;
import dev.strata.spi.support.HistoryTable;
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
 * The PostgreSQL dialect. DDL is transactional, identifiers are quoted with {@code "}, scripts are
 * split as psql splits them ({@link PostgresScriptParser}), and the migration lock is a session
 * advisory lock ({@link AdvisoryLock}).
 *
 * <p>The migration session gets {@code search_path} set to the schema, {@code application_name =
 * 'strata'} and a {@code lock_timeout} (10 s by default): a DDL statement queued behind a long
 * query on the same table would otherwise make every later query on that table queue behind it,
 * stalling traffic; with the timeout the migration fails instead, and can be retried. Statements
 * that wait without blocking others ({@code CREATE INDEX CONCURRENTLY} and the other {@code
 * CONCURRENTLY} forms, {@code VACUUM}) run without it, since for them a timeout only causes
 * failure, and a failed {@code CREATE INDEX CONCURRENTLY} leaves an invalid index behind.
 *
 * <p>Immutable and thread-safe.
 */
public final class PostgresDialect implements Dialect {
  /** The {@code lock_timeout} of migration sessions unless told otherwise. */
  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);

  private final int serverMajorVersion;
  private final Duration lockTimeout;

  /**
   * A dialect for a server of major version {@code serverMajorVersion}, with the default timeout.
   */
  public PostgresDialect(int serverMajorVersion) {
    this(serverMajorVersion, DEFAULT_LOCK_TIMEOUT);
  }

  /**
   * @param serverMajorVersion the server's major version, such as 15
   * @param lockTimeout the {@code lock_timeout} of the migration session: how long one statement
   *     waits for a table lock before it fails; zero waits forever
   */
  public PostgresDialect(int serverMajorVersion, Duration lockTimeout) {
    if (lockTimeout.isNegative()) {
      throw new IllegalArgumentException("lockTimeout cannot be negative, was " + lockTimeout);
    }
    this.serverMajorVersion = serverMajorVersion;
    this.lockTimeout = lockTimeout;
  }

  @Override
  public String name() {
    return "postgresql";
  }

  /** pop's names for PostgreSQL, so that no file tagged for it is taken for another dialect's. */
  @Override
  public Set<String> fileTags() {
    return Set.of("postgres", "postgresql", "pg", "pgx");
  }

  @Override
  public List<SqlStatement> parse(String script) {
    return PostgresScriptParser.parse(script, serverMajorVersion);
  }

  @Override
  public boolean supportsTransactionalDdl() {
    return true;
  }

  @Override
  public String quote(String identifier) {
    if (identifier.isEmpty()) {
      throw new IllegalArgumentException("an identifier cannot be empty");
    }
    if (identifier.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "an identifier cannot contain the NUL character: " + identifier.replace('\0', '?'));
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  @Override
  public String currentSchema(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT current_schema()")) {
      String schema = rs.next() ? rs.getString(1) : null;
      if (schema == null) {
        throw new SQLException(
            "no schema of the search_path exists, so there is no current schema; set the schema"
                + " option (strata.schema) or fix the search_path");
      }
      return schema;
    }
  }

  private void useSchema(Connection connection, String schema) throws SQLException {
    run(connection, "SET search_path TO " + quote(schema));
  }

  @Override
  public void prepareSession(Connection connection, String schema) throws SQLException {
    useSchema(connection, schema);
    run(connection, "SET application_name = 'strata'");
    run(connection, "SET lock_timeout = '" + lockTimeoutSetting() + "'");
    run(
        connection,
        PostgresSessionLimits.idleInTransaction() + "; " + PostgresSessionLimits.keepalives());
  }

  /**
   * After each migration, one round trip takes the session back to how it was prepared, as psql's
   * fresh session per file would have it: the session user and role the connection had ({@code SET
   * ROLE} and {@code SET SESSION AUTHORIZATION} undone, so the history row is written with the
   * connection's own identity), every parameter at its session default ({@code RESET ALL}: {@code
   * search_path}, {@code work_mem}, what {@code set_config()} changed), no temporary tables, and
   * then this dialect's own settings again.
   */
  @Override
  public SessionReset sessionReset(Connection connection, String schema) throws SQLException {
    String sessionUser;
    String currentUser;
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT session_user, current_user")) {
      rs.next();
      sessionUser = rs.getString(1);
      currentUser = rs.getString(2);
    }
    // Allowed to any session: the session user is the one it logged in as, or was made so by a
    // superuser login, which may set it again.
    String restore =
        "SET SESSION AUTHORIZATION "
            + quote(sessionUser)
            + "; "
            + (currentUser.equals(sessionUser) ? "RESET ROLE" : "SET ROLE " + quote(currentUser))
            + "; RESET ALL; DISCARD TEMP; SET search_path TO "
            + quote(schema)
            + "; SET application_name = 'strata'; SET lock_timeout = '"
            + lockTimeoutSetting()
            + "'; "
            + PostgresSessionLimits.idleInTransaction()
            + "; "
            + PostgresSessionLimits.keepalives();
    return (ran, ranCode) -> {
      run(connection, restore);
      return true;
    };
  }

  /**
   * {@code lock_timeout} (the dialect's default when {@code null}) and {@code statement_timeout}
   * ({@code RESET} to the role's or server's setting when {@code null}).
   */
  @Override
  public void setTimeouts(
      Connection connection, @Nullable Duration ddlLockTimeout, @Nullable Duration statementTimeout)
      throws SQLException {
    run(
        connection,
        "SET lock_timeout = '"
            + setting(ddlLockTimeout == null ? lockTimeout : ddlLockTimeout)
            + "'");
    run(
        connection,
        statementTimeout == null
            ? "RESET statement_timeout"
            : "SET statement_timeout = '" + setting(statementTimeout) + "'");
  }

  /** The {@code lock_timeout} value: whole seconds as {@code 10s}, otherwise milliseconds. */
  String lockTimeoutSetting() {
    return setting(lockTimeout);
  }

  private static String setting(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }

  /**
   * Runs a statement as psql would: {@code COPY ... FROM stdin} with its rows through the driver's
   * copy API, the others as plain text (no JDBC escape processing, so <code>{</code> is SQL); those
   * that wait without blocking others run without {@code lock_timeout}.
   */
  @Override
  public void execute(Statement jdbc, SqlStatement statement) throws SQLException {
    String rows = statement.data();
    jdbc.setEscapeProcessing(false);
    if (rows != null) {
      copyIn(jdbc.getConnection(), statement.sql(), rows);
    } else if (statement.noTransaction()
        && TransactionRules.waitsWithoutBlocking(PostgresScriptParser.words(statement.sql()))) {
      executeWithoutLockTimeout(jdbc, statement.sql());
    } else {
      jdbc.execute(statement.sql());
    }
  }

  private static void copyIn(Connection connection, String sql, String rows) throws SQLException {
    try {
      CopyIn.copy(connection, sql, rows);
    } catch (NoClassDefFoundError e) {
      throw new SQLException(
          "COPY ... FROM stdin needs the PostgreSQL JDBC driver (org.postgresql) on the classpath",
          e);
    }
  }

  private static void executeWithoutLockTimeout(Statement jdbc, String sql) throws SQLException {
    String previous;
    try (ResultSet rs = jdbc.executeQuery("SHOW lock_timeout")) {
      rs.next();
      previous = rs.getString(1);
    }
    // The value came from the server; quoting it keeps it one literal.
    String restore = "SET lock_timeout = '" + previous.replace("'", "''") + "'";
    jdbc.execute("SET lock_timeout = 0");
    try {
      jdbc.execute(sql);
    } catch (SQLException e) {
      try {
        jdbc.execute(restore);
      } catch (SQLException restoring) {
        e.addSuppressed(restoring);
      }
      throw e;
    }
    jdbc.execute(restore);
  }

  private static void run(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /**
   * Checks {@code pg_namespace} first: {@code CREATE SCHEMA IF NOT EXISTS} needs the {@code CREATE}
   * privilege on the database even when the schema exists.
   */
  @Override
  public void createSchemaIfAbsent(Connection connection, String schema) throws SQLException {
    boolean exists;
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
      ps.setString(1, schema);
      try (ResultSet rs = ps.executeQuery()) {
        exists = rs.next();
      }
    }
    if (!exists) {
      run(connection, "CREATE SCHEMA IF NOT EXISTS " + quote(schema));
    }
  }

  /** Whether a table (plain or partitioned) named exactly {@code table} is in {@code schema}. */
  @Override
  public boolean tableExists(Connection connection, String schema, String table)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT 1 FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r', 'p')")) {
      ps.setString(1, schema);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** {@code CREATE TABLE IF NOT EXISTS} with PostgreSQL types and quoted lower-case columns. */
  @Override
  public List<String> createHistoryTable(String qualifiedTable) {
    return List.of(
        HistoryTable.createTableIfNotExists(
            qualifiedTable,
            this::quote,
            List.of(
                "integer PRIMARY KEY",
                "varchar(50)",
                "varchar(200) NOT NULL",
                "varchar(20) NOT NULL",
                "varchar(1000) NOT NULL",
                "varchar(64)",
                "boolean NOT NULL",
                "integer NOT NULL",
                "varchar(100) NOT NULL",
                "timestamptz NOT NULL DEFAULT now()",
                "bigint NOT NULL",
                "varchar(20) NOT NULL",
                "varchar(500)"),
            ""));
  }

  /**
   * PostgreSQL's rules ({@link PostgresLintRules}): index builds without {@code CONCURRENTLY},
   * table rewrites and scans under an exclusive lock, constraints without {@code NOT VALID}.
   */
  @Override
  public List<LintRule> lintRules() {
    return PostgresLintRules.all();
  }

  @Override
  public void endSession(Connection connection) throws SQLException {
    run(connection, PostgresSessionLimits.resetMigrationLimits());
  }

  /**
   * Reads schemas from {@code pg_catalog} ({@link PostgresSchemaInspector}); from PostgreSQL 13 on,
   * whose catalog records generated columns and a partition's inherited objects.
   */
  @Override
  public @Nullable SchemaInspector schemaInspector() {
    return serverMajorVersion >= 13 ? new PostgresSchemaInspector() : null;
  }

  /**
   * Takes the advisory lock (see {@link AdvisoryLock}), naming this session {@code strata} so that
   * a waiting migrator's timeout message can say who holds it.
   */
  @Override
  public MigrationLock lock(Connection connection, LockRequest request) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.setAutoCommit(true);
    }
    run(connection, "SET application_name = 'strata'");
    return AdvisoryLock.acquire(connection, request, this::describeLockHolder);
  }

  /**
   * pg_advisory_lock locks a name, not a row: the history table can wait until the lock is held.
   */
  @Override
  public boolean lockNeedsHistoryTable() {
    return false;
  }

  /**
   * Who holds the lock (pid, application, client), for the timeout message; {@code null} if none.
   */
  @Nullable String describeLockHolder(Connection connection, LockRequest request) {
    try {
      return AdvisoryLock.describeHolder(connection, request.name());
    } catch (SQLException e) {
      return null; // the holder is a courtesy in a timeout message, never a second failure
    }
  }
}
