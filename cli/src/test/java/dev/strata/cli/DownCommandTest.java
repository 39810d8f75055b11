package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownCommandTest {
  @TempDir Path dir;
  Workspace ws;

  @BeforeEach
  void setUp() throws Exception {
    ws = Workspace.withPeople(dir);
    ws.strata("migrate");
  }

  @Test
  void downOneStepThenMigrateRoundTrips() throws Exception {
    CliResult down = ws.strata("down", "--steps", "1");

    assertThat(down.exitCode()).as(down.toString()).isEqualTo(0);
    assertThat(down.lastLine()).matches("reverted 1 migration \\(V2\\) in \\d+ ms");
    assertThat(down.err())
        .contains("Reverting V2 add email (" + ws.migrations.resolve("U2__add_email.sql") + ")");
    assertThat(
            ws.column(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE COLUMN_NAME = 'EMAIL'"))
        .containsExactly("0");
    assertThat(ws.strata("status").out()).containsPattern("2 +add email +reverted");

    CliResult migrate = ws.strata("migrate");

    assertThat(migrate.lastLine()).matches("applied 1 migration \\(V2\\) in \\d+ ms");
    assertThat(ws.history())
        .containsExactly("APPLY 1 TRUE", "APPLY 2 TRUE", "REVERT 2 TRUE", "APPLY 2 TRUE");
  }

  @Test
  void downToAVersionRevertsEveryNewerMigrationNewestFirst() throws Exception {
    ws.file("V3__add_phone.sql", "ALTER TABLE person ADD COLUMN phone VARCHAR(20);\n")
        .file("U3__add_phone.sql", "ALTER TABLE person DROP COLUMN phone;\n");
    ws.strata("migrate");

    CliResult result = ws.strata("down", "--to", "1");

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.lastLine()).matches("reverted 2 migrations \\(V3, V2\\) in \\d+ ms");
  }

  @Test
  void downRefusesWithExit4WhenADownScriptIsMissing() throws Exception {
    CliResult result = ws.strata("down", "--steps", "2");

    assertThat(result.exitCode()).isEqualTo(ExitCode.VALIDATION);
    assertThat(result.err())
        .contains(
            "V1 create person ("
                + ws.migrations.resolve("V1__create_person.sql")
                + ") has no down script");
    assertThat(ws.history()).containsExactly("APPLY 1 TRUE", "APPLY 2 TRUE");
  }

  @Test
  void downLastRunAndToReleaseRevertWhatTheNewerReleaseAppliedAndPlanItFirst() throws Exception {
    ws.file("V3__add_phone.sql", "ALTER TABLE person ADD COLUMN phone VARCHAR(20);\n")
        .file("U3__add_phone.sql", "ALTER TABLE person DROP COLUMN phone;\n");
    assertThat(ws.strata("migrate", "--release", "v2").exitCode()).isEqualTo(0);

    CliResult plan = ws.strata("plan", "--down", "--last-run");
    CliResult lastRun =
        Workspace.run(Map.of("STRATA_RELEASE", "v1"), ws.with("down", "--last-run"));

    assertThat(plan.exitCode()).as(plan.toString()).isEqualTo(0);
    assertThat(plan.out()).contains("U3__add_phone.sql").doesNotContain("U2__add_email.sql");
    assertThat(lastRun.exitCode()).as(lastRun.toString()).isEqualTo(0);
    assertThat(lastRun.lastLine()).matches("reverted 1 migration \\(V3\\) in \\d+ ms");

    assertThat(
            ws.column(
                "SELECT \"action\" || ' ' || \"release_label\" FROM \"strata_schema_history\""
                    + " WHERE \"release_label\" IS NOT NULL ORDER BY \"installed_rank\""))
        .containsExactly("APPLY v2", "REVERT v1");

    ws.strata("migrate", "--release", "v2");
    assertThat(ws.strata("status", "--output", "json").out())
        .containsPattern("\"release\": ?\"v2\"")
        .containsPattern("\"run_id\": ?\"[0-9a-f-]{36}\"");
    assertThat(ws.strata("history", "--output", "json").out())
        .containsPattern("\"release\": ?\"v1\"")
        .containsPattern("\"release\": ?\"v2\"");
    assertThat(ws.strata("history").out()).containsPattern("3 +add phone +revert .* v1 ");
    CliResult toRelease = ws.strata("down", "--to-release", "v2");
    CliResult unknown = ws.strata("down", "--to-release", "v0");

    assertThat(toRelease.exitCode()).as(toRelease.toString()).isEqualTo(0);
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
    assertThat(unknown.err()).contains("No run in the history is labelled 'v0'");
    assertThat(ws.history())
        .containsExactly(
            "APPLY 1 TRUE", "APPLY 2 TRUE", "APPLY 3 TRUE", "REVERT 3 TRUE", "APPLY 3 TRUE");
  }

  @Test
  void downNeedsExactlyOneOfStepsAndTo() {
    CliResult neither = ws.strata("down");
    CliResult both = ws.strata("down", "--steps", "1", "--to", "1");
    CliResult zero = ws.strata("down", "--steps", "0");

    assertThat(neither.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(neither.err())
        .contains("(--steps=N | --to=VERSION | --last-run | --to-release=LABEL)");
    assertThat(both.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(zero.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(zero.err()).contains("--steps must be at least 1, was 0");
  }
}
