package dev.strata.reliability;

import static dev.strata.reliability.MariaDbCrashIT.lockHolder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrationFailedException;
import dev.strata.api.ValidationException;
import dev.strata.core.Strata;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server ends a connection of a running {@code migrate} ({@code KILL CONNECTION}): the
 * migration's own, or the one holding {@code GET_LOCK}. Strata stops with an error naming the
 * migration and the statements that completed, runs no statement once the lock is gone, and the
 * next {@code migrate} refuses until repaired.
 */
@MySqlTest
@Timeout(60)
class MariaDbLostConnectionIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dir;
  private MigrationFiles files;

  @BeforeEach
  void writeMigrations() {
    files =
        new MigrationFiles(dir)
            .write(
                "V1__sleepy.sql",
                "CREATE TABLE lost_a (id INT);\n"
                    + "SELECT SLEEP(secs) FROM lost_control;\n"
                    + "CREATE TABLE lost_b (id INT);\n")
            .write("V2__after.sql", "CREATE TABLE lost_c (id INT);\n");
  }

  @Test
  void aKilledMigrationConnectionFailsTheMigrationNamingTheStatementsThatCompleted(
      IsolatedDatabase db) throws Exception {
    control(db, 30);
    BackgroundMigrate migrate = BackgroundMigrate.start(db.jdbcUrl(), files.location(), "1", 2);
    migrate.awaitStatement(WAIT);
    Jdbc.awaitTrue("the sleep runs", WAIT, () -> !sleepingId(db).isEmpty());
    Jdbc.execute(db, "KILL CONNECTION " + sleepingId(db));

    Throwable failure = migrate.failure(WAIT);
    System.out.println("[reliability] MariaDB, migration connection killed: " + failure);

    assertThat(failure)
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("Applying V1 sleepy failed at ")
        .hasMessageContaining("V1__sleepy.sql:2")
        .hasMessageContaining(
            "statements 1-1 completed and statement 2 may have completed on the server too");
    assertStoppedAfter(db, migrate, -2); // statement 2 was running when the connection died
  }

  @Test
  void aKilledLockConnectionStopsTheMigrationBeforeItsNextStatement(IsolatedDatabase db)
      throws Exception {
    control(db, 1);
    BackgroundMigrate migrate = BackgroundMigrate.start(db.jdbcUrl(), files.location(), "1", 2);
    migrate.awaitStatement(WAIT);
    Jdbc.execute(db, "KILL CONNECTION " + lockHolder(db));

    Throwable failure = migrate.failure(WAIT);
    System.out.println("[reliability] MariaDB, lock connection killed: " + failure);

    assertThat(failure)
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("Applying V1 sleepy failed")
        .hasMessageContaining("the migration lock was lost")
        .hasMessageContaining("statements 1-2 of 3 were applied and remain");
    assertStoppedAfter(db, migrate, 2);
  }

  private void assertStoppedAfter(IsolatedDatabase db, BackgroundMigrate migrate, int statements)
      throws Exception {
    assertThat(migrate.started("2")).isFalse();
    assertThat(tables(db)).doesNotContain("lost_b", "lost_c").contains("lost_a");
    assertThat(strata(db).history())
        .extracting(
            e -> e.id().version().toString(),
            HistoryEntry::success,
            HistoryEntry::statementsApplied)
        .containsExactly(tuple("1", false, statements));
    assertThat(lockHolder(db)).isNull();
    assertThatThrownBy(() -> strata(db).migrate())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("`repair`");
  }

  private Strata strata(IsolatedDatabase db) {
    return Strata.configure().url(db.jdbcUrl()).sources(files.location()).load();
  }

  private static List<String> tables(IsolatedDatabase db) throws Exception {
    return Jdbc.column(
        db, "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()");
  }

  private static String sleepingId(IsolatedDatabase db) throws Exception {
    return String.join(
        ",",
        Jdbc.column(
            db,
            "SELECT id FROM information_schema.processlist WHERE db = DATABASE()"
                + " AND command = 'Query' AND info LIKE 'SELECT SLEEP(secs)%'"
                + " AND id <> CONNECTION_ID()"));
  }

  private static void control(IsolatedDatabase db, double secs) throws Exception {
    Jdbc.execute(
        db,
        "CREATE TABLE IF NOT EXISTS lost_control (secs DOUBLE)",
        "DELETE FROM lost_control",
        "INSERT INTO lost_control VALUES (" + secs + ")");
  }
}
