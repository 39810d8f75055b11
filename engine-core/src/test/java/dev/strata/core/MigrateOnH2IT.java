package dev.strata.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.DatabaseAccessException;
import dev.strata.api.DownRequest;
import dev.strata.api.MigrateResult;
import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.MigrationInfo;
import dev.strata.api.MigrationPlan;
import dev.strata.api.MigrationState;
import dev.strata.api.StrataEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateOnH2IT {
  @TempDir Path dir;
  H2Database db;

  @BeforeEach
  void setUp() throws Exception {
    db = new H2Database(dir);
    db.file(
            "V1__create_person.sql",
            "CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(100));\n")
        .file(
            "V2__add_email.sql",
            "ALTER TABLE person ADD COLUMN email VARCHAR(200);\n"
                + "INSERT INTO person VALUES (1, 'Ada ${name}', 'ada@example.com');\n")
        .file("U2__add_email.sql", "DELETE FROM person;\nALTER TABLE person DROP COLUMN email;\n");
  }

  @Test
  void appliesPendingMigrationsOnceAndThenTakesTheFastPath() throws Exception {
    MigrateResult first = db.strata().migrate();
    MigrateResult second = db.strata().migrate();

    assertThat(first.applied()).hasSize(2);
    assertThat(first.lockTaken()).isTrue();
    assertThat(first.summary()).matches("applied 2 migrations \\(V1, V2\\) in \\d+ ms");
    assertThat(second.applied()).isEmpty();
    assertThat(second.lockTaken()).isFalse();
    assertThat(db.history()).containsExactly("1 APPLY 1 TRUE 1", "2 APPLY 2 TRUE 2");
    assertThat(db.column("SELECT name FROM person")).containsExactly("Ada ${name}");
  }

  @Test
  void startsEachMigrationInTheMigrationSchemaAfterAScriptSetAnother() throws Exception {
    db.file(
            "V3__elsewhere.sql",
            "CREATE SCHEMA elsewhere;\n"
                + "-- the rest of this script works there\n"
                + "SET SCHEMA elsewhere;\n"
                + "CREATE TABLE only_there (id INT);\n")
        .file("V4__back_home.sql", "CREATE TABLE at_home (id INT);\n");

    db.strata().migrate();

    assertThat(
            db.column(
                "SELECT TABLE_SCHEMA || '.' || TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_NAME IN ('ONLY_THERE', 'AT_HOME') ORDER BY TABLE_NAME"))
        .containsExactly("PUBLIC.AT_HOME", "ELSEWHERE.ONLY_THERE");
  }

  @Test
  void downThenMigrateRoundTrips() throws Exception {
    db.strata().migrate();

    var down = db.strata().down(DownRequest.steps(1));
    assertThat(down.summary()).startsWith("reverted 1 migration (V2)");
    assertThat(
            db.column(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE COLUMN_NAME = 'EMAIL'"))
        .containsExactly("0");
    assertThat(db.strata().status().migrations())
        .extracting(MigrationInfo::state)
        .containsExactly(MigrationState.APPLIED, MigrationState.REVERTED);

    assertThat(db.strata().migrate().applied()).hasSize(1);
    assertThat(db.history())
        .containsExactly(
            "1 APPLY 1 TRUE 1", "2 APPLY 2 TRUE 2", "3 REVERT 2 TRUE 2", "4 APPLY 2 TRUE 2");
  }

  @Test
  void downRefusesAndChangesNothingWhenADownScriptIsMissing() throws Exception {
    db.strata().migrate();
    String before = db.dump();

    assertThatThrownBy(() -> db.strata().down(DownRequest.steps(2)))
        .hasMessageContaining("V1 create person")
        .hasMessageContaining("has no down script");
    assertThat(db.dump()).isEqualTo(before);
  }

  @Test
  void planShowsEveryStatementAndLeavesTheDatabaseUnchanged() throws Exception {
    db.strata().migrate();
    db.file(
        "V3__add_age.sql", "ALTER TABLE person ADD COLUMN age INT;\nUPDATE person SET age = 36;\n");
    String before = db.dump();

    MigrationPlan plan = db.strata().plan();

    assertThat(db.dump()).isEqualTo(before);
    assertThat(plan.steps()).hasSize(1);
    assertThat(plan.steps().get(0).statements())
        .extracting(s -> s.line() + ": " + s.sql())
        .containsExactly(
            "1: ALTER TABLE person ADD COLUMN age INT", "2: UPDATE person SET age = 36");
  }

  @Test
  void planOnAFreshDatabaseCreatesNothing() throws Exception {
    MigrationPlan plan = db.strata().plan();

    assertThat(plan.steps()).hasSize(2);
    assertThat(db.tableExists("strata_schema_history")).isFalse();
  }

  @Test
  void eightConcurrentMigratorsApplyEachMigrationExactlyOnce() throws Exception {
    for (int v = 3; v <= 20; v++) {
      db.file(
          "V" + v + "__t" + v + ".sql",
          "CREATE TABLE t" + v + " (id INT);\nINSERT INTO t" + v + " VALUES (" + v + ");\n");
    }
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    List<MigrateResult> results = java.util.Collections.synchronizedList(new ArrayList<>());
    for (int i = 0; i < 8; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  results.add(db.strata().migrate());
                } catch (Throwable e) {
                  failures.add(e);
                }
              });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }

    assertThat(failures).isEmpty();
    assertThat(results).hasSize(8);
    assertThat(results.stream().mapToInt(r -> r.applied().size()).sum()).isEqualTo(20);
    assertThat(
            db.column(
                "SELECT \"version\" FROM \"PUBLIC\".\"strata_schema_history\" WHERE \"action\" = 'APPLY'"))
        .hasSize(20)
        .doesNotHaveDuplicates();
  }

  @Test
  void appliesAGolangMigrateFolderWhoseTitlesHoldDotsCompletely() throws Exception {
    H2Database golang = new H2Database(dir.resolve("golang"));
    golang
        .file("1_init.up.sql", "CREATE TABLE person (id INT PRIMARY KEY);\n")
        .file("1_init.down.sql", "DROP TABLE person;\n")
        .file("2_1.7.0_schema.up.sql", "ALTER TABLE person ADD COLUMN name VARCHAR(100);\n")
        .file("2_1.7.0_schema.down.sql", "ALTER TABLE person DROP COLUMN name;\n")
        .file("3_v2.0.1.postgres.up.sql", "CREATE TABLE only_on_postgres (id INT);\n")
        .file("3_v2.0.1.h2.up.sql", "CREATE TABLE release_201 (id INT);\n")
        .file("3_v2.0.1.up.sql", "CREATE TABLE untagged_201 (id INT);\n")
        .file("4_v2.1.0.rc1.up.sql", "CREATE TABLE release_210 (id INT);\n");

    MigrateResult result = golang.strata().migrate();

    assertThat(result.applied()).hasSize(4);
    assertThat(golang.history())
        .containsExactly(
            "1 APPLY 1 TRUE 1", "2 APPLY 2 TRUE 1", "3 APPLY 3 TRUE 1", "4 APPLY 4 TRUE 1");
    assertThat(
            golang.column(
                "SELECT \"description\" FROM \"PUBLIC\".\"strata_schema_history\""
                    + " WHERE \"installed_rank\" > 0 ORDER BY \"installed_rank\""))
        .containsExactly("init", "1.7.0 schema", "v2.0.1", "v2.1.0.rc1");
    assertThat(golang.tableExists("RELEASE_201")).isTrue();
    assertThat(golang.tableExists("UNTAGGED_201")).isFalse();
    assertThat(golang.tableExists("ONLY_ON_POSTGRES")).isFalse();
  }

  @Test
  void refusesFilesThatFollowNoConventionAndChangesNothing() throws Exception {
    db.file("V7_fix.sql", "SELECT 1;").file("README.md", "# notes");

    assertThatThrownBy(() -> db.strata().migrate())
        .isInstanceOf(MigrationDiscoveryException.class)
        .hasMessageContaining("V7_fix.sql: has one underscore")
        .hasMessageContaining("rename it to V7__fix.sql")
        .hasMessageNotContaining("README.md");
    assertThat(db.tableExists("strata_schema_history")).isFalse();
    assertThat(db.tableExists("PERSON")).isFalse();
  }

  @Test
  void theIgnoreOptionLetsANearMissPassAndListsItAtInfoLevel() throws Exception {
    db.file("V7_fix.sql", "SELECT 1;");
    List<StrataEvent> events = new ArrayList<>();

    MigrateResult result =
        db.configure().ignore("V7_fix.sql").listener(events::add).load().migrate();

    assertThat(result.applied()).hasSize(2);
    assertThat(events)
        .contains(new StrataEvent.FileIgnored(db.migrations.resolve("V7_fix.sql").toString()))
        .noneMatch(e -> e instanceof StrataEvent.Warning);
  }

  @Test
  void appliesEmptyAndCommentOnlyMigrationsAsRecordedNoOps() throws Exception {
    db.file("V3__empty.sql", "")
        .file("V4__comments only.sql", "-- nothing to do yet\n/* really */\n");

    MigrateResult result = db.strata().migrate();

    assertThat(result.applied()).hasSize(4);
    assertThat(db.history()).contains("3 APPLY 3 TRUE 0", "4 APPLY 4 TRUE 0");
  }

  @Test
  void rejectsDuplicateVersionsNamingBothFilesAndChangesNothing() throws Exception {
    db.file("2_other.up.sql", "SELECT 1;");

    assertThatThrownBy(() -> db.strata().migrate())
        .isInstanceOf(MigrationDiscoveryException.class)
        .hasMessageContaining("V2__add_email.sql")
        .hasMessageContaining("2_other.up.sql");
    assertThat(db.tableExists("strata_schema_history")).isFalse();
  }

  @Test
  void rejectsADownScriptWithoutItsUpScript() throws Exception {
    db.file("U9__nothing.sql", "SELECT 1;");

    assertThatThrownBy(() -> db.strata().migrate())
        .isInstanceOf(MigrationDiscoveryException.class)
        .hasMessageContaining("U9__nothing.sql")
        .hasMessageContaining("without an up script");
    assertThat(db.tableExists("strata_schema_history")).isFalse();
  }

  @Test
  void rejectsAFileThatIsNotUtf8NamingFileAndLine() throws Exception {
    java.nio.file.Files.write(
        db.migrations.resolve("V3__latin1.sql"),
        new byte[] {
          'S', 'E', 'L', 'E', 'C', 'T', ' ', '1', ';', '\n', '-', '-', ' ', (byte) 0xE9, '\n'
        });

    assertThatThrownBy(() -> db.strata().migrate())
        .isInstanceOf(MigrationDiscoveryException.class)
        .hasMessageContaining("V3__latin1.sql:2")
        .hasMessageContaining("not valid UTF-8");
    assertThat(db.tableExists("strata_schema_history")).isFalse();
  }

  @Test
  void rejectsALocationThatDoesNotExist() {
    assertThatThrownBy(
            () ->
                Strata.configure()
                    .url(db.url)
                    .sources("filesystem:" + dir.resolve("nope"))
                    .load()
                    .migrate())
        .isInstanceOf(MigrationDiscoveryException.class)
        .hasMessageContaining("does not exist")
        .hasMessageContaining("nope");
  }

  @Test
  void rejectsAnUnknownLocationPrefix() {
    assertThatThrownBy(
            () -> Strata.configure().url(db.url).sources("nope:db/migration").load().migrate())
        .hasMessageContaining("Unknown location prefix 'nope:'")
        .hasMessageContaining("filesystem");
  }

  @Test
  void reportsAWrongPasswordWithoutRevealingIt() throws Exception {
    String url = "jdbc:h2:mem:pw" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    try (var owner = java.sql.DriverManager.getConnection(url, "admin", "right-secret")) {
      assertThatThrownBy(
              () ->
                  Strata.configure()
                      .url(url)
                      .user("admin")
                      .password("wrong-secret")
                      .sources("filesystem:" + db.migrations)
                      .load()
                      .migrate())
          .isInstanceOf(DatabaseAccessException.class)
          .hasMessageContaining("Cannot connect")
          .hasMessageContaining("strata.password")
          .message()
          .doesNotContain("wrong-secret")
          .doesNotContain("right-secret");
    }
  }
}
