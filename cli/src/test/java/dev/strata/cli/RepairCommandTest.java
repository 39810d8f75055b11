package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepairCommandTest {
  @TempDir Path dir;
  Workspace ws;

  @BeforeEach
  void setUp() throws Exception {
    ws = Workspace.withPeople(dir);
  }

  @Test
  void repairWithoutConfirmRefusesWithTheUsageExitCodeAndSaysWhatToDo() throws Exception {
    CliResult result = ws.strata("repair");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.errLines()).hasSize(1);
    assertThat(result.err())
        .startsWith("error: repair changes the history table")
        .contains("fix the database by hand")
        .contains("with --confirm");
    assertThat(ws.tableExists("strata_schema_history")).isFalse();
  }

  @Test
  void repairWithConfirmAcceptsAnEditedScript() throws Exception {
    ws.strata("migrate");
    ws.file(
        "V1__create_person.sql",
        "-- reformatted\nCREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(100));\n"
            + "INSERT INTO person VALUES (1, 'Ada');\n");
    assertThat(ws.strata("validate").exitCode()).isEqualTo(ExitCode.VALIDATION);

    CliResult result = ws.strata("repair", "--confirm");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    assertThat(result.outLines())
        .containsExactly("repair: accepted the edited script of 1 migration (V1)");
    assertThat(ws.strata("validate").exitCode()).isEqualTo(0);
  }

  @Test
  void repairWithConfirmClearsAFailedAttempt() throws Exception {
    ws.file("V3__broken.sql", "CREATE TABLE phone (id INT);\nSELECT * FROM no_such_table;\n");
    assertThat(ws.strata("migrate").exitCode()).isEqualTo(ExitCode.MIGRATION_FAILED);
    assertThat(ws.strata("status").out()).containsPattern("3 +broken +failed");
    // Fixed by hand: the statement that completed is undone, and the script corrected.
    ws.execute("DROP TABLE phone");
    ws.file("V3__broken.sql", "CREATE TABLE phone (id INT);\n");

    CliResult repair = ws.strata("repair", "--confirm");
    CliResult migrate = ws.strata("migrate");

    assertThat(repair.outLines())
        .containsExactly("repair: cleared the failed attempt of 1 migration (V3)");
    assertThat(migrate.lastLine()).matches("applied 1 migration \\(V3\\) in \\d+ ms");
  }

  @Test
  void repairOfAHealthyDatabaseHasNothingToDo() {
    ws.strata("migrate");

    assertThat(ws.strata("repair", "--confirm").outLines())
        .containsExactly("repair: nothing to repair");
  }
}
