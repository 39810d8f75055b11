package dev.strata.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.HistoryAction;
import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrateResult;
import dev.strata.api.MigrationFailedException;
import dev.strata.core.Strata;
import dev.strata.dialect.postgres.internal.PostgresDialect;
import dev.strata.spi.LockRequest;
import dev.strata.spi.MigrationLock;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.PostgresTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migrating JVM killed with {@code kill -9} on PostgreSQL, where a migration and its history row
 * commit together: whatever the moment, nothing of the interrupted migration is committed, the
 * advisory lock goes with the dead JVM's connection, and the next {@code migrate} completes.
 *
 * <p>V2 runs four statements; its third sleeps for as long as {@code crash_control.secs} says, so
 * the test decides how long the killed JVM's statement outlives it on the server.
 */
@PostgresTest
@Timeout(120)
class PostgresCrashIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private MigrationFiles files;

  @BeforeEach
  void writeMigrations() {
    files =
        new MigrationFiles(dir)
            .write("V1__first.sql", "CREATE TABLE crash_first (id int);\n")
            .write(
                "V2__long.sql",
                "CREATE TABLE crash_a (id int);\n"
                    + "INSERT INTO crash_a VALUES (1);\n"
                    + "SELECT pg_sleep(secs) FROM crash_control;\n"
                    + "CREATE TABLE crash_b (id int);\n");
  }

  @Test
  void aJvmKilledDuringALongStatementCommitsNothingOfItAndTheNextMigrateCompletes(
      IsolatedDatabase db) throws Exception {
    control(db, 3);
    try (MigratorProcess migrator = MigratorProcess.start(db.jdbcUrl(), dir)) {
      migrator.await("STATEMENT 2 3", WAIT);
      Jdbc.awaitTrue("the sleep runs on the server", WAIT, () -> sleeping(db) == 1);
      migrator.killHard();
    }

    // PostgreSQL notices a dead client only when it next talks to it: the killed JVM's statement
    // runs to its end, then its transaction rolls back. Its lock connection was idle, so the
    // server saw it close at once and released the advisory lock with it.
    assertThat(sleeping(db)).isEqualTo(1);
    Jdbc.awaitTrue("the advisory lock is released", WAIT, () -> advisoryLocks(db) == 0);
    assertThat(tableExists(db, "crash_a")).isFalse();
    assertThat(applied(db)).containsExactly("1");

    control(db, 0);
    long started = System.nanoTime();
    MigrateResult next = strata(db).migrate();
    System.out.printf(
        "[reliability] PostgreSQL: migrate after a kill -9 during a statement took %d ms"
            + " (it waited for the dead JVM's statement to end)%n",
        (System.nanoTime() - started) / 1_000_000);

    assertThat(next.applied()).extracting(m -> m.id().version().toString()).containsExactly("2");
    assertThat(Jdbc.value(db, "SELECT count(*) FROM crash_a")).isEqualTo("1");
    assertThat(tableExists(db, "crash_b")).isTrue();
    assertThat(strata(db).history())
        .extracting(e -> e.id().version().toString(), HistoryEntry::action, HistoryEntry::success)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("1", HistoryAction.APPLY, true),
            org.assertj.core.groups.Tuple.tuple("2", HistoryAction.APPLY, true));
  }

  @Test
  void whileTheKilledJvmsStatementStillRunsTheNextMigrateFailsHarmlesslyOnItsLocks(
      IsolatedDatabase db) throws Exception {
    control(db, 5);
    try (MigratorProcess migrator = MigratorProcess.start(db.jdbcUrl(), dir)) {
      migrator.await("STATEMENT 2 3", WAIT);
      Jdbc.awaitTrue("the sleep runs on the server", WAIT, () -> sleeping(db) == 1);
      migrator.killHard();
    }
    control(db, 0);

    // The orphaned transaction created crash_a: creating it again waits for that transaction,
    // and ddlLockTimeout ends the wait.
    assertThatThrownBy(
            () ->
                Strata.configure()
                    .url(db.jdbcUrl())
                    .sources(files.location())
                    .ddlLockTimeout(Duration.ofSeconds(1))
                    .load()
                    .migrate())
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("V2__long.sql:1")
        .hasMessageContaining("lock timeout")
        .hasMessageContaining("The migration was rolled back: nothing of it is applied.");
    assertThat(applied(db)).containsExactly("1");

    Jdbc.awaitTrue("the orphaned statement has ended", WAIT, () -> sleeping(db) == 0);
    assertThat(strata(db).migrate().applied()).hasSize(1);
    assertThat(applied(db)).containsExactly("1", "2");
  }

  @Test
  void withClientConnectionCheckIntervalTheServerStopsTheKilledJvmsStatementAtOnce(
      IsolatedDatabase db) throws Exception {
    // PostgreSQL 14+: the backend checks its client every 200 ms while a statement runs.
    try (Connection c = db.connect()) {
      Assumptions.assumeTrue(
          c.getMetaData().getDatabaseMajorVersion() >= 14,
          "client_connection_check_interval is new in PostgreSQL 14");
    }
    Jdbc.execute(db, "ALTER DATABASE " + db.name() + " SET client_connection_check_interval = 200");
    control(db, 60);
    try (MigratorProcess migrator = MigratorProcess.start(db.jdbcUrl(), dir)) {
      migrator.await("STATEMENT 2 3", WAIT);
      Jdbc.awaitTrue("the sleep runs on the server", WAIT, () -> sleeping(db) == 1);
      migrator.killHard();
    }

    Jdbc.awaitTrue(
        "the orphaned statement is stopped", Duration.ofSeconds(5), () -> sleeping(db) == 0);
    control(db, 0);
    assertThat(strata(db).migrate().applied()).hasSize(1);
    assertThat(applied(db)).containsExactly("1", "2");
  }

  @Test
  void aJvmKilledBetweenTwoStatementsCommitsNothingOfTheMigrationAndLeavesNoSessionBehind(
      IsolatedDatabase db) throws Exception {
    control(db, 0);
    try (MigratorProcess migrator =
        MigratorProcess.start(db.jdbcUrl(), dir, "--pause-before=2:3")) {
      migrator.await("PAUSED 2 3", WAIT);
      migrator.killHard();
    }

    // Idle in its transaction, the migration session sees the connection close at once too.
    Jdbc.awaitTrue("the killed JVM's sessions are gone", WAIT, () -> otherSessions(db) == 0);
    assertThat(advisoryLocks(db)).isZero();
    assertThat(tableExists(db, "crash_a")).isFalse();
    assertThat(applied(db)).containsExactly("1");

    MigrateResult next = strata(db).migrate();

    assertThat(next.applied()).extracting(m -> m.id().version().toString()).containsExactly("2");
    assertThat(tableExists(db, "crash_b")).isTrue();
    assertThat(applied(db)).containsExactly("1", "2");
  }

  @Test
  void aJvmKilledWhileWaitingForTheLockChangesNothingAndLeavesTheHolderItsLock(IsolatedDatabase db)
      throws Exception {
    control(db, 0);
    PostgresDialect dialect = new PostgresDialect(15);
    try (Connection holder = db.connect()) {
      MigrationLock held = dialect.lock(holder, lockRequest(holder));
      int holderPid = Integer.parseInt(Jdbc.column(holder, "SELECT pg_backend_pid()").get(0));
      try (MigratorProcess migrator = MigratorProcess.start(db.jdbcUrl(), dir)) {
        migrator.await("LOCK_WAITING", WAIT);
        migrator.killHard();
      }

      Jdbc.awaitTrue(
          "only the holder's session is left",
          WAIT,
          () -> Jdbc.column(db, otherSessionsQuery()).equals(List.of(String.valueOf(holderPid))));
      assertThat(advisoryLocks(db)).isEqualTo(1);
      assertThat(strata(db).history())
          .isEmpty(); // the table exists (created before waiting), empty
      held.close();
    }

    MigrateResult next = strata(db).migrate();

    assertThat(next.applied()).hasSize(2);
    assertThat(applied(db)).containsExactly("1", "2");
  }

  private LockRequest lockRequest(Connection c) throws Exception {
    String schema = Jdbc.column(c, "SELECT current_schema()").get(0);
    return new LockRequest(
        "strata:" + schema + ".strata_schema_history",
        "\"" + schema + "\".\"strata_schema_history\"",
        Duration.ofSeconds(5),
        Clock.systemUTC(),
        () -> {});
  }

  private Strata strata(IsolatedDatabase db) {
    return Strata.configure().url(db.jdbcUrl()).sources(files.location()).load();
  }

  private static void control(IsolatedDatabase db, double secs) throws Exception {
    Jdbc.execute(
        db,
        "CREATE TABLE IF NOT EXISTS crash_control (secs float8)",
        "DELETE FROM crash_control",
        "INSERT INTO crash_control VALUES (" + secs + ")");
  }

  /** The versions with a successful APPLY row, in history order. */
  private List<String> applied(IsolatedDatabase db) {
    return strata(db).history().stream()
        .filter(e -> e.action() == HistoryAction.APPLY && e.success())
        .map(e -> e.id().version().toString())
        .toList();
  }

  private static int sleeping(IsolatedDatabase db) throws Exception {
    return Integer.parseInt(
        Jdbc.value(
            db,
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND state = 'active' AND query LIKE 'SELECT pg_sleep%'"));
  }

  static int advisoryLocks(IsolatedDatabase db) throws Exception {
    return Integer.parseInt(
        Jdbc.value(
            db,
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database ="
                + " (SELECT oid FROM pg_database WHERE datname = current_database())"));
  }

  private static String otherSessionsQuery() {
    return "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
        + " AND pid <> pg_backend_pid()";
  }

  private static int otherSessions(IsolatedDatabase db) throws Exception {
    return Jdbc.column(db, otherSessionsQuery()).size();
  }

  static boolean tableExists(IsolatedDatabase db, String table) throws Exception {
    return Jdbc.value(db, "SELECT to_regclass('" + table + "') IS NOT NULL").equals("t");
  }
}
