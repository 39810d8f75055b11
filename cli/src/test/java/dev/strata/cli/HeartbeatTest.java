package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartbeatTest {
  @TempDir Path dir;
  Workspace ws;

  @BeforeEach
  void setUp() throws Exception {
    ws =
        new Workspace(dir)
            .file(
                "V1__slow.sql",
                "CREATE ALIAS SLEEP FOR \"java.lang.Thread.sleep\";\nCALL SLEEP(2500);\n")
            .file("V2__quick.sql", "CREATE TABLE quick (id INT);\n");
  }

  @Test
  void aStatementRunningLongerThanTheIntervalPrintsItsElapsedTimeAndFirstLine() {
    CliResult result = ws.strata("migrate", "--heartbeat", "1s");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    List<String> beats =
        result.errLines().stream().filter(l -> l.startsWith("Still running")).toList();
    assertThat(beats).hasSizeBetween(1, 3);
    assertThat(beats.get(0))
        .matches(
            "Still running V1 slow, statement 2 of 2 \\(.*V1__slow.sql:2\\), for \\d\\.\\d s: CALL SLEEP\\(2500\\)");
    // The heartbeat stops with the migration: nothing after it is reported as still running.
    int applied =
        result
            .errLines()
            .indexOf(
                result.errLines().stream()
                    .filter(l -> l.startsWith("Applied V1"))
                    .findFirst()
                    .orElseThrow());
    assertThat(result.errLines().subList(applied, result.errLines().size()))
        .noneMatch(l -> l.startsWith("Still running"));
    assertThat(result.out()).doesNotContain("Still running");
  }

  @Test
  void underJsonLogsEachHeartbeatIsOneObjectWithTheElapsedTimeAndStatement() {
    CliResult result =
        Workspace.run(
            Map.of("STRATA_HEARTBEAT", "1s", "STRATA_LOG_FORMAT", "json"), ws.with("migrate"));

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    List<Map<String, Object>> beats =
        JsonLogFormatTest.lines(result).stream()
            .filter(l -> "statement_running".equals(l.get("event")))
            .toList();
    assertThat(beats).isNotEmpty();
    assertThat(beats.get(0))
        .containsEntry("level", "INFO")
        .containsEntry("version", "1")
        .containsEntry("line", 2L)
        .containsEntry("index", 2L)
        .containsEntry("statement", "CALL SLEEP(2500)");
    assertThat((Long) beats.get(0).get("elapsed_ms")).isGreaterThanOrEqualTo(900L);
  }

  @Test
  void theHeartbeatIsOffWithOffAndQuietWhileStatementsAreShorterThanTheInterval() {
    CliResult off = ws.strata("migrate", "--heartbeat", "off", "--target", "1");
    CliResult quiet = ws.strata("migrate", "--heartbeat", "1s");

    assertThat(off.exitCode()).as(off.toString()).isEqualTo(0);
    assertThat(off.err()).contains("Applied V1 slow").doesNotContain("Still running");
    assertThat(quiet.exitCode()).as(quiet.toString()).isEqualTo(0);
    assertThat(quiet.err()).contains("Applied V2 quick").doesNotContain("Still running");
  }
}
