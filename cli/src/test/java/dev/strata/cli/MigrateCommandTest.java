package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrateCommandTest {
  @TempDir Path dir;
  Workspace ws;

  @BeforeEach
  void setUp() throws Exception {
    ws = Workspace.withPeople(dir);
  }

  @Test
  void migratingTwiceAppliesEachMigrationOnceAndEndsWithTheSummary() throws Exception {
    CliResult first = ws.strata("migrate");
    CliResult second = ws.strata("migrate");

    assertThat(first.exitCode()).as(first.toString()).isEqualTo(0);
    assertThat(first.outLines()).hasSize(1);
    assertThat(first.lastLine()).matches("applied 2 migrations \\(V1, V2\\) in \\d+ ms");
    assertThat(second.exitCode()).as(second.toString()).isEqualTo(0);
    assertThat(second.lastLine()).matches("up to date: applied 0 migrations in \\d+ ms");
    assertThat(ws.history()).containsExactly("APPLY 1 TRUE", "APPLY 2 TRUE");
  }

  @Test
  void progressGoesToStderrRenderedFromEngineEvents() {
    CliResult result = ws.strata("migrate");

    assertThat(result.err())
        .contains("Took the migration lock strata:PUBLIC.strata_schema_history")
        .contains(
            "Applying V1 create person (" + ws.migrations.resolve("V1__create_person.sql") + ")")
        .containsPattern("Applied V1 create person in \\d+ ms \\(2 statements\\)")
        .containsPattern("Applied V2 add email in \\d+ ms \\(1 statement\\)");
    assertThat(result.out()).doesNotContain("Applying");
  }

  @Test
  void filesThatAreNotSqlAreSkippedQuietly() throws Exception {
    ws.file("README.md", "not a migration");

    CliResult result = ws.strata("migrate");

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.out() + result.err()).doesNotContain("README.md");
  }

  @Test
  void filesLeftOutByIgnoreAreListedOnStderr() throws Exception {
    ws.file("V7_fix.sql", "SELECT 1;");

    CliResult result = ws.strata("migrate", "--ignore", "V7_fix.sql");

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.errLines())
        .contains("Ignoring " + ws.migrations.resolve("V7_fix.sql") + " (--ignore)");
    assertThat(result.out()).doesNotContain("V7_fix.sql");
  }

  @Test
  void migrateStopsAtTheTargetVersion() throws Exception {
    CliResult result = ws.strata("migrate", "--target", "1");

    assertThat(result.lastLine()).matches("applied 1 migration \\(V1\\) in \\d+ ms");
    assertThat(ws.history()).containsExactly("APPLY 1 TRUE");
  }

  @Test
  void aFailingStatementExitsWith6NamingTheFileAndLine() throws Exception {
    ws.file(
        "V3__broken.sql",
        "INSERT INTO person VALUES (2, 'Bob', 'b@example.com');\nSELECT * FROM no_such_table;\n");

    CliResult result = ws.strata("migrate");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.MIGRATION_FAILED);
    assertThat(result.err())
        .contains("Failed to apply V3 broken at " + ws.migrations.resolve("V3__broken.sql") + ":2")
        .contains(
            "error: Applying V3 broken failed at " + ws.migrations.resolve("V3__broken.sql") + ":2")
        .doesNotContain("\tat ");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void aScriptThatCannotBeParsedExitsWith3BeforeAnythingChanges() throws Exception {
    ws.file("V3__unterminated.sql", "INSERT INTO person VALUES (3, 'unterminated);\n");

    CliResult result = ws.strata("migrate");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.CONFIGURATION);
    assertThat(result.err()).contains("V3__unterminated.sql:1");
    assertThat(ws.tableExists("PERSON")).isFalse();
  }

  @Test
  void aLockHeldByAnotherMigratorTimesOutWithExit5() throws Exception {
    ws.strata("migrate", "--target", "1");
    try (Connection other = DriverManager.getConnection(ws.url);
        Statement s = other.createStatement()) {
      other.setAutoCommit(false);
      s.executeQuery(
              "SELECT \"installed_rank\" FROM \"PUBLIC\".\"strata_schema_history\""
                  + " WHERE \"installed_rank\" = 0 FOR UPDATE")
          .close();

      CliResult result = ws.strata("migrate", "--lock-timeout", "300ms");

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.LOCK_TIMEOUT);
      assertThat(result.err())
          .contains("Waiting for the migration lock strata:PUBLIC.strata_schema_history")
          .contains("error: Timed out after")
          .contains("--lock-timeout");
      other.rollback();
    }
    assertThat(ws.history()).containsExactly("APPLY 1 TRUE");
  }
}
