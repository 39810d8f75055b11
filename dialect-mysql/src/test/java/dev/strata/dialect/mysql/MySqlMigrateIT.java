package dev.strata.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.strata.api.HistoryAction;
import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrateResult;
import dev.strata.api.MigrationFailedException;
import dev.strata.api.ValidationException;
import dev.strata.core.Strata;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations through the engine ({@link Strata}) on the MySQL test server (MariaDB here). */
@MySqlTest
class MySqlMigrateIT {
  @TempDir Path dir;

  @Test
  void appliesPendingMigrationsOnceAndFindsNothingToDoTheSecondTime(IsolatedDatabase db)
      throws Exception {
    write("V1__create_notes.sql", "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(100));\n");
    write("V2__add_note.sql", "INSERT INTO notes VALUES (1, 'semi;colon ''quoted'' \\\\ back');\n");
    Instant before = Instant.now().minusSeconds(1);

    MigrateResult first = strata(db).migrate();
    MigrateResult second = strata(db).migrate();

    assertThat(first.applied()).hasSize(2);
    assertThat(second.applied()).isEmpty();
    assertThat(second.lockTaken()).isFalse();
    assertThat(query(db, "SELECT body FROM notes")).containsExactly("semi;colon 'quoted' \\ back");
    List<HistoryEntry> history = strata(db).history();
    assertThat(history).extracting(HistoryEntry::success).containsExactly(true, true);
    assertThat(history).extracting(HistoryEntry::statementsApplied).containsExactly(1, 1);
    Instant after = Instant.now().plusSeconds(1);
    for (HistoryEntry entry : history) {
      // Connector/J sends whole seconds to MariaDB (it reads the 5.5.5- version prefix as MySQL
      // 5.5, which had no fractional seconds), hence the second of slack on each side.
      assertThat(entry.installedAt()).isBetween(before, after);
    }
    // The server holds the same instant (the JVM and the server agree on the zone here).
    assertThat(
            query(
                db,
                "SELECT UNIX_TIMESTAMP(installed_at) FROM strata_schema_history"
                    + " WHERE installed_rank = 1"))
        .singleElement()
        .satisfies(
            epoch ->
                assertThat(
                        Math.abs(
                            Double.parseDouble(epoch)
                                - history.get(0).installedAt().getEpochSecond()))
                    .isLessThan(1.0));
  }

  @Test
  void reportsTheStatementsAppliedBeforeAFailureAndRefusesToGoOnUntilRepaired(IsolatedDatabase db)
      throws Exception {
    write(
        "V1__half_done.sql",
        "-- four statements; the third refers to a table nobody created\n"
            + "CREATE TABLE a (id INT);\n"
            + "INSERT INTO a VALUES (1);\n"
            + "\n"
            + "INSERT INTO b\n"
            + "  VALUES (1);\n"
            + "CREATE TABLE c (id INT);\n");

    assertThatThrownBy(() -> strata(db).migrate())
        .isInstanceOfSatisfying(
            MigrationFailedException.class,
            e -> {
              assertThat(e.line()).isEqualTo(5);
              assertThat(e.origin()).endsWith("V1__half_done.sql");
              assertThat(e.sqlState()).isEqualTo("42S02");
            })
        .hasMessageContaining("V1__half_done.sql:5 (INSERT INTO b …): ")
        .hasMessageContaining("Table '" + db.name() + ".b' doesn't exist")
        .hasMessageContaining("statements 1-2 of 4 were applied and remain");
    HistoryEntry failed = strata(db).history().get(0);
    assertThat(failed.action()).isEqualTo(HistoryAction.APPLY);
    assertThat(failed.success()).isFalse();
    assertThat(failed.statementsApplied()).isEqualTo(2);

    assertThatThrownBy(() -> strata(db).migrate()).isInstanceOf(ValidationException.class);
    assertThat(query(db, "SELECT COUNT(*) FROM a")).containsExactly("1");

    // The fix by hand: undo what was applied and create what the script expects.
    execute(db, "DROP TABLE a", "CREATE TABLE b (id INT)");
    assertThat(strata(db).repair().clearedFailures()).hasSize(1);
    MigrateResult result = strata(db).migrate();

    assertThat(result.applied())
        .singleElement()
        .satisfies(m -> assertThat(m.statements()).isEqualTo(4));
    assertThat(query(db, "SELECT COUNT(*) FROM b")).containsExactly("1");
    assertThat(query(db, "SELECT COUNT(*) FROM c")).containsExactly("0");
    assertThat(strata(db).history())
        .extracting(HistoryEntry::action, HistoryEntry::success, HistoryEntry::statementsApplied)
        .containsExactly(
            tuple(HistoryAction.APPLY, false, 2),
            tuple(HistoryAction.CLEAR_FAILED, true, 0),
            tuple(HistoryAction.APPLY, true, 4));
  }

  @Test
  void appliesEachMigrationExactlyOnceWhenEightMigratorsStartTogether(IsolatedDatabase db)
      throws Exception {
    write(
        "V1__counter.sql",
        "CREATE TABLE counter (n INT NOT NULL);\nINSERT INTO counter VALUES (0);\n");
    write("V2__bump.sql", "UPDATE counter SET n = n + 1;\nDO SLEEP(0.2);\n");
    write("V3__bump_again.sql", "UPDATE counter SET n = n + 10;\n");
    int migrators = 8;
    CyclicBarrier start = new CyclicBarrier(migrators);
    ExecutorService pool = Executors.newFixedThreadPool(migrators);
    List<Future<MigrateResult>> results = new ArrayList<>();
    try {
      for (int i = 0; i < migrators; i++) {
        Callable<MigrateResult> migrator =
            () -> {
              Strata strata = strata(db);
              start.await(10, TimeUnit.SECONDS);
              return strata.migrate();
            };
        results.add(pool.submit(migrator));
      }
      int applied = 0;
      for (Future<MigrateResult> result : results) {
        applied += result.get(60, TimeUnit.SECONDS).applied().size();
      }
      assertThat(applied).isEqualTo(3);
    } finally {
      pool.shutdownNow();
    }

    assertThat(query(db, "SELECT n FROM counter")).containsExactly("11");
    assertThat(strata(db).history())
        .extracting(e -> e.id().version().toString())
        .containsExactly("1", "2", "3");
  }

  @Test
  void appliesStoredRoutinesWrittenWithDelimiterThatCanThenBeCalled(IsolatedDatabase db)
      throws Exception {
    write(
        "V1__routines.sql",
        "CREATE TABLE counter (n INT NOT NULL);\n"
            + "INSERT INTO counter VALUES (0);\n"
            + "\n"
            + "DELIMITER $$\n"
            + "CREATE PROCEDURE bump(IN step INT, OUT total INT)\n"
            + "BEGIN\n"
            + "  UPDATE counter SET n = n + step; -- a comment; with a semicolon\n"
            + "  SELECT n INTO total FROM counter;\n"
            + "END$$\n"
            + "DELIMITER //\n"
            + "CREATE PROCEDURE IF NOT EXISTS `?`()\n"
            + "BEGIN\n"
            + "  DECLARE CONTINUE HANDLER FOR SQLEXCEPTION BEGIN END;\n"
            + "  UPDATE counter SET n = n + 100;\n"
            + "END //\n"
            + "DELIMITER ;\n"
            + "CALL `?`();\n"
            + "DROP PROCEDURE `?`;\n");

    MigrateResult result = strata(db).migrate();

    assertThat(result.applied())
        .singleElement()
        .satisfies(m -> assertThat(m.statements()).isEqualTo(6));
    try (Connection c = db.connect();
        CallableStatement call = c.prepareCall("{CALL bump(?, ?)}")) {
      call.setInt(1, 2);
      call.registerOutParameter(2, java.sql.Types.INTEGER);
      call.execute();
      assertThat(call.getInt(2)).isEqualTo(102);
    }
    assertThat(
            query(
                db,
                "SELECT COUNT(*) FROM information_schema.routines"
                    + " WHERE routine_schema = DATABASE() AND routine_name = '?'"))
        .containsExactly("0");
  }

  /**
   * golang-migrate sends a file as one multi-statement query and Flyway reads a body to its END, so
   * their users write routines and triggers without DELIMITER; the server takes them whole.
   */
  @Test
  void appliesStoredRoutinesAndTriggersWrittenWithoutDelimiterAsTheirToolsDo(IsolatedDatabase db)
      throws Exception {
    write(
        "1_counter.up.sql",
        "CREATE TABLE counter (n INT NOT NULL, note VARCHAR(20));\n"
            + "INSERT INTO counter VALUES (0, NULL);\n"
            + "CREATE PROCEDURE bump(IN step INT)\n"
            + "BEGIN\n"
            + "  IF step > 0 THEN UPDATE counter SET n = n + step; END IF;\n"
            + "  UPDATE counter SET note = CASE WHEN n > 5 THEN 'big;' ELSE 'small;' END;\n"
            + "END;\n"
            + "CREATE TRIGGER keep_positive BEFORE UPDATE ON counter FOR EACH ROW\n"
            + "BEGIN\n"
            + "  IF NEW.n < 0 THEN SET NEW.n = 0; END IF;\n"
            + "END;\n");
    write("1_counter.down.sql", "DROP TABLE counter;\nDROP PROCEDURE bump;\n");
    write(
        "V2__bump.sql", "CALL bump(3);\nCALL bump(4);\nUPDATE counter SET n = -1 WHERE n = 99;\n");

    MigrateResult result = strata(db).migrate();

    assertThat(result.applied()).extracting(m -> m.statements()).containsExactly(4, 3);
    assertThat(query(db, "SELECT CONCAT(n, ' ', note) FROM counter")).containsExactly("7 big;");
    assertThat(
            query(
                db,
                "SELECT COUNT(*) FROM information_schema.triggers"
                    + " WHERE trigger_schema = DATABASE() AND trigger_name = 'keep_positive'"))
        .containsExactly("1");
  }

  @Test
  void namesTheFileAndLineOfAScriptItCannotSplitBeforeChangingAnything(IsolatedDatabase db)
      throws Exception {
    write("V1__ok.sql", "CREATE TABLE t (id INT);\n");
    write("V2__sourcing.sql", "INSERT INTO t VALUES (1);\nsource more.sql\n");

    assertThatThrownBy(() -> strata(db).migrate())
        .hasMessageContaining("V2__sourcing.sql:2: `source` is a command of the mysql client");
    assertThat(
            query(
                db,
                "SELECT COUNT(*) FROM information_schema.tables"
                    + " WHERE table_schema = DATABASE()"))
        .containsExactly("0");
  }

  private Strata strata(IsolatedDatabase db) {
    return Strata.configure()
        .dataSource(db.dataSource())
        .sources("filesystem:" + dir)
        .lockTimeout(Duration.ofSeconds(60))
        .load();
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content);
  }

  static List<String> query(IsolatedDatabase db, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  static void execute(IsolatedDatabase db, String... sqls) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement()) {
      for (String sql : sqls) {
        s.execute(sql);
      }
    }
  }
}
