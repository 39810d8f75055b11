package dev.strata.dialect.mysql.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.LockTimeoutException;
import dev.strata.api.SqlStatement;
import dev.strata.dialect.mysql.MySqlDialectProvider;
import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.Dialect;
import dev.strata.spi.LockRequest;
import dev.strata.spi.MigrationLock;
import dev.strata.spi.support.HistoryTable;
import dev.strata.testsupport.IsolatedDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dialect against a real server, one fresh database per test: {@link MySqlDialectIT} runs these
 * checks on the MySQL test server (MariaDB here), {@link MySql8DialectIT} on MySQL 8 itself. Where
 * the two differ, each check asserts what the server it meets does.
 */
abstract class MySqlDialectContract {
  private static final Clock CLOCK = Clock.systemUTC();
  static final String LOCK = "strata:it.strata_schema_history";

  private final List<Connection> connections = new ArrayList<>();

  @AfterEach
  void closeConnections() throws SQLException {
    for (Connection c : connections) {
      c.close();
    }
  }

  @Test
  void isChosenForTheServerAndReadsTheDatabaseOfTheUrl(IsolatedDatabase db) throws SQLException {
    Connection c = connect(db);
    DatabaseProduct product = DatabaseProduct.of(c.getMetaData());
    Dialect dialect = dialect(c);

    assertThat(new MySqlDialectProvider().supports(product)).isTrue();
    assertThat(product.name()).isEqualTo("MySQL"); // Connector/J says MySQL for MariaDB too
    assertThat(MySqlDialect.isMariaDb(product)).isEqualTo(product.version().contains("MariaDB"));
    assertThat(dialect.currentSchema(c)).isEqualTo(db.name());
  }

  @Test
  void switchesToAnotherDatabaseItCreated(IsolatedDatabase db) throws SQLException {
    Connection c = connect(db);
    MySqlDialect dialect = (MySqlDialect) dialect(c);
    String other = db.name() + "_b";
    try {
      dialect.createSchemaIfAbsent(c, other);
      dialect.createSchemaIfAbsent(c, other); // a second time: a no-op

      dialect.useSchema(c, other);
      execute(c, "CREATE TABLE unqualified (id INT)");

      assertThat(dialect.currentSchema(c)).isEqualTo(other);
      assertThat(dialect.tableExists(c, other, "unqualified")).isTrue();
      assertThat(dialect.tableExists(c, db.name(), "unqualified")).isFalse();
    } finally {
      execute(c, "DROP DATABASE IF EXISTS " + dialect.quote(other));
    }
  }

  @Test
  void refusesToGuessTheSchemaWhenNoDatabaseIsSelected(IsolatedDatabase db) throws SQLException {
    Connection c = track(DriverManager.getConnection(db.jdbcUrl().replace("/" + db.name(), "/")));

    assertThatThrownBy(() -> dialect(c).currentSchema(c))
        .isInstanceOf(SQLException.class)
        .hasMessage(
            "no database is selected on this connection; put it in the JDBC URL"
                + " (jdbc:mysql://host:3306/<database>) or set strata.schema");
  }

  @Test
  void createsTheHistoryTableTwiceSafelyWithExactColumnsAndNoAutoUpdate(IsolatedDatabase db)
      throws SQLException {
    Connection c = connect(db);
    Dialect dialect = dialect(c);
    String table = dialect.quote(db.name()) + "." + dialect.quote(HistoryTable.DEFAULT_NAME);

    for (int i = 0; i < 2; i++) {
      for (String ddl : dialect.createHistoryTable(table)) {
        execute(c, ddl);
      }
    }

    assertThat(dialect.tableExists(c, db.name(), HistoryTable.DEFAULT_NAME)).isTrue();
    assertThat(dialect.tableExists(c, db.name(), "STRATA_SCHEMA_HISTORY")).isFalse();
    List<String> columns = new ArrayList<>();
    try (ResultSet rs =
        c.createStatement()
            .executeQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = '"
                    + db.name()
                    + "' AND table_name = 'strata_schema_history'"
                    + " ORDER BY ordinal_position")) {
      while (rs.next()) {
        columns.add(rs.getString(1));
      }
    }
    assertThat(columns)
        .startsWith(HistoryTable.COLUMNS.toArray(String[]::new))
        .endsWith(HistoryTable.ADDED_COLUMNS.toArray(String[]::new))
        .hasSize(HistoryTable.COLUMNS.size() + HistoryTable.ADDED_COLUMNS.size());
    String ddl = single(c, "SHOW CREATE TABLE " + table, 2);
    assertThat(ddl).contains("ENGINE=InnoDB").contains("CHARSET=utf8mb4");
    assertThat(ddl.toLowerCase()).doesNotContain("on update");
  }

  @Test
  void preparesTheSessionWithALockWaitTimeoutAndNoStatementLimitByDefault(IsolatedDatabase db)
      throws SQLException {
    Connection c = connect(db);
    execute(c, "USE mysql");

    dialect(c).prepareSession(c, db.name());

    assertThat(single(c, "SELECT DATABASE()", 1)).isEqualTo(db.name());
    assertThat(single(c, "SELECT @@SESSION.lock_wait_timeout", 1)).isEqualTo("10");
    if (isMariaDb(c)) {
      assertThat(Double.parseDouble(single(c, "SELECT @@SESSION.max_statement_time", 1)))
          .isEqualTo(Double.parseDouble(single(c, "SELECT @@GLOBAL.max_statement_time", 1)));
    } else {
      assertThat(single(c, "SELECT @@SESSION.max_execution_time", 1))
          .isEqualTo(single(c, "SELECT @@GLOBAL.max_execution_time", 1));
    }
  }

  @Test
  void limitsEachStatementsTimeWhenConfigured(IsolatedDatabase db) throws SQLException {
    Connection c = connect(db);
    Dialect dialect = new MySqlDialectProvider().create(DatabaseProduct.of(c.getMetaData()));

    dialect.prepareSession(c, db.name());
    dialect.setTimeouts(c, Duration.ofMillis(2500), Duration.ofMillis(500));

    assertThat(single(c, "SELECT @@SESSION.lock_wait_timeout", 1)).isEqualTo("3");
    if (isMariaDb(c)) {
      assertThat(Double.parseDouble(single(c, "SELECT @@SESSION.max_statement_time", 1)))
          .isEqualTo(0.5);
      long start = System.nanoTime();
      // SLEEP() would just return early; a long scan is interrupted with an error.
      assertThatThrownBy(
              () -> execute(c, "SELECT COUNT(*) FROM seq_1_to_10000000000 WHERE seq % 7 = 3"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("max_statement_time");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    } else {
      assertThat(single(c, "SELECT @@SESSION.max_execution_time", 1)).isEqualTo("500");
      // MySQL limits read-only SELECTs only; a recursive CTE counting to 10^9 is interrupted.
      execute(c, "SET SESSION cte_max_recursion_depth = 4294967295");
      long start = System.nanoTime();
      assertThatThrownBy(
              () ->
                  execute(
                      c,
                      "WITH RECURSIVE s (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s"
                          + " WHERE n < 1000000000) SELECT COUNT(*) FROM s"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("maximum statement execution time exceeded");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }
  }

  @Test
  void sendsStatementsVerbatimWithoutJdbcEscapeProcessing(IsolatedDatabase db) throws SQLException {
    Connection c = connect(db);
    Dialect dialect = dialect(c);
    String body = "SELECT {d '2024-01-31'} AS d, '?' AS q";

    try (Statement s = c.createStatement()) {
      dialect.execute(s, SqlStatement.of("CREATE PROCEDURE `?`() " + body, 1));
    }
    try (Statement s = c.createStatement()) {
      dialect.execute(s, SqlStatement.of("CALL `?`()", 1));
    }

    assertThat(
            single(
                c,
                "SELECT routine_definition FROM information_schema.routines WHERE routine_schema"
                    + " = DATABASE() AND routine_name = '?'",
                1))
        .isEqualTo(body);
  }

  @Test
  void grantsTheLockToOneConnectionAtATimeAndNamesTheHolderOnTimeout(IsolatedDatabase db)
      throws SQLException {
    Connection holder = connect(db);
    Connection waiter = connect(db);
    Dialect dialect = dialect(holder);
    MigrationLock held = dialect.lock(holder, request(Duration.ofSeconds(5), new AtomicInteger()));
    String holderId = single(holder, "SELECT CONNECTION_ID()", 1);
    AtomicInteger waits = new AtomicInteger();
    Instant start = CLOCK.instant();

    assertThatThrownBy(() -> dialect.lock(waiter, request(Duration.ofMillis(1500), waits)))
        .isInstanceOf(LockTimeoutException.class)
        .hasMessageStartingWith("Timed out after ")
        .hasMessageContaining(
            " ms waiting for the migration lock "
                + LOCK
                + ", held by connection "
                + holderId
                + " (root@")
        .hasMessageContaining(", database " + db.name() + ", Sleep for ");
    Duration waited = Duration.between(start, CLOCK.instant());
    assertThat(waited).isBetween(Duration.ofMillis(1500), Duration.ofMillis(3000));
    assertThat(waits).hasValue(1);
    assertThat(single(waiter, "SELECT IS_USED_LOCK('" + LOCK + "')", 1)).isEqualTo(holderId);

    held.close();
    try (MigrationLock lock = dialect.lock(waiter, request(Duration.ofSeconds(5), waits))) {
      assertThat(lock).isInstanceOf(UserLevelLock.class);
      assertThat(single(holder, "SELECT IS_USED_LOCK('" + LOCK + "')", 1))
          .isEqualTo(single(waiter, "SELECT CONNECTION_ID()", 1));
    }
    assertThat(waits).hasValue(1);
    assertThat(single(holder, "SELECT IS_FREE_LOCK('" + LOCK + "')", 1)).isEqualTo("1");
  }

  @Test
  void letsTheServerEndTheLockSessionAfterFifteenSecondsWithoutAHeartbeat(IsolatedDatabase db)
      throws SQLException {
    Connection holder = connect(db);
    execute(holder, "SET SESSION wait_timeout = 28800");

    try (MigrationLock lock =
        dialect(holder).lock(holder, request(Duration.ofSeconds(5), new AtomicInteger()))) {
      assertThat(lock).isInstanceOf(UserLevelLock.class);
      assertThat(single(holder, "SELECT @@SESSION.wait_timeout", 1)).isEqualTo("15");
    }
  }

  @Test
  void waitsForTheHolderToReleaseWithinTheTimeout(IsolatedDatabase db) throws Exception {
    Connection holder = connect(db);
    Connection waiter = connect(db);
    Dialect dialect = dialect(holder);
    MigrationLock held = dialect.lock(holder, request(Duration.ofSeconds(5), new AtomicInteger()));
    AtomicInteger waits = new AtomicInteger();
    Thread releaser =
        new Thread(
            () -> {
              try {
                Thread.sleep(1200);
                held.close();
              } catch (InterruptedException | SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    releaser.start();

    try (MigrationLock lock = dialect.lock(waiter, request(Duration.ofSeconds(10), waits))) {
      assertThat(lock).isInstanceOf(UserLevelLock.class);
      assertThat(waits).hasValue(1);
    }
    releaser.join();
  }

  @Test
  void isReleasedByTheServerWhenTheHolderConnectionCloses(IsolatedDatabase db) throws SQLException {
    Connection holder = db.connect();
    Dialect dialect = dialect(holder);
    dialect.lock(holder, request(Duration.ofSeconds(5), new AtomicInteger()));
    holder.close();

    AtomicInteger waits = new AtomicInteger();
    try (MigrationLock lock = dialect.lock(connect(db), request(Duration.ofSeconds(5), waits))) {
      assertThat(lock).isInstanceOf(UserLevelLock.class);
      assertThat(waits).hasValue(0);
    }
  }

  @Test
  void isReleasedByTheServerWhenTheHolderIsKilledAndTheHolderThenHearsItWasLost(IsolatedDatabase db)
      throws SQLException {
    Connection holder = connect(db);
    Dialect dialect = dialect(holder);
    MigrationLock held = dialect.lock(holder, request(Duration.ofSeconds(5), new AtomicInteger()));

    execute(connect(db), "KILL " + single(holder, "SELECT CONNECTION_ID()", 1));

    try (MigrationLock lock =
        dialect.lock(connect(db), request(Duration.ofSeconds(5), new AtomicInteger()))) {
      assertThat(lock).isNotNull();
    }
    assertThatThrownBy(held::close)
        .isInstanceOf(SQLException.class)
        .hasMessageStartingWith("The migration lock " + LOCK + " was no longer held when released")
        .hasMessageContaining("another migrator may have run at the same time");
  }

  @Test
  void locksALongNameUnderItsShortenedKey(IsolatedDatabase db) throws SQLException {
    Connection holder = connect(db);
    MySqlDialect dialect = (MySqlDialect) dialect(holder);
    String name = "strata:" + "x".repeat(80) + ".strata_schema_history";
    LockRequest request = new LockRequest(name, "`t`", Duration.ofSeconds(5), CLOCK, () -> {});

    try (MigrationLock lock = dialect.lock(holder, request)) {
      assertThat(lock).isInstanceOf(UserLevelLock.class);
      assertThat(single(holder, "SELECT IS_USED_LOCK('" + UserLevelLock.keyFor(name) + "')", 1))
          .isEqualTo(single(holder, "SELECT CONNECTION_ID()", 1));
      assertThat(dialect.describeLockHolder(connect(db), request))
          .startsWith("connection " + single(holder, "SELECT CONNECTION_ID()", 1) + " (root@");
    }
    assertThat(dialect.describeLockHolder(holder, request)).isNull();
  }

  static LockRequest request(Duration timeout, AtomicInteger waits) {
    return new LockRequest(
        LOCK, "`it`.`strata_schema_history`", timeout, CLOCK, waits::incrementAndGet);
  }

  static Dialect dialect(Connection c) throws SQLException {
    return new MySqlDialectProvider().create(DatabaseProduct.of(c.getMetaData()));
  }

  static boolean isMariaDb(Connection c) throws SQLException {
    return MySqlDialect.isMariaDb(DatabaseProduct.of(c.getMetaData()));
  }

  Connection connect(IsolatedDatabase db) throws SQLException {
    return track(db.connect());
  }

  private Connection track(Connection c) {
    connections.add(c);
    return c;
  }

  static String single(Connection c, String sql, int column) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as("a row from %s", sql).isTrue();
      return rs.getString(column);
    }
  }

  static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
