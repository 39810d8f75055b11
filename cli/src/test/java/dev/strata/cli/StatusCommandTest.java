package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {
  @TempDir Path dir;
  Workspace ws;

  @BeforeEach
  void setUp() throws Exception {
    ws = Workspace.withPeople(dir);
    ws.strata("migrate", "--target", "1");
  }

  @Test
  void statusPrintsATableWithOneRowPerMigrationAndItsState() {
    CliResult result = ws.strata("status");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    List<String> lines = result.outLines();
    assertThat(lines.get(0))
        .matches("Version +Description +State +Applied at +Applied by +Duration +Run +Release");
    assertThat(lines.get(2))
        .matches(
            "1 +create person +applied +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ +\\d+ ms"
                + " +[0-9a-f]{8}");
    assertThat(lines.get(3)).matches("2 +add email +pending");
    assertThat(result.lastLine()).isEqualTo("2 migrations: 1 applied, 1 pending");
  }

  @Test
  void statusAsJsonIsOneDocumentWithTheStateOfEveryMigration() {
    CliResult result = ws.strata("status", "--output", "json");

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.outLines()).hasSize(1);
    Map<String, Object> doc = JsonObjects.parse(result.out().strip());
    assertThat(doc).containsEntry("up_to_date", false).containsEntry("database", ws.url);
    List<Map<String, Object>> migrations = JsonObjects.objects(doc.get("migrations"));
    assertThat(migrations).extracting(m -> m.get("version")).containsExactly("1", "2");
    assertThat(migrations).extracting(m -> m.get("state")).containsExactly("applied", "pending");
    assertThat(migrations.get(0).get("applied_at")).isNotNull();
    assertThat(migrations.get(1))
        .containsEntry("applied_at", null)
        .containsEntry("kind", "versioned");
  }

  @Test
  void statusWithExitCodeExitsWith4WhileAMigrationIsNotApplied() {
    CliResult pending = ws.strata("status", "--exit-code");
    ws.strata("migrate");
    CliResult upToDate = ws.strata("status", "--exit-code");

    assertThat(pending.exitCode()).isEqualTo(ExitCode.VALIDATION);
    assertThat(pending.err())
        .contains("error: not up to date: 1 migration is not applied: V2 (pending)");
    assertThat(upToDate.exitCode()).as(upToDate.toString()).isEqualTo(0);
    assertThat(upToDate.lastLine()).isEqualTo("2 migrations: 2 applied; up to date");
  }

  @Test
  void statusWithoutExitCodeSucceedsWhateverTheState() {
    assertThat(ws.strata("status").exitCode()).isEqualTo(0);
  }
}
