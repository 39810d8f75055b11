package dev.strata.dialect.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.LockTimeoutException;
import dev.strata.api.SqlStatement;
import dev.strata.dialect.postgres.PostgresDialectProvider;
import dev.strata.spi.DatabaseProduct;
import dev.strata.spi.LockRequest;
import dev.strata.spi.MigrationLock;
import dev.strata.spi.support.HistoryTable;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.PostgresTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dialect against a real PostgreSQL server, each test in a database of its own. */
@PostgresTest
class PostgresDialectIT {
  private static final String LOCK = "strata:public.strata_schema_history";
  private static final String TABLE = "\"public\".\"strata_schema_history\"";

  private final PostgresDialect dialect = new PostgresDialect(15);
  private final List<Connection> connections = new ArrayList<>();

  @AfterEach
  void closeConnections() {
    for (Connection c : connections) {
      try {
        c.close();
      } catch (SQLException e) {
        // a connection the test broke on purpose
      }
    }
  }

  // The migration lock

  @Test
  void takesTheLockWithoutWaitingWhenItIsFree(IsolatedDatabase db) throws SQLException {
    AtomicInteger waits = new AtomicInteger();
    try (MigrationLock lock = dialect.lock(connect(db), request(Duration.ofSeconds(5), waits))) {
      assertThat(lock).isNotNull();
    }
    assertThat(waits).hasValue(0);
  }

  @Test
  void makesASecondConnectionWaitAndNamesTheHolderWhenItTimesOut(IsolatedDatabase db)
      throws SQLException {
    Connection holder = connect(db);
    MigrationLock held = dialect.lock(holder, request(Duration.ofSeconds(5), new AtomicInteger()));
    Connection waiter = connect(db);
    AtomicInteger waits = new AtomicInteger();

    assertThatThrownBy(() -> dialect.lock(waiter, request(Duration.ofMillis(1500), waits)))
        .isInstanceOf(LockTimeoutException.class)
        .hasMessageMatching(
            "Timed out after 1[5-9]\\d\\d ms waiting for the migration lock "
                + LOCK
                + ", held by PostgreSQL backend pid "
                + pid(holder)
                + " \\(application 'strata',(?s).*")
        .hasMessageContaining("; advisory lock key 7354993713077474488)")
        .hasMessageEndingWith(
            "Another migrator is running; wait for it, or raise strata.lockTimeout.");
    assertThat(waits).hasValue(1);

    held.close();
    try (MigrationLock lock = dialect.lock(waiter, request(Duration.ofSeconds(5), waits))) {
      assertThat(lock).isNotNull();
    }
    assertThat(waits).hasValue(1);
  }

  @Test
  void aWaiterBlocksInTheServerAndTakesTheLockWhenTheHolderLetsGo(IsolatedDatabase db)
      throws Exception {
    Connection holder = connect(db);
    MigrationLock held = dialect.lock(holder, request(Duration.ofSeconds(5), new AtomicInteger()));
    Connection waiter = connect(db);
    int waiterPid = pid(waiter);
    AtomicInteger waits = new AtomicInteger();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<MigrationLock> waiting =
          pool.submit(() -> dialect.lock(waiter, request(Duration.ofSeconds(30), waits)));

      // Not a client-side poll: the waiter's backend sits in the server's lock queue.
      Connection observer = connect(db);
      String waitEvent = "";
      for (int i = 0; i < 100 && !waitEvent.equals("Lock/advisory"); i++) {
        Thread.sleep(50);
        waitEvent =
            query(
                observer,
                "SELECT coalesce(wait_event_type || '/' || wait_event, '') FROM pg_stat_activity"
                    + " WHERE pid = "
                    + waiterPid);
      }
      assertThat(waitEvent).isEqualTo("Lock/advisory");

      held.close();
      try (MigrationLock lock = waiting.get(10, TimeUnit.SECONDS)) {
        assertThat(lock).isNotNull();
        assertThat(
                query(
                    observer,
                    "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                        + " AND pid = "
                        + waiterPid))
            .isEqualTo("1");
      }
      assertThat(waits).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void releasesTheLockWhenTheHolderConnectionCloses(IsolatedDatabase db) throws SQLException {
    Connection holder = connect(db);
    dialect.lock(holder, request(Duration.ofSeconds(5), new AtomicInteger()));
    holder.close();

    try (MigrationLock lock =
        dialect.lock(connect(db), request(Duration.ofSeconds(10), new AtomicInteger()))) {
      assertThat(lock).isNotNull();
    }
  }

  @Test
  void releasesTheLockWhenTheHolderBackendIsTerminated(IsolatedDatabase db) throws SQLException {
    Connection holder = connect(db);
    dialect.lock(holder, request(Duration.ofSeconds(5), new AtomicInteger()));
    assertThat(query(connect(db), "SELECT pg_terminate_backend(" + pid(holder) + ")"))
        .isEqualTo("t");

    try (MigrationLock lock =
        dialect.lock(connect(db), request(Duration.ofSeconds(10), new AtomicInteger()))) {
      assertThat(lock).isNotNull();
    }
  }

  @Test
  void holdsTheLockInAutocommitWithoutAnOpenTransaction(IsolatedDatabase db) throws SQLException {
    Connection holder = connect(db);
    holder.setAutoCommit(false);
    try (MigrationLock lock =
        dialect.lock(holder, request(Duration.ofSeconds(5), new AtomicInteger()))) {
      assertThat(holder.getAutoCommit()).isTrue();
      assertThat(
              query(
                  connect(db),
                  "SELECT state || ' ' || coalesce(backend_xmin::text, 'no-snapshot')"
                      + " FROM pg_stat_activity WHERE pid = "
                      + pid(holder)))
          .isEqualTo("idle no-snapshot");
    }
  }

  @Test
  void reportsALockThatWasLostBeforeItWasReleased(IsolatedDatabase db) throws SQLException {
    Connection holder = connect(db);
    MigrationLock lock = dialect.lock(holder, request(Duration.ofSeconds(5), new AtomicInteger()));
    query(holder, "SELECT pg_advisory_unlock_all()");

    assertThatThrownBy(lock::close)
        .isInstanceOf(SQLException.class)
        .hasMessageStartingWith(
            "The migration lock "
                + LOCK
                + " (advisory lock key 7354993713077474488) was no longer"
                + " held by this session when it was released");
  }

  @Test
  void describesNoHolderWhenTheLockIsFree(IsolatedDatabase db) throws SQLException {
    assertThat(dialect.describeLockHolder(connect(db), request(Duration.ZERO, new AtomicInteger())))
        .isNull();
  }

  @Test
  void runsCreateIndexConcurrentlyWhileThisProcessHoldsTheLockOnAnotherConnection(
      IsolatedDatabase db) throws SQLException {
    try (MigrationLock lock =
        dialect.lock(connect(db), request(Duration.ofSeconds(5), new AtomicInteger()))) {
      Connection migration = connect(db);
      query(migration, "SELECT set_config('statement_timeout', '30s', false)");
      execute(migration, "CREATE TABLE t (a int); INSERT INTO t SELECT generate_series(1, 1000)");
      List<SqlStatement> statements = dialect.parse("CREATE INDEX CONCURRENTLY t_a ON t (a);");
      assertThat(statements).extracting(SqlStatement::noTransaction).containsExactly(true);

      try (Statement jdbc = migration.createStatement()) {
        dialect.execute(jdbc, statements.get(0));
      }

      assertThat(
              query(
                  migration, "SELECT indisvalid FROM pg_index WHERE indexrelid = 't_a'::regclass"))
          .isEqualTo("t");
    }
  }

  @Test
  void letsCreateIndexConcurrentlyWaitPastTheLockTimeoutForAWriterToFinish(IsolatedDatabase db)
      throws Exception {
    PostgresDialect shortTimeout = new PostgresDialect(15, Duration.ofSeconds(1));
    Connection migration = connect(db);
    execute(migration, "CREATE TABLE t (a int)");
    shortTimeout.prepareSession(migration, "public");
    Connection writer = connect(db);
    writer.setAutoCommit(false);
    execute(writer, "INSERT INTO t VALUES (1)"); // holds its transaction open
    SqlStatement index = shortTimeout.parse("CREATE INDEX CONCURRENTLY t_a ON t (a)").get(0);
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      Future<?> running =
          executor.submit(
              () -> {
                try (Statement jdbc = migration.createStatement()) {
                  shortTimeout.execute(jdbc, index);
                }
                return null;
              });
      Thread.sleep(2500);
      assertThat(running).isNotDone();
      writer.commit();
      running.get(30, TimeUnit.SECONDS);
    } finally {
      executor.shutdownNow();
    }

    assertThat(
            query(migration, "SELECT indisvalid FROM pg_index WHERE indexrelid = 't_a'::regclass"))
        .isEqualTo("t");
    assertThat(query(migration, "SHOW lock_timeout")).isEqualTo("1s");
  }

  // Session, schema and history table

  @Test
  void preparesTheSessionWithSchemaApplicationNameAndLockTimeout(IsolatedDatabase db)
      throws SQLException {
    Connection c = connect(db);
    dialect.createSchemaIfAbsent(c, "My Schema");
    dialect.createSchemaIfAbsent(c, "My Schema");
    assertThat(dialect.currentSchema(c)).isEqualTo("public");

    dialect.prepareSession(c, "My Schema");
    execute(c, "CREATE TABLE unqualified (id int)");

    assertThat(dialect.currentSchema(c)).isEqualTo("My Schema");
    assertThat(query(c, "SHOW search_path")).isEqualTo("\"My Schema\"");
    assertThat(query(c, "SHOW application_name")).isEqualTo("strata");
    assertThat(query(c, "SHOW lock_timeout")).isEqualTo("10s");
    assertThat(dialect.tableExists(c, "My Schema", "unqualified")).isTrue();
    assertThat(dialect.tableExists(c, "public", "unqualified")).isFalse();
  }

  @Test
  void reportsWhenNoSchemaOfTheSearchPathExists(IsolatedDatabase db) throws SQLException {
    Connection c = connect(db);
    execute(c, "SET search_path TO nowhere");

    assertThatThrownBy(() -> dialect.currentSchema(c))
        .isInstanceOf(SQLException.class)
        .hasMessageStartingWith("no schema of the search_path exists");
  }

  @Test
  void createsTheHistoryTableTwiceSafely(IsolatedDatabase db) throws SQLException {
    Connection c = connect(db);
    for (int i = 0; i < 2; i++) {
      for (String sql : dialect.createHistoryTable(TABLE)) {
        execute(c, sql);
      }
    }
    execute(
        c,
        "INSERT INTO "
            + TABLE
            + " (installed_rank, description, action, script, success,"
            + " statements_applied, installed_by, duration_ms, engine_version)"
            + " VALUES (0, 'created', 'CREATE', '', true, 0, 'test', 0, 'test')");

    assertThat(dialect.tableExists(c, "public", HistoryTable.DEFAULT_NAME)).isTrue();
    assertThat(dialect.tableExists(c, "public", "STRATA_SCHEMA_HISTORY")).isFalse();
    assertThat(dialect.tableExists(c, "nowhere", HistoryTable.DEFAULT_NAME)).isFalse();
    assertThat(
            query(
                c,
                "SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position)"
                    + " FROM information_schema.columns WHERE table_name ="
                    + " 'strata_schema_history'"))
        .isEqualTo(
            "installed_rank integer, version character varying, description character varying,"
                + " action character varying, script character varying, checksum character"
                + " varying, success boolean, statements_applied integer, installed_by character"
                + " varying, installed_at timestamp with time zone, duration_ms bigint,"
                + " engine_version character varying, session_info character varying, run_id"
                + " character varying, release_label character varying");
    assertThat(query(c, "SELECT installed_at > now() - interval '1 minute' FROM " + TABLE))
        .isEqualTo("t");
  }

  @Test
  void runsEveryKindOfStatementItParses(IsolatedDatabase db) throws SQLException {
    String script =
        "-- a migration with every construct the parser knows\n"
            + "CREATE TABLE notes (id int, body text); /* done; */\n"
            + "CREATE TABLE audit (id int);\n"
            + "INSERT INTO notes VALUES (1, 'semi;colon ''quoted'''), (2, E'tab\\there\\'s');\n"
            + "INSERT INTO notes VALUES (3, U&'d\\0061ta'), (4, $body$ $$;$$ $body$);\n"
            + "CREATE RULE audit_notes AS ON INSERT TO notes DO ALSO (\n"
            + "  INSERT INTO audit VALUES (NEW.id);\n"
            + "  INSERT INTO audit VALUES (-NEW.id)\n"
            + ");\n"
            + "CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE sql\n"
            + "BEGIN ATOMIC\n"
            + "  SELECT CASE WHEN i > 0 THEN i + 1 ELSE 1 END;\n"
            + "END;\n"
            + "DO $$ BEGIN PERFORM add_one(1); END $$;\n"
            + "COPY notes (id, body) FROM stdin;\n"
            + "5\tfrom copy; really\n"
            + "6\t\\N\n"
            + "\\.\n"
            + "INSERT INTO notes SELECT add_one(6), '{\"json\": \"?\"}'::jsonb ? 'json';\n";
    Connection c = connect(db);
    c.setAutoCommit(false);

    try (Statement jdbc = c.createStatement()) {
      for (SqlStatement statement : dialect.parse(script)) {
        dialect.execute(jdbc, statement);
      }
    }
    c.commit();

    assertThat(
            query(
                c,
                "SELECT string_agg(id || '=' || coalesce(body, 'null'), '|' ORDER BY id) FROM"
                    + " notes"))
        .isEqualTo(
            "1=semi;colon 'quoted'|2=tab\there's|3=data|4= $$;$$ |5=from copy; really|6=null"
                + "|7=true");
    // The rule fires for the INSERT of 7 only: rows 1-4 came before it, and COPY ignores rules.
    assertThat(query(c, "SELECT string_agg(id::text, ',' ORDER BY id) FROM audit"))
        .isEqualTo("-7,7");
  }

  @Test
  void isChosenForARealPostgresConnection(IsolatedDatabase db) throws SQLException {
    DatabaseProduct product = DatabaseProduct.of(connect(db).getMetaData());

    assertThat(new PostgresDialectProvider().supports(product)).isTrue();
  }

  // Helpers

  private Connection connect(IsolatedDatabase db) throws SQLException {
    Connection c = db.connect();
    connections.add(c);
    return c;
  }

  private static LockRequest request(Duration timeout, AtomicInteger waits) {
    return request(timeout, Clock.systemUTC(), waits);
  }

  private static LockRequest request(Duration timeout, Clock clock, AtomicInteger waits) {
    return new LockRequest(LOCK, TABLE, timeout, clock, waits::incrementAndGet);
  }

  private static int pid(Connection c) throws SQLException {
    return Integer.parseInt(query(c, "SELECT pg_backend_pid()"));
  }

  private static String query(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
