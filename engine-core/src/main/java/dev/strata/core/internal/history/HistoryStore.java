package dev.strata.core.internal.history;

import static dev.strata.spi.support.HistoryTable.ACTION;
import static dev.strata.spi.support.HistoryTable.ADDED_COLUMNS;
import static dev.strata.spi.support.HistoryTable.CHECKSUM;
import static dev.strata.spi.support.HistoryTable.COLUMNS;
import static dev.strata.spi.support.HistoryTable.DESCRIPTION;
import static dev.strata.spi.support.HistoryTable.DURATION;
import static dev.strata.spi.support.HistoryTable.ENGINE_VERSION;
import static dev.strata.spi.support.HistoryTable.INSTALLED_AT;
import static dev.strata.spi.support.HistoryTable.INSTALLED_BY;
import static dev.strata.spi.support.HistoryTable.RANK;
import static dev.strata.spi.support.HistoryTable.RELEASE;
import static dev.strata.spi.support.HistoryTable.RUN;
import static dev.strata.spi.support.HistoryTable.SCRIPT;
import static dev.strata.spi.support.HistoryTable.STATEMENTS;
import static dev.strata.spi.support.HistoryTable.SUCCESS;
import static dev.strata.spi.support.HistoryTable.VERSION;

import dev.strata.api.HistoryAction;
import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrationId;
import dev.strata.api.MigrationVersion;
import dev.strata.spi.Dialect;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads and appends rows of the history table with plain JDBC; the dialect only quotes names and
 * supplies the DDL. Row 0 records the table's creation and is never returned.
 *
 * <p>The columns of {@link dev.strata.spi.support.HistoryTable#ADDED_COLUMNS} (the run and its
 * release) are added before the first row is written, to a new table and to one an earlier Strata
 * created alike; until then rows are read without them, as rows of no run.
 */
public final class HistoryStore {
  // 1-based positions in COLUMNS order, which read() selects in.
  private static final int AT_VERSION = COLUMNS.indexOf(VERSION) + 1;
  private static final int AT_RANK = COLUMNS.indexOf(RANK) + 1;
  private static final int AT_DESCRIPTION = COLUMNS.indexOf(DESCRIPTION) + 1;
  private static final int AT_ACTION = COLUMNS.indexOf(ACTION) + 1;
  private static final int AT_SCRIPT = COLUMNS.indexOf(SCRIPT) + 1;
  private static final int AT_CHECKSUM = COLUMNS.indexOf(CHECKSUM) + 1;
  private static final int AT_SUCCESS = COLUMNS.indexOf(SUCCESS) + 1;
  private static final int AT_STATEMENTS = COLUMNS.indexOf(STATEMENTS) + 1;
  private static final int AT_INSTALLED_BY = COLUMNS.indexOf(INSTALLED_BY) + 1;
  private static final int AT_INSTALLED_AT = COLUMNS.indexOf(INSTALLED_AT) + 1;
  private static final int AT_DURATION = COLUMNS.indexOf(DURATION) + 1;
  private static final int AT_ENGINE_VERSION = COLUMNS.indexOf(ENGINE_VERSION) + 1;
  private static final int ADD_COLUMN_ATTEMPTS = 5;
  private static final List<String> ALL_COLUMNS =
      Stream.concat(COLUMNS.stream(), ADDED_COLUMNS.stream()).toList();
  private static final int AT_RUN = ALL_COLUMNS.indexOf(RUN) + 1;
  private static final int AT_RELEASE = ALL_COLUMNS.indexOf(RELEASE) + 1;

  private final Dialect dialect;
  private final String schema;
  private final String table;
  private final String qualified;
  private final String engineVersion;
  private final String selectAll;
  private final String selectWithoutRuns;
  private final String selectForPlanning;
  private final String insert;
  private final String update;
  private boolean columnsAdded;

  public HistoryStore(Dialect dialect, String schema, String table, String engineVersion) {
    this.dialect = dialect;
    this.schema = schema;
    this.table = table;
    this.qualified = dialect.quote(schema) + "." + dialect.quote(table);
    this.engineVersion = engineVersion;
    this.selectAll = selectOf(ALL_COLUMNS);
    this.selectWithoutRuns = selectOf(COLUMNS);
    // A prefix of COLUMNS, so the positions above hold for both queries.
    this.selectForPlanning = selectOf(COLUMNS.subList(0, AT_STATEMENTS));
    // installed_at is the server's clock, not this JVM's: one time source for every replica.
    this.insert =
        "INSERT INTO "
            + qualified
            + " ("
            + ALL_COLUMNS.stream().map(this::q).collect(Collectors.joining(", "))
            + ") VALUES ("
            + ALL_COLUMNS.stream()
                .map(x -> x.equals(INSTALLED_AT) ? dialect.currentTimestamp() : "?")
                .collect(Collectors.joining(", "))
            + ")";
    this.update =
        "UPDATE "
            + qualified
            + " SET "
            + q(STATEMENTS)
            + " = ?, "
            + q(SUCCESS)
            + " = ?, "
            + q(DURATION)
            + " = ? WHERE "
            + q(RANK)
            + " = ?";
  }

  /** The quoted, schema-qualified table name. */
  public String qualifiedName() {
    return qualified;
  }

  public String schema() {
    return schema;
  }

  public boolean exists(Connection c) throws SQLException {
    return dialect.tableExists(c, schema, table);
  }

  /**
   * Creates the schema and the table with its row 0 unless they exist. Safe when several processes
   * do it at once: a loser's "already exists" error (PostgreSQL may raise a unique violation on its
   * catalog instead) is forgiven once the table exists, and row 0 is written by whichever process
   * gets there first.
   */
  public void createIfAbsent(Connection c) throws SQLException {
    if (exists(c) && hasCreationRow(c)) {
      addColumnsIfAbsent(c);
      return;
    }
    SQLException creating = null;
    try {
      dialect.createSchemaIfAbsent(c, schema);
      try (Statement s = c.createStatement()) {
        for (String ddl : dialect.createHistoryTable(qualified)) {
          s.execute(ddl);
        }
      }
    } catch (SQLException e) {
      creating = e;
    }
    if (!exists(c)) {
      throw creating != null
          ? creating
          : new SQLException("creating " + qualified + " did nothing");
    }
    addColumnsIfAbsent(c);
    try {
      insert(
          c,
          0,
          new MigrationId(null, "<< history table created >>"),
          "CREATE",
          "",
          null,
          true,
          0,
          0,
          "",
          null,
          null,
          null);
    } catch (SQLException duplicate) {
      if (!hasCreationRow(c)) { // not another process's row 0: a real failure
        if (creating != null) {
          duplicate.addSuppressed(creating);
        }
        throw duplicate;
      }
    }
  }

  /**
   * Adds the columns of {@link dev.strata.spi.support.HistoryTable#ADDED_COLUMNS} the table lacks,
   * once per store; call it, with the table existing, before the first row is written. Safe when
   * several processes do it at once: a loser's "already exists" error is forgiven once the column
   * exists.
   */
  public void addColumnsIfAbsent(Connection c) throws SQLException {
    if (columnsAdded) {
      return;
    }
    Set<String> present = columns(c);
    for (String column : ADDED_COLUMNS) {
      if (present.contains(column)) {
        continue;
      }
      addColumn(c, column);
    }
    columnsAdded = true;
  }

  /**
   * Adds {@code column}. Where another process adds it at the same time the loser's DDL fails
   * ("already exists") or, on H2, times out waiting for the winner's: it is tried again, a few
   * times, until the column is there.
   */
  private void addColumn(Connection c, String column) throws SQLException {
    SQLException failures = null;
    for (int attempt = 0; attempt < ADD_COLUMN_ATTEMPTS; attempt++) {
      try (Statement s = c.createStatement()) {
        for (String ddl : dialect.addHistoryColumn(qualified, column)) {
          s.execute(ddl);
        }
        return;
      } catch (SQLException e) {
        if (failures == null) {
          failures = e;
        } else {
          failures.addSuppressed(e);
        }
      }
      if (columns(c).contains(column)) {
        return;
      }
    }
    throw failures;
  }

  /** The table's column names, lower-cased. */
  private Set<String> columns(Connection c) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    String escape = md.getSearchStringEscape();
    boolean catalogs =
        !md.supportsSchemasInTableDefinitions() && md.supportsCatalogsInTableDefinitions();
    Set<String> names = new HashSet<>();
    try (ResultSet rs =
        catalogs
            ? md.getColumns(schema, null, pattern(table, escape), null)
            : md.getColumns(null, pattern(schema, escape), pattern(table, escape), null)) {
      while (rs.next()) {
        names.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  private static String pattern(String name, @Nullable String escape) {
    if (escape == null || escape.isEmpty()) {
      return name;
    }
    return name.replace(escape, escape + escape)
        .replace("_", escape + "_")
        .replace("%", escape + "%");
  }

  private boolean hasCreationRow(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT 1 FROM " + qualified + " WHERE " + q(RANK) + " = 0")) {
      return rs.next();
    }
  }

  /** Every row but row 0, oldest first; empty when the table does not exist. */
  public List<HistoryEntry> read(Connection c) throws SQLException {
    // Asked, not tried: SQLite reads a missing double-quoted column as a string literal, so a
    // query naming the run columns succeeds on a table without them.
    if (!columnsAdded && exists(c) && !columns(c).containsAll(ADDED_COLUMNS)) {
      // A table an earlier Strata created, which no command of this one has written to yet.
      return read(c, selectWithoutRuns, HistoryStore::entryWithoutRun);
    }
    return read(c, selectAll, HistoryStore::entry);
  }

  /** The same rows as {@link PlanningRow}s: without the audit columns, which are not read. */
  public List<PlanningRow> readForPlanning(Connection c) throws SQLException {
    return read(c, selectForPlanning, HistoryStore::planningRow);
  }

  private interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> List<T> read(Connection c, String query, RowReader<T> reader) throws SQLException {
    // In autocommit the query is simply tried, and the catalog asked only when it fails (a first
    // run): one round trip less on every start. In a transaction a failed query would abort it
    // (PostgreSQL), so the catalog is asked first.
    if (!c.getAutoCommit() && !exists(c)) {
      return List.of();
    }
    try {
      return select(c, query, reader);
    } catch (SQLException e) {
      if (!c.getAutoCommit()) {
        throw e;
      }
      if (!exists(c)) {
        return List.of();
      }
      try {
        return select(c, query, reader); // another migrator created the table meanwhile
      } catch (SQLException again) {
        again.addSuppressed(e);
        throw again;
      }
    }
  }

  private static <T> List<T> select(Connection c, String query, RowReader<T> reader)
      throws SQLException {
    List<T> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        rows.add(reader.read(rs));
      }
    }
    return rows;
  }

  // By position, in COLUMNS order: looking columns up by name cost more than the query.

  private static PlanningRow planningRow(ResultSet rs) throws SQLException {
    String version = rs.getString(AT_VERSION);
    return new PlanningRow(
        rs.getLong(AT_RANK),
        new MigrationId(
            version == null ? null : MigrationVersion.parse(version), rs.getString(AT_DESCRIPTION)),
        HistoryAction.valueOf(rs.getString(AT_ACTION)),
        rs.getString(AT_SCRIPT),
        rs.getString(AT_CHECKSUM),
        rs.getBoolean(AT_SUCCESS),
        rs.getInt(AT_STATEMENTS));
  }

  private static HistoryEntry entry(ResultSet rs) throws SQLException {
    HistoryEntry e = entryWithoutRun(rs);
    return new HistoryEntry(
        e.rank(),
        e.id(),
        e.action(),
        e.script(),
        e.checksum(),
        e.success(),
        e.statementsApplied(),
        e.installedBy(),
        e.installedAt(),
        e.durationMs(),
        e.engineVersion(),
        rs.getString(AT_RUN),
        rs.getString(AT_RELEASE));
  }

  private static HistoryEntry entryWithoutRun(ResultSet rs) throws SQLException {
    PlanningRow r = planningRow(rs);
    return new HistoryEntry(
        r.rank(),
        r.id(),
        r.action(),
        r.script(),
        r.checksum(),
        r.success(),
        r.statementsApplied(),
        rs.getString(AT_INSTALLED_BY),
        rs.getTimestamp(AT_INSTALLED_AT).toInstant(),
        rs.getLong(AT_DURATION),
        rs.getString(AT_ENGINE_VERSION));
  }

  private String selectOf(List<String> columns) {
    return "SELECT "
        + columns.stream().map(this::q).collect(Collectors.joining(", "))
        + " FROM "
        + qualified
        + " WHERE "
        + q(RANK)
        + " > 0 ORDER BY "
        + q(RANK);
  }

  /** The rank the next row gets; read once under the lock. */
  public long nextRank(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT MAX(" + q(RANK) + ") FROM " + qualified)) {
      rs.next();
      return rs.getLong(1) + 1;
    }
  }

  /** Appends a row. */
  public void append(Connection c, HistoryEntry e) throws SQLException {
    append(c, e, null);
  }

  /** Appends a row recording {@code session} ({@link dev.strata.spi.Dialect#describeSession}). */
  public void append(Connection c, HistoryEntry e, @Nullable String session) throws SQLException {
    insert(
        c,
        e.rank(),
        e.id(),
        e.action().name(),
        e.script(),
        e.checksum(),
        e.success(),
        e.statementsApplied(),
        e.durationMs(),
        e.installedBy(),
        session,
        e.runId(),
        e.release());
  }

  private void insert(
      Connection c,
      long rank,
      MigrationId id,
      String action,
      String script,
      String checksum,
      boolean success,
      int statements,
      long durationMs,
      String installedBy,
      @Nullable String session,
      @Nullable String run,
      @Nullable String release)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(insert)) {
      ps.setLong(1, rank);
      ps.setString(2, id.version() == null ? null : id.version().toString());
      ps.setString(3, truncate(id.description(), 200));
      ps.setString(4, action);
      ps.setString(5, truncate(script, 1000));
      ps.setString(6, checksum);
      ps.setBoolean(7, success);
      ps.setInt(8, statements);
      ps.setString(9, truncate(installedBy, 100));
      ps.setLong(10, durationMs);
      ps.setString(11, truncate(engineVersion, 20));
      ps.setString(12, session == null ? null : truncate(session, 500));
      ps.setString(13, run);
      ps.setString(14, release == null ? null : truncate(release, 100));
      ps.executeUpdate();
    }
  }

  /**
   * Records progress of the in-flight row {@code rank}: statements done, and success at the end.
   */
  public void update(Connection c, long rank, int statements, boolean success, long durationMs)
      throws SQLException {
    try (Progress progress = progress(c, rank)) {
      progress.record(statements, success, durationMs);
    }
  }

  /**
   * A writer of the in-flight row {@code rank}'s progress for a migration that records it after
   * every statement: one prepared statement for all of them (MySQL Connector/J parses the SQL of
   * each one it prepares).
   */
  public Progress progress(Connection c, long rank) {
    return new Progress(c, rank);
  }

  /** See {@link #progress}; close it when the migration ends. */
  public final class Progress implements AutoCloseable {
    private final Connection connection;
    private final long rank;
    private @Nullable PreparedStatement statement;

    private Progress(Connection connection, long rank) {
      this.connection = connection;
      this.rank = rank;
    }

    /** Records statements done, and success at the end. */
    public void record(int statements, boolean success, long durationMs) throws SQLException {
      if (statement == null) {
        statement = connection.prepareStatement(update);
      }
      statement.setInt(1, statements);
      statement.setBoolean(2, success);
      statement.setLong(3, durationMs);
      statement.setLong(4, rank);
      statement.executeUpdate();
    }

    /**
     * Closes the statement. A failure to is not reported: the row is written by then, and on a lost
     * connection the migration's own error says what happened.
     */
    @Override
    public void close() {
      if (statement != null) {
        try {
          statement.close();
        } catch (SQLException ignored) {
          // See above.
        }
      }
    }
  }

  private String q(String column) {
    return dialect.quote(column);
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
