package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
  @TempDir Path dir;
  Workspace ws;

  @BeforeEach
  void setUp() throws Exception {
    ws = Workspace.withPeople(dir);
  }

  @Test
  void planPrintsEveryStepAndStatementWithFileAndLineAndChangesNothing() throws Exception {
    CliResult result = ws.strata("plan");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    Path v1 = ws.migrations.resolve("V1__create_person.sql");
    assertThat(result.out())
        .contains("V1 create person: " + v1 + ", 2 statements, without a transaction")
        .contains("  " + v1 + ":1\n    CREATE TABLE person (\n      id INT PRIMARY KEY,")
        .contains("  " + v1 + ":5\n    INSERT INTO person VALUES (1, 'Ada')")
        .contains(
            "  "
                + ws.migrations.resolve("V2__add_email.sql")
                + ":1\n    ALTER TABLE person ADD COLUMN email");
    assertThat(result.lastLine())
        .isEqualTo(
            "plan: migrate would apply 2 migrations (V1, V2) with 3 statements; nothing was changed");
    assertThat(ws.tableExists("strata_schema_history")).isFalse();
    assertThat(ws.tableExists("PERSON")).isFalse();
  }

  @Test
  void planOfAnUpToDateDatabaseSaysThereIsNothingToApply() {
    ws.strata("migrate");

    CliResult result = ws.strata("plan");

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.outLines())
        .containsExactly("plan: migrate has nothing to apply; nothing was changed");
  }

  @Test
  void planDownShowsTheDownScriptWithoutRevertingAnything() throws Exception {
    ws.strata("migrate");

    CliResult result = ws.strata("plan", "--down", "--steps", "1");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    assertThat(result.out())
        .contains(
            "  "
                + ws.migrations.resolve("U2__add_email.sql")
                + ":1\n    ALTER TABLE person DROP COLUMN email");
    assertThat(result.lastLine())
        .isEqualTo(
            "plan: down would revert 1 migration (V2) with 1 statement; nothing was changed");
    assertThat(ws.history()).containsExactly("APPLY 1 TRUE", "APPLY 2 TRUE");
  }

  @Test
  void planDownToAVersionListsEveryNewerMigration() throws Exception {
    ws.file("U1__create_person.sql", "DROP TABLE person;\n");
    ws.strata("migrate");

    CliResult result = ws.strata("plan", "--down", "--to", "0");

    assertThat(result.lastLine())
        .isEqualTo(
            "plan: down would revert 2 migrations (V2, V1) with 2 statements; nothing was changed");
  }

  @Test
  void planDownNeedsStepsOrATargetVersion() {
    CliResult noSelection = ws.strata("plan", "--down");
    CliResult noDown = ws.strata("plan", "--steps", "1");

    assertThat(noSelection.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(noSelection.err())
        .contains("plan --down needs --steps N, --to VERSION, --last-run or --to-release LABEL");
    assertThat(noDown.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(noDown.err()).contains("add --down");
  }

  @Test
  void planExitsWith4WhenMigrateWouldRefuse() throws Exception {
    ws.strata("migrate", "--target", "1");
    ws.file("V1__create_person.sql", "CREATE TABLE person (id INT);\n");

    CliResult result = ws.strata("plan");

    assertThat(result.exitCode()).isEqualTo(ExitCode.VALIDATION);
    assertThat(result.err())
        .contains("error: plan: migrate would refuse to run and change nothing")
        .contains(
            "V1 create person (" + ws.migrations.resolve("V1__create_person.sql") + ") was edited");
  }
}
