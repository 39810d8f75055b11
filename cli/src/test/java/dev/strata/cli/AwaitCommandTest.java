package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AwaitCommandTest {
  @TempDir Path dir;
  Workspace ws;

  @BeforeEach
  void setUp() throws Exception {
    ws = Workspace.withPeople(dir);
  }

  @Test
  void awaitReturnsAtOnceWhenEverythingIsApplied() {
    ws.strata("migrate");

    CliResult result = ws.strata("await", "--timeout", "5s");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    assertThat(result.lastLine()).isEqualTo("up to date: 2 migrations are applied");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void awaitExitsWith4NamingWhatIsNotAppliedWhenTheTimeoutPasses() throws Exception {
    ws.strata("migrate", "--target", "1");

    CliResult result = ws.strata("await", "--timeout", "600ms", "--interval", "100ms");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.VALIDATION);
    assertThat(result.errLines())
        .hasSize(2)
        .first(InstanceOfAssertFactories.STRING)
        .startsWith(
            "Waiting for 1 migration to be applied by another migrator: V2 (pending) (giving up in");
    assertThat(result.err())
        .contains(
            "error: not up to date after 600 ms (--timeout): 1 migration is not applied: V2 (pending)");
    assertThat(ws.history()).containsExactly("APPLY 1 TRUE");
  }

  @Test
  void awaitReturnsOnceAnotherMigratorHasAppliedEverything() throws Exception {
    CompletableFuture<CliResult> waiting =
        CompletableFuture.supplyAsync(
            () ->
                Workspace.run(
                    Map.of("STRATA_AWAIT_INTERVAL", "100ms", "STRATA_AWAIT_TIMEOUT", "30s"),
                    ws.with("await")));
    Thread.sleep(500);
    assertThat(waiting).isNotDone();

    CliResult migrate = ws.strata("migrate");
    CliResult result = waiting.get(10, TimeUnit.SECONDS);

    assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(0);
    assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    assertThat(result.err())
        .contains(
            "Waiting for 2 migrations to be applied by another migrator: V1 (pending), V2 (pending)");
    assertThat(result.lastLine())
        .matches("up to date: 2 migrations are applied \\(waited \\d+(\\.\\d)? m?s\\)");
  }

  @Test
  void awaitUnderJsonLogsPrintsOnlyJsonObjects() {
    CliResult result =
        ws.strata("await", "--timeout", "300ms", "--interval", "100ms", "--log-format", "json");

    assertThat(result.exitCode()).isEqualTo(ExitCode.VALIDATION);
    List<Map<String, Object>> lines = JsonLogFormatTest.lines(result);
    assertThat(lines)
        .extracting(l -> l.get("event"))
        .containsExactly("await_waiting", "not_up_to_date");
    assertThat(lines.get(1)).containsEntry("pending", List.of("V1 (pending)", "V2 (pending)"));
  }
}
