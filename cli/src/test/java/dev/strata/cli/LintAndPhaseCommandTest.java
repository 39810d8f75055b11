package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintAndPhaseCommandTest {
  @TempDir Path dir;
  Workspace ws;

  @BeforeEach
  void setUp() throws Exception {
    ws = Workspace.withPeople(dir);
    ws.strata("migrate");
  }

  @Test
  void lintExitsWith4NamingFileLineAndRule() throws Exception {
    ws.file("V3__drop_email.sql", "-- why\nALTER TABLE person DROP COLUMN email;\n");

    CliResult result = ws.strata("lint");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.VALIDATION);
    assertThat(result.out())
        .contains(ws.migrations.resolve("V3__drop_email.sql") + ":2: warning ban-drop-column")
        .contains("1 finding; failing at warning");
  }

  @Test
  void lintPassesBelowTheFailOnSeverityAndPrintsJsonForMachines() throws Exception {
    ws.file("V3__drop_email.sql", "ALTER TABLE person DROP COLUMN email;\n");

    CliResult result = ws.strata("lint", "--fail-on", "error", "--output", "json");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    assertThat(result.out()).contains("\"rule\":\"ban-drop-column\"").contains("\"failed\":false");
  }

  @Test
  void theLintGateStopsMigrateWith4() throws Exception {
    ws.file("V3__drop_email.sql", "ALTER TABLE person DROP COLUMN email;\n");

    CliResult result = ws.strata("migrate", "--lint-gate", "warning");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.VALIDATION);
    assertThat(result.err()).contains("the lint gate (warning) found 1 dangerous statement");
  }

  @Test
  void migrateByPhaseStopsBeforeTheContractMigration() throws Exception {
    ws.file("V3__add_name.sql", "ALTER TABLE person ADD COLUMN nickname VARCHAR(100);\n");
    ws.file(
        "V4__drop_email.sql", "-- strata:phase=contract\nALTER TABLE person DROP COLUMN email;\n");

    CliResult expand = ws.strata("migrate", "--phase", "expand");
    CliResult contract = ws.strata("migrate", "--phase", "contract");

    assertThat(expand.out()).contains("applied 1 migration (V3)");
    assertThat(contract.out()).contains("applied 1 migration (V4)");
  }

  @Test
  void baselineNeedsEitherAVersionOrATool() {
    CliResult result = ws.strata("baseline");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("give either --version or --from");
  }
}
