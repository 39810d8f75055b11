package dev.strata.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.strata.api.HistoryAction;
import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrateResult;
import dev.strata.api.MigrationInfo;
import dev.strata.api.MigrationState;
import dev.strata.api.ValidationException;
import dev.strata.core.Strata;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migrating JVM killed with {@code kill -9} on MariaDB, where DDL commits as it goes and the
 * history row is written first as failed and updated after every statement: the row then says how
 * many statements completed, the migration shows as {@code failed} (or stays pending when none
 * had), the next {@code migrate} refuses naming {@code repair}, and after the fix by hand and
 * {@code repair} it completes.
 *
 * <p>V2 runs four statements; its third sleeps for as long as {@code crash_control.secs} says.
 */
@MySqlTest
@Timeout(120)
class MariaDbCrashIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;

  private MigrationFiles files() {
    return new MigrationFiles(dir)
        .write("V1__first.sql", "CREATE TABLE crash_first (id INT);\n")
        .write(
            "V2__long.sql",
            "CREATE TABLE crash_a (id INT);\n"
                + "INSERT INTO crash_a VALUES (1);\n"
                + "SELECT SLEEP(secs) FROM crash_control;\n"
                + "CREATE TABLE crash_b (id INT);\n");
  }

  @Test
  void aJvmKilledDuringALongStatementLeavesTheMigrationFailedWithTheStatementsThatCompleted(
      IsolatedDatabase db) throws Exception {
    files();
    control(db, 3);
    try (MigratorProcess migrator = MigratorProcess.start(db.jdbcUrl(), dir)) {
      migrator.await("STATEMENT 2 3", WAIT);
      Jdbc.awaitTrue("the sleep runs on the server", WAIT, () -> sleeping(db) == 1);
      migrator.killHard();
    }

    // The lock connection was idle, so the server saw it close and released GET_LOCK at once;
    // the statement the JVM was running goes on without it (MariaDB finishes it).
    Jdbc.awaitTrue("the lock is released", WAIT, () -> lockHolder(db) == null);
    assertThat(sleeping(db)).isEqualTo(1);
    assertFailedWhileStatementThreeRan(db);
    assertRefusedThenRepairedAndCompleted(db);
  }

  @Test
  void aJvmKilledBetweenTwoStatementsLeavesTheMigrationFailedWithTheStatementsThatCompleted(
      IsolatedDatabase db) throws Exception {
    files();
    control(db, 0);
    try (MigratorProcess migrator =
        MigratorProcess.start(db.jdbcUrl(), dir, "--pause-before=2:3")) {
      migrator.await("PAUSED 2 3", WAIT);
      migrator.killHard();
    }

    Jdbc.awaitTrue("the killed JVM's sessions are gone", WAIT, () -> otherSessions(db).isEmpty());
    assertThat(lockHolder(db)).isNull();
    assertFailedWhileStatementThreeRan(db);
    assertRefusedThenRepairedAndCompleted(db);
  }

  /**
   * mysqldump's {@code LOCK TABLES ... WRITE} before a table's rows: while the script holds table
   * locks its own connection can write no history row, so progress goes through the lock's
   * connection. A JVM killed between {@code LOCK TABLES} and {@code UNLOCK TABLES} leaves the row
   * saying which statement ran; the server drops the table locks with the session, and the
   * operator's repair path works as for any other migration.
   */
  @Test
  void aJvmKilledBetweenLockTablesAndUnlockTablesLeavesAnHonestRowAndNoTableLocked(
      IsolatedDatabase db) throws Exception {
    new MigrationFiles(dir)
        .write("V1__first.sql", "CREATE TABLE crash_first (id INT);\n")
        .write(
            "V2__locked.sql",
            "CREATE TABLE crash_a (id INT);\n"
                + "LOCK TABLES crash_a WRITE, crash_control READ;\n"
                + "INSERT INTO crash_a VALUES (1);\n"
                + "SELECT SLEEP(secs) FROM crash_control;\n"
                + "UNLOCK TABLES;\n"
                + "CREATE TABLE crash_b (id INT);\n");
    control(db, 3);
    try (MigratorProcess migrator = MigratorProcess.start(db.jdbcUrl(), dir)) {
      migrator.await("STATEMENT 2 4", WAIT);
      Jdbc.awaitTrue("the sleep runs on the server", WAIT, () -> sleeping(db) == 1);
      migrator.killHard();
    }
    Jdbc.awaitTrue("the lock is released", WAIT, () -> lockHolder(db) == null);
    Jdbc.awaitTrue("the orphaned sleep has finished", WAIT, () -> sleeping(db) == 0);
    Jdbc.awaitTrue("the killed JVM's sessions are gone", WAIT, () -> otherSessions(db).isEmpty());

    assertThat(strata(db).history())
        .extracting(
            e -> e.id().version().toString(),
            HistoryEntry::success,
            HistoryEntry::statementsApplied)
        .containsExactly(tuple("1", true, 1), tuple("2", false, -4));
    Jdbc.execute(db, "INSERT INTO crash_a VALUES (2)"); // no table lock outlives the session
    assertThatThrownBy(() -> strata(db).migrate())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("while statement 4 ran")
        .hasMessageContaining("`repair`");

    Jdbc.execute(db, "DROP TABLE crash_a");
    control(db, 0);
    strata(db).repair();
    MigrateResult next = strata(db).migrate();

    assertThat(next.applied()).extracting(m -> m.id().version().toString()).containsExactly("2");
    assertThat(Jdbc.value(db, "SELECT COUNT(*) FROM crash_a")).isEqualTo("1");
    assertThat(Jdbc.value(db, "SELECT COUNT(*) FROM crash_b")).isEqualTo("0");
  }

  @Test
  void aJvmKilledAsItStartsAStatementLeavesTheMigrationFailedSinceThatStatementMayHaveRun(
      IsolatedDatabase db) throws Exception {
    files();
    control(db, 0);
    try (MigratorProcess migrator =
        MigratorProcess.start(db.jdbcUrl(), dir, "--pause-before=2:1")) {
      migrator.await("PAUSED 2 1", WAIT);
      migrator.killHard();
    }
    Jdbc.awaitTrue("the killed JVM's sessions are gone", WAIT, () -> otherSessions(db).isEmpty());

    // The row says statement 1 was running (-1): the server may have completed it after the JVM
    // died, so the migration needs a look and a repair rather than a blind re-run.
    assertThat(strata(db).history())
        .extracting(
            e -> e.id().version().toString(),
            HistoryEntry::success,
            HistoryEntry::statementsApplied)
        .containsExactly(tuple("1", true, 1), tuple("2", false, -1));
    assertThat(state(db, "2")).isEqualTo(MigrationState.FAILED);
    assertThatThrownBy(() -> strata(db).migrate())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("while statement 1 ran");

    strata(db).repair();
    MigrateResult next = strata(db).migrate();

    assertThat(next.applied()).extracting(m -> m.id().version().toString()).containsExactly("2");
    assertThat(Jdbc.value(db, "SELECT COUNT(*) FROM crash_a")).isEqualTo("1");
  }

  /**
   * The statement a killed JVM was running goes on on the server (MariaDB finishes it; the test
   * below shows it). The history row says it was running, so the next {@code migrate} refuses
   * instead of running that {@code INSERT} a second time.
   */
  @Test
  void aStatementThatOutlivesTheKilledJvmIsNotRunASecondTimeByTheNextMigrate(IsolatedDatabase db)
      throws Exception {
    new MigrationFiles(dir)
        .write("V1__ledger.sql", "CREATE TABLE ledger (amount INT);\n")
        .write(
            "V2__credit.sql",
            "CREATE TABLE credit_note (id INT);\n"
                + "INSERT INTO ledger SELECT 100 FROM crash_control WHERE SLEEP(secs) = 0;\n");
    control(db, 2);
    try (MigratorProcess migrator = MigratorProcess.start(db.jdbcUrl(), dir)) {
      migrator.await("STATEMENT 2 2", WAIT);
      Jdbc.awaitTrue("the insert runs on the server", WAIT, () -> sleeping(db) == 1);
      migrator.killHard();
    }
    Jdbc.awaitTrue("the orphaned insert has finished", WAIT, () -> sleeping(db) == 0);
    assertThat(Jdbc.value(db, "SELECT SUM(amount) FROM ledger")).isEqualTo("100");

    assertThatThrownBy(() -> strata(db).migrate())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("`repair`");

    assertThat(Jdbc.value(db, "SELECT SUM(amount) FROM ledger")).isEqualTo("100");
  }

  @Test
  void aDataOnlyMigrationKilledMidStatementIsRolledBackAndRunsOnceNextTime(IsolatedDatabase db)
      throws Exception {
    new MigrationFiles(dir)
        .write("V1__ledger.sql", "CREATE TABLE ledger (amount INT);\n")
        .write(
            "V2__credit.sql",
            "INSERT INTO ledger SELECT 100 FROM crash_control WHERE SLEEP(secs) = 0;\n");
    control(db, 2);
    try (MigratorProcess migrator = MigratorProcess.start(db.jdbcUrl(), dir)) {
      migrator.await("STATEMENT 2 1", WAIT);
      Jdbc.awaitTrue("the insert runs on the server", WAIT, () -> sleeping(db) == 1);
      migrator.killHard();
    }
    Jdbc.awaitTrue("the orphaned insert has finished", WAIT, () -> sleeping(db) == 0);

    // Only data changes: the migration ran in one transaction with its history row, which the
    // server rolled back when it found the client gone.
    Jdbc.awaitTrue(
        "the transaction is rolled back",
        WAIT,
        () -> "0".equals(Jdbc.value(db, "SELECT COUNT(*) FROM ledger")));
    assertThat(strata(db).history())
        .extracting(e -> e.id().version().toString(), HistoryEntry::success)
        .containsExactly(tuple("1", true));

    control(db, 0);
    strata(db).migrate();
    assertThat(Jdbc.value(db, "SELECT SUM(amount) FROM ledger")).isEqualTo("100");
  }

  @Test
  void aJvmKilledWhileWaitingForTheLockChangesNothingAndLeavesTheHolderItsLock(IsolatedDatabase db)
      throws Exception {
    files();
    control(db, 0);
    try (Connection holder = db.connect()) {
      String holderId = Jdbc.column(holder, "SELECT CONNECTION_ID()").get(0);
      assertThat(Jdbc.column(holder, "SELECT GET_LOCK('" + lockName(db) + "', 0)"))
          .containsExactly("1");
      try (MigratorProcess migrator = MigratorProcess.start(db.jdbcUrl(), dir)) {
        migrator.await("LOCK_WAITING", WAIT);
        migrator.killHard();
      }

      Jdbc.awaitTrue(
          "only the holder's session is left",
          WAIT,
          () -> otherSessions(db).equals(List.of(holderId)));
      assertThat(lockHolder(db)).isEqualTo(holderId);
      assertThat(strata(db).history()).isEmpty();
      Jdbc.column(holder, "SELECT RELEASE_LOCK('" + lockName(db) + "')");
    }

    MigrateResult next = strata(db).migrate();

    assertThat(next.applied()).hasSize(2);
    assertThat(Jdbc.value(db, "SELECT COUNT(*) FROM crash_a")).isEqualTo("1");
  }

  private void assertFailedWhileStatementThreeRan(IsolatedDatabase db) throws Exception {
    assertThat(strata(db).history())
        .extracting(
            e -> e.id().version().toString(),
            HistoryEntry::action,
            HistoryEntry::success,
            HistoryEntry::statementsApplied)
        .containsExactly(
            tuple("1", HistoryAction.APPLY, true, 1), tuple("2", HistoryAction.APPLY, false, -3));
    assertThat(state(db, "2")).isEqualTo(MigrationState.FAILED);
    assertThat(Jdbc.value(db, "SELECT COUNT(*) FROM crash_a")).isEqualTo("1");
  }

  /** What an operator does: migrate is refused, undo by hand, repair, migrate. */
  private void assertRefusedThenRepairedAndCompleted(IsolatedDatabase db) throws Exception {
    assertThatThrownBy(() -> strata(db).migrate())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("V2 long")
        .hasMessageContaining("while statement 3 ran")
        .hasMessageContaining("`repair`");
    Jdbc.awaitTrue("the orphaned sleep has finished", WAIT, () -> sleeping(db) == 0);

    Jdbc.execute(db, "DROP TABLE crash_a");
    control(db, 0);
    assertThat(strata(db).repair().clearedFailures())
        .extracting(id -> id.version().toString())
        .containsExactly("2");
    MigrateResult next = strata(db).migrate();

    assertThat(next.applied()).extracting(m -> m.id().version().toString()).containsExactly("2");
    assertThat(Jdbc.value(db, "SELECT COUNT(*) FROM crash_b")).isEqualTo("0");
    assertThat(strata(db).history())
        .extracting(e -> e.id().version().toString(), HistoryEntry::action, HistoryEntry::success)
        .containsExactly(
            tuple("1", HistoryAction.APPLY, true),
            tuple("2", HistoryAction.APPLY, false),
            tuple("2", HistoryAction.CLEAR_FAILED, true),
            tuple("2", HistoryAction.APPLY, true));
  }

  private Strata strata(IsolatedDatabase db) {
    return Strata.configure().url(db.jdbcUrl()).sources("filesystem:" + dir).load();
  }

  private MigrationState state(IsolatedDatabase db, String version) {
    return strata(db).status().migrations().stream()
        .filter(m -> m.id().version() != null && m.id().version().toString().equals(version))
        .map(MigrationInfo::state)
        .findFirst()
        .orElseThrow();
  }

  private static void control(IsolatedDatabase db, double secs) throws Exception {
    Jdbc.execute(
        db,
        "CREATE TABLE IF NOT EXISTS crash_control (secs DOUBLE)",
        "DELETE FROM crash_control",
        "INSERT INTO crash_control VALUES (" + secs + ")");
  }

  static String lockName(IsolatedDatabase db) {
    return "strata:" + db.name() + ".strata_schema_history";
  }

  /** The connection id holding the migration lock, or {@code null}. */
  static String lockHolder(IsolatedDatabase db) throws Exception {
    return Jdbc.value(db, "SELECT IS_USED_LOCK('" + lockName(db) + "')");
  }

  private static int sleeping(IsolatedDatabase db) throws Exception {
    return Integer.parseInt(
        Jdbc.value(
            db,
            "SELECT COUNT(*) FROM information_schema.processlist WHERE db = DATABASE()"
                + " AND command = 'Query' AND info LIKE '%SLEEP(secs)%'"
                + " AND id <> CONNECTION_ID()"));
  }

  /** The ids of the sessions on this database other than the asking one. */
  static List<String> otherSessions(IsolatedDatabase db) throws Exception {
    return Jdbc.column(
        db,
        "SELECT id FROM information_schema.processlist WHERE db = DATABASE()"
            + " AND id <> CONNECTION_ID()");
  }
}
