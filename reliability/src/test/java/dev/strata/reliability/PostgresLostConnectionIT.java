package dev.strata.reliability;

import static dev.strata.reliability.PostgresCrashIT.advisoryLocks;
import static dev.strata.reliability.PostgresCrashIT.tableExists;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrateResult;
import dev.strata.api.MigrationFailedException;
import dev.strata.api.StrataException;
import dev.strata.core.Strata;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.PostgresTest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server ends a connection of a running {@code migrate} ({@code pg_terminate_backend}): the
 * migration's own, or the one holding the advisory lock. Strata stops with an error naming the
 * migration, commits nothing without the lock, and the next {@code migrate} completes.
 */
@PostgresTest
@Timeout(60)
class PostgresLostConnectionIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private MigrationFiles files;

  @BeforeEach
  void writeMigrations() {
    files =
        new MigrationFiles(dir)
            .write(
                "V1__sleepy.sql",
                "CREATE TABLE lost_a (id int);\n"
                    + "SELECT pg_sleep(secs) FROM lost_control;\n"
                    + "CREATE TABLE lost_b (id int);\n")
            .write("V2__after.sql", "CREATE TABLE lost_c (id int);\n");
  }

  @Test
  void aTerminatedMigrationConnectionRollsTheMigrationBackAndTheNextMigrateCompletes(
      IsolatedDatabase db) throws Exception {
    Throwable failure = terminateTheMigrationConnection(db);

    assertThat(failure).isInstanceOf(StrataException.class);
    assertNothingAppliedAndTheNextMigrateCompletes(db);
  }

  @Test
  void aTerminatedMigrationConnectionFailsTheMigrationNamingItAndTheServersReason(
      IsolatedDatabase db) throws Exception {
    Throwable failure = terminateTheMigrationConnection(db);

    assertThat(failure)
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("Applying V1 sleepy failed at ")
        .hasMessageContaining("V1__sleepy.sql:2")
        .hasMessageContaining("terminating connection due to administrator command")
        .hasMessageContaining("The migration was rolled back: nothing of it is applied.");
  }

  private Throwable terminateTheMigrationConnection(IsolatedDatabase db) throws Exception {
    control(db, 30);
    BackgroundMigrate migrate = BackgroundMigrate.start(db.jdbcUrl(), files.location(), "1", 2);
    migrate.awaitStatement(WAIT);
    Jdbc.awaitTrue("the sleep runs", WAIT, () -> !sleepingPid(db).isEmpty());
    Jdbc.value(db, "SELECT pg_terminate_backend(" + sleepingPid(db) + ")");
    Throwable failure = migrate.failure(WAIT);
    System.out.println("[reliability] PostgreSQL, migration backend terminated: " + failure);
    assertThat(migrate.started("2")).isFalse();
    return failure;
  }

  @Test
  void aTerminatedLockConnectionStopsTheMigrationBeforeItCommitsAndBeforeTheNextOneStarts(
      IsolatedDatabase db) throws Exception {
    control(db, 1);
    BackgroundMigrate migrate = BackgroundMigrate.start(db.jdbcUrl(), files.location(), "1", 2);
    migrate.awaitStatement(WAIT);
    String lockPid =
        Jdbc.value(
            db,
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database ="
                + " (SELECT oid FROM pg_database WHERE datname = current_database())");
    Jdbc.value(db, "SELECT pg_terminate_backend(" + lockPid + ")");

    Throwable failure = migrate.failure(WAIT);
    System.out.println("[reliability] PostgreSQL, lock backend terminated: " + failure);

    assertThat(failure)
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("Applying V1 sleepy failed")
        .hasMessageContaining("the migration lock was lost")
        .hasMessageContaining("stopped before committing")
        .hasMessageContaining("The migration was rolled back: nothing of it is applied.");
    assertThat(migrate.started("2")).isFalse();
    assertNothingAppliedAndTheNextMigrateCompletes(db);
  }

  private void assertNothingAppliedAndTheNextMigrateCompletes(IsolatedDatabase db)
      throws Exception {
    assertThat(tableExists(db, "lost_a")).isFalse();
    assertThat(tableExists(db, "lost_c")).isFalse();
    assertThat(strata(db).history()).noneMatch(HistoryEntry::success);
    Jdbc.awaitTrue("no advisory lock is left", WAIT, () -> advisoryLocks(db) == 0);

    control(db, 0);
    MigrateResult next = strata(db).migrate();

    assertThat(next.applied()).hasSize(2);
    assertThat(tableExists(db, "lost_b")).isTrue();
    assertThat(tableExists(db, "lost_c")).isTrue();
  }

  private Strata strata(IsolatedDatabase db) {
    return Strata.configure().url(db.jdbcUrl()).sources(files.location()).load();
  }

  private static String sleepingPid(IsolatedDatabase db) throws Exception {
    return String.join(
        ",",
        Jdbc.column(
            db,
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
                + " AND state = 'active' AND query LIKE 'SELECT pg_sleep%'"));
  }

  private static void control(IsolatedDatabase db, double secs) throws Exception {
    Jdbc.execute(
        db,
        "CREATE TABLE IF NOT EXISTS lost_control (secs float8)",
        "DELETE FROM lost_control",
        "INSERT INTO lost_control VALUES (" + secs + ")");
  }
}
