package dev.strata.dialect.h2.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.LockTimeoutException;
import dev.strata.spi.LockRequest;
import dev.strata.spi.MigrationLock;
import dev.strata.spi.support.HistoryTable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the dialect against a real in-memory H2 database, one per test. */
class H2DialectTest {
  private static final String SCHEMA = "strata_test";
  private static final Clock CLOCK = Clock.systemUTC();

  private final H2Dialect dialect = H2Dialect.INSTANCE;
  private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  private final List<Connection> connections = new ArrayList<>();
  private final String table =
      dialect.quote(SCHEMA) + "." + dialect.quote(HistoryTable.DEFAULT_NAME);

  @BeforeEach
  void createHistoryTableWithRowZero() throws SQLException {
    Connection connection = connect();
    dialect.createSchemaIfAbsent(connection, SCHEMA);
    for (String sql : dialect.createHistoryTable(table)) {
      execute(connection, sql);
    }
    execute(connection, insertRowZero());
  }

  @AfterEach
  void dropDatabase() throws SQLException {
    execute(connect(), "SHUTDOWN");
    for (Connection connection : connections) {
      connection.close();
    }
  }

  @Test
  void describesH2() {
    assertThat(dialect.name()).isEqualTo("h2");
    assertThat(dialect.fileTags()).containsExactly("h2");
    assertThat(dialect.supportsTransactionalDdl()).isFalse();
  }

  @Test
  void quotesIdentifiersDoublingEmbeddedQuotes() {
    assertThat(dialect.quote("strata_schema_history")).isEqualTo("\"strata_schema_history\"");
    assertThat(dialect.quote("a\"b")).isEqualTo("\"a\"\"b\"");
    assertThatThrownBy(() -> dialect.quote("")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void createsTheHistoryTableWithLowerCaseColumnsOnceOnly() throws SQLException {
    Connection connection = connect();
    for (String sql : dialect.createHistoryTable(table)) {
      execute(connection, sql); // a second time: a no-op
    }

    assertThat(dialect.tableExists(connection, SCHEMA, HistoryTable.DEFAULT_NAME)).isTrue();
    List<String> columns = new ArrayList<>();
    try (var rows =
        connection.getMetaData().getColumns(null, SCHEMA, HistoryTable.DEFAULT_NAME, null)) {
      while (rows.next()) {
        columns.add(rows.getString("COLUMN_NAME"));
      }
    }
    assertThat(columns)
        .startsWith(HistoryTable.COLUMNS.toArray(String[]::new))
        .endsWith(HistoryTable.ADDED_COLUMNS.toArray(String[]::new))
        .hasSize(HistoryTable.COLUMNS.size() + HistoryTable.ADDED_COLUMNS.size());
    try (var rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(1);
    }
  }

  @Test
  void usesAQuotedLowerCaseSchema() throws SQLException {
    Connection connection = connect();
    assertThat(dialect.currentSchema(connection)).isEqualTo("PUBLIC");

    dialect.prepareSession(connection, SCHEMA);
    execute(connection, "CREATE TABLE \"unqualified\" (id INT)");

    assertThat(dialect.currentSchema(connection)).isEqualTo(SCHEMA);
    assertThat(dialect.tableExists(connection, SCHEMA, "unqualified")).isTrue();
  }

  @Test
  void takesTheLockWithoutWaitingWhenItIsFree() throws SQLException {
    AtomicInteger waits = new AtomicInteger();
    try (MigrationLock lock = dialect.lock(connect(), request(Duration.ofSeconds(5), waits))) {
      assertThat(lock).isNotNull();
    }
    assertThat(waits).hasValue(0);
  }

  @Test
  void timesOutWhileAnotherConnectionHoldsTheLockAndSucceedsOnceItIsReleased() throws SQLException {
    Connection waiter = connect();
    MigrationLock held =
        dialect.lock(connect(), request(Duration.ofSeconds(5), new AtomicInteger()));
    AtomicInteger waits = new AtomicInteger();
    Instant start = CLOCK.instant();

    assertThatThrownBy(() -> dialect.lock(waiter, request(Duration.ofMillis(1500), waits)))
        .isInstanceOf(LockTimeoutException.class)
        .hasMessageContaining("waiting for the migration lock strata:strata_test.history");
    assertThat(Duration.between(start, CLOCK.instant()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(1500));
    assertThat(waits).hasValue(1);

    held.close();
    try (MigrationLock lock = dialect.lock(waiter, request(Duration.ofSeconds(5), waits))) {
      assertThat(lock).isNotNull();
    }
    assertThat(waits).hasValue(1);
  }

  @Test
  void releasesTheLockWhenTheHolderConnectionCloses() throws SQLException {
    Connection holder = connect();
    dialect.lock(holder, request(Duration.ofSeconds(5), new AtomicInteger()));
    holder.close();

    AtomicInteger waits = new AtomicInteger();
    try (MigrationLock lock = dialect.lock(connect(), request(Duration.ofSeconds(5), waits))) {
      assertThat(lock).isNotNull();
    }
    assertThat(waits).hasValue(0);
  }

  @Test
  void runsEveryStatementItParsesOnH2() throws SQLException {
    String script =
        "-- a migration\n"
            + "CREATE TABLE \"notes\" (id INT, body VARCHAR(100)); /* done; */\n"
            + "INSERT INTO \"notes\" VALUES (1, 'semi;colon ''quoted''');\n"
            + "CREATE ALIAS SHOUT AS $$ String shout(String s) { return s + \"!\"; } $$;\n"
            + "CREATE VIEW \"shouted\" AS SELECT SHOUT(body) AS loud FROM \"notes\"";
    Connection connection = connect();
    dialect.prepareSession(connection, SCHEMA);

    for (var statement : dialect.parse(script)) {
      execute(connection, statement.sql());
    }

    try (var rows = connection.createStatement().executeQuery("SELECT loud FROM \"shouted\"")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("semi;colon 'quoted'!");
    }
  }

  @Test
  void recognisesH2LockWaitTimeoutsOnly() {
    assertThat(H2Dialect.isLockWaitTimeout(new SQLException("timeout", "HYT00", 50200))).isTrue();
    assertThat(H2Dialect.isLockWaitTimeout(new SQLException("deadlock", "40001", 40001))).isTrue();
    assertThat(H2Dialect.isLockWaitTimeout(new SQLException("no table", "42S02", 42102))).isFalse();
  }

  private LockRequest request(Duration timeout, AtomicInteger waits) {
    return new LockRequest(
        "strata:strata_test.history", table, timeout, CLOCK, waits::incrementAndGet);
  }

  private String insertRowZero() {
    List<String> quoted = HistoryTable.COLUMNS.stream().map(dialect::quote).toList();
    return "INSERT INTO "
        + table
        + " ("
        + String.join(", ", quoted)
        + ") VALUES"
        + " (0, NULL, '<< history table created >>', 'CREATE', '', NULL, TRUE, 0, 'test',"
        + " CURRENT_TIMESTAMP, 0, 'test', NULL)";
  }

  private Connection connect() throws SQLException {
    Connection connection = DriverManager.getConnection(url);
    connections.add(connection);
    return connection;
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
