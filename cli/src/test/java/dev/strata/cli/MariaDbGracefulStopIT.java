package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to the runnable jar while MariaDB runs a long statement. MariaDB has no transactional
 * DDL, so what is honest differs from PostgreSQL: a script with DDL runs statement by statement and
 * stays {@code failed} with what completed named; a script of data changes only runs in one
 * transaction and rolls back. Everything asserted is read from the server.
 */
@MySqlTest
class MariaDbGracefulStopIT {
  static final String V1 = "CREATE TABLE knob (n INT);\nINSERT INTO knob VALUES (600);\n";

  @TempDir Path dir;

  @Test
  void sigtermAfterDdlCancelsSleepAndLeavesTheMigrationFailedWithWhatCompletedNamed(
      IsolatedDatabase db) throws Exception {
    Workspace ws =
        new Workspace(dir.resolve("ws"))
            .file("V1__knob.sql", V1)
            .file(
                "V2__slow.sql",
                "CREATE TABLE half (id INT);\nSELECT SLEEP((SELECT n FROM knob));\n");
    Map<String, String> environment = environment(db, ws);

    CliResult stopped = stopDuringSleep(db, environment);

    assertThat(stopped.err())
        .contains(
            "error: Stopped on request while applying V2 slow at "
                + ws.migrations.resolve("V2__slow.sql")
                + ":2. This database cannot roll back DDL: statements 1-1 of 2 were applied and"
                + " remain. Finish or undo them by hand, then run `strata repair --confirm` and run"
                + " the command again.");
    assertThat(history(db)).containsExactly("APPLY 1 1 2", "APPLY 2 0 1");
    assertThat(tables(db)).contains("half");

    CliResult refused = JarProcess.run(dir, environment, "migrate");

    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCode.VALIDATION);
    assertThat(refused.err())
        .contains(
            "V2 slow ("
                + ws.migrations.resolve("V2__slow.sql")
                + ") failed while applying after 1 statement(s) had completed, so the database may"
                + " be half-migrated; finish or undo those statements by hand, then run `strata"
                + " repair --confirm` and migrate again");

    // What an operator does: undo statement 1 by hand, clear the failed row, migrate.
    DatabaseRows.execute(db.dataSource(), "DROP TABLE half", "UPDATE knob SET n = 0");
    CliResult repair = JarProcess.run(dir, environment, "repair", "--confirm");
    assertThat(repair.exitCode()).as(repair.toString()).isEqualTo(0);
    CliResult again = JarProcess.run(dir, environment, "migrate", "--lock-timeout", "1s");

    assertThat(again.exitCode()).as(again.toString()).isEqualTo(0);
    assertThat(again.lastLine()).matches("applied 1 migration \\(V2\\) in \\d+ ms");
    assertThat(history(db)).last().isEqualTo("APPLY 2 1 2");
    assertThat(tables(db)).contains("half");
  }

  @Test
  void sigtermDuringADataOnlyScriptRollsItBackAndTheNextMigrateCompletes(IsolatedDatabase db)
      throws Exception {
    Workspace ws =
        new Workspace(dir.resolve("ws"))
            .file("V1__knob.sql", V1)
            .file(
                "V2__slow.sql",
                "INSERT INTO knob VALUES (-1);\nSELECT SLEEP((SELECT MAX(n) FROM knob));\n");
    Map<String, String> environment = environment(db, ws);

    CliResult stopped = stopDuringSleep(db, environment);

    assertThat(stopped.err())
        .contains(
            "error: Stopped on request while applying V2 slow at "
                + ws.migrations.resolve("V2__slow.sql")
                + ":2. The migration was rolled back: nothing of it is applied. Run the command"
                + " again to continue.");
    assertThat(history(db)).containsExactly("APPLY 1 1 2", "APPLY 2 0 0");
    assertThat(DatabaseRows.column(db.dataSource(), "SELECT n FROM knob")).containsExactly("600");

    DatabaseRows.execute(db.dataSource(), "UPDATE knob SET n = 0");
    CliResult again = JarProcess.run(dir, environment, "migrate", "--lock-timeout", "1s");

    assertThat(again.exitCode()).as(again.toString()).isEqualTo(0);
    assertThat(history(db)).containsExactly("APPLY 1 1 2", "APPLY 2 0 0", "APPLY 2 1 2");
    assertThat(DatabaseRows.column(db.dataSource(), "SELECT n FROM knob ORDER BY n"))
        .containsExactly("-1", "0");
  }

  /**
   * Starts {@code migrate}, waits until V2's SLEEP runs under the lock, sends SIGTERM and checks
   * what holds for both scripts: exit 8 within 10 s, the SLEEP gone, the lock free.
   */
  private CliResult stopDuringSleep(IsolatedDatabase db, Map<String, String> environment)
      throws Exception {
    String lock = "strata:" + db.name() + ".strata_schema_history";
    JarProcess migrate = JarProcess.start(dir, environment, "migrate", "--heartbeat", "off");
    migrate.await(
        "running SLEEP holding the lock",
        () -> !sleeping(db).isEmpty() && !lockHolder(db, lock).equals("null"),
        Duration.ofSeconds(30));
    long sent = System.nanoTime();
    migrate.terminate();
    CliResult stopped = migrate.finish(Duration.ofSeconds(10));
    Duration took = Duration.ofNanos(System.nanoTime() - sent);

    System.out.println("MariaDB: SIGTERM to exit " + took.toMillis() + " ms");
    assertThat(took).isLessThan(Duration.ofSeconds(10));
    assertThat(stopped.exitCode()).as(stopped.toString()).isEqualTo(ExitCode.STOPPED);
    assertThat(stopped.err()).contains("Stopping: the process received SIGTERM");
    assertThat(sleeping(db)).as("SLEEP still running").isEmpty();
    assertThat(lockHolder(db, lock)).as("GET_LOCK holder").isEqualTo("null");
    return stopped;
  }

  private static Map<String, String> environment(IsolatedDatabase db, Workspace ws) {
    return Map.of("STRATA_URL", db.jdbcUrl(), "STRATA_SOURCES", "filesystem:" + ws.migrations);
  }

  /** Connections running V2's SLEEP in this database now. */
  private static List<String> sleeping(IsolatedDatabase db) throws Exception {
    return DatabaseRows.column(
        db.dataSource(),
        "SELECT id FROM information_schema.PROCESSLIST WHERE db = ? AND command = 'Query'"
            + " AND info LIKE 'SELECT SLEEP%' AND id <> CONNECTION_ID()",
        db.name());
  }

  private static String lockHolder(IsolatedDatabase db, String lock) throws Exception {
    return DatabaseRows.column(db.dataSource(), "SELECT IS_USED_LOCK(?)", lock).get(0);
  }

  private static List<String> history(IsolatedDatabase db) throws Exception {
    return DatabaseRows.column(
        db.dataSource(),
        "SELECT CONCAT_WS(' ', action, version, success, statements_applied)"
            + " FROM strata_schema_history WHERE installed_rank > 0 ORDER BY installed_rank");
  }

  private static List<String> tables(IsolatedDatabase db) throws Exception {
    return DatabaseRows.column(
        db.dataSource(),
        "SELECT table_name FROM information_schema.tables WHERE table_schema = ?",
        db.name());
  }
}
