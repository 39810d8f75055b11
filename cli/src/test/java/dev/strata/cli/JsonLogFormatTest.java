package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLogFormatTest {
  @TempDir Path dir;
  Workspace ws;

  @BeforeEach
  void setUp() throws Exception {
    ws = Workspace.withPeople(dir).file("notes.txt", "not a migration");
  }

  /** Every line of both streams, parsed; fails unless each is exactly one JSON object. */
  static List<Map<String, Object>> lines(CliResult result) {
    assertThat(result.out() + result.err()).isNotBlank();
    return Stream.concat(result.outLines().stream(), result.errLines().stream())
        .map(JsonObjects::parse)
        .toList();
  }

  @Test
  void everyLineOfMigrateIsOneJsonObjectWithTimestampLevelAndEvent() throws Exception {
    ws.file("V7_fix.sql", "SELECT 1;");
    CliResult result = ws.strata("migrate", "--log-format", "json", "--ignore", "V7_fix.sql");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    List<Map<String, Object>> lines = lines(result);
    assertThat(lines)
        .allSatisfy(l -> assertThat(l).containsKeys("timestamp", "level", "event", "message"));
    assertThat(lines)
        .extracting(l -> l.get("event"))
        .contains(
            "file_ignored", "lock_acquired", "migration_started", "migration_completed", "summary");
    Map<String, Object> summary = JsonObjects.parse(result.lastLine());
    assertThat(summary)
        .containsEntry("event", "summary")
        .containsEntry("count", 2L)
        .containsEntry("migrations", List.of("V1", "V2"))
        .containsKey("duration_ms");
    assertThat((String) summary.get("message"))
        .matches("applied 2 migrations \\(V1, V2\\) in \\d+ ms");
    Map<String, Object> completed =
        lines.stream()
            .filter(l -> "migration_completed".equals(l.get("event")))
            .findFirst()
            .orElseThrow();
    assertThat(completed)
        .containsEntry("version", "1")
        .containsEntry("description", "create person")
        .containsEntry("statements", 2L)
        .containsKey("duration_ms");
    Map<String, Object> ignored =
        lines.stream().filter(l -> "file_ignored".equals(l.get("event"))).findFirst().orElseThrow();
    assertThat(ignored)
        .containsEntry("level", "INFO")
        .containsEntry("file", ws.migrations.resolve("V7_fix.sql").toString());
  }

  @Test
  void everyCommandsOutputIsJsonLinesToo() throws Exception {
    ws.strata("migrate");
    ws.file("V3__broken.sql", "SELECT * FROM nowhere;\n");

    for (CliResult result :
        List.of(
            ws.strata("plan", "--log-format", "json"),
            ws.strata("status", "--log-format", "json"),
            ws.strata("status", "--log-format", "json", "--exit-code"),
            ws.strata("history", "--log-format", "json"),
            ws.strata("validate", "--log-format", "json", "--require-up-to-date"),
            ws.strata("down", "--steps", "1", "--log-format", "json"),
            ws.strata("migrate", "--log-format", "json"),
            ws.strata("repair", "--log-format", "json"),
            ws.strata("baseline", "--version", "1", "--log-format", "json"),
            Workspace.run("--help", "--log-format", "json"),
            Workspace.run("--version", "--log-format=json"),
            Workspace.run("migrate", "--help", "--log-format", "json"))) {
      assertThat(lines(result)).as(result.toString()).isNotEmpty();
    }
  }

  @Test
  void aPlanUnderJsonLogsHasOneLinePerStepAndStatement() {
    CliResult result = ws.strata("plan", "--log-format", "json");

    List<Map<String, Object>> out = result.outLines().stream().map(JsonObjects::parse).toList();
    assertThat(out)
        .extracting(l -> l.get("event"))
        .containsExactly(
            "plan_step",
            "plan_statement",
            "plan_statement",
            "plan_step",
            "plan_statement",
            "plan_summary");
    assertThat(out.get(2))
        .containsEntry("line", 5L)
        .containsEntry("sql", "INSERT INTO person VALUES (1, 'Ada')");
  }

  @Test
  void usageErrorsAreJsonObjectsWithTheUsageExitCode() {
    CliResult result = Workspace.run("migrate", "--bogus", "--log-format", "json");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.out()).isEmpty();
    assertThat(result.errLines()).hasSize(1);
    assertThat(JsonObjects.parse(result.errLines().get(0)))
        .containsEntry("level", "ERROR")
        .containsEntry("event", "usage_error")
        .containsEntry("exit_code", 2L)
        .containsEntry("message", "Unknown option: '--bogus' (see 'strata migrate --help')");
  }

  @Test
  void failuresAreOneJsonObjectWithTheErrorCodeAndDetails() throws Exception {
    ws.strata("migrate");
    ws.file("V1__create_person.sql", "CREATE TABLE person (id INT);\n");

    CliResult result = ws.strata("validate", "--log-format", "json");

    assertThat(result.exitCode()).isEqualTo(ExitCode.VALIDATION);
    List<Map<String, Object>> errors =
        lines(result).stream().filter(l -> "ERROR".equals(l.get("level"))).toList();
    assertThat(errors).hasSize(1);
    Map<String, Object> error = errors.get(0);
    assertThat(error)
        .containsEntry("event", "error")
        .containsEntry("code", "VALIDATION")
        .containsEntry("exit_code", 4L);
    assertThat(JsonObjects.objects(error.get("problems")))
        .singleElement()
        .satisfies(
            p -> assertThat(p).containsEntry("kind", "edited").containsEntry("version", "1"));
  }

  @Test
  void statusOutputJsonStaysOneDocumentUnderJsonLogs() {
    CliResult result = ws.strata("status", "--log-format", "json", "--output", "json");

    assertThat(result.outLines()).hasSize(1);
    assertThat(JsonObjects.parse(result.out().strip()))
        .containsKeys("database", "up_to_date", "migrations");
  }
}
