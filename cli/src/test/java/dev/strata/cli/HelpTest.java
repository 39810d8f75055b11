package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HelpTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "migrate",
        "plan",
        "status",
        "validate",
        "down",
        "repair",
        "baseline",
        "history",
        "await"
      })
  void everyCommandHasHelpWithItsOptionsAndTheExitCodes(String command) {
    CliResult result = Workspace.run(command, "--help");

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.out())
        .startsWith("Usage: strata " + command)
        .contains(
            "--url=JDBC_URL", "--password-file=FILE", "--source=LOCATION", "--log-format=text|json")
        .contains("jdbc:h2:file:./strata-db/strata;AUTO_SERVER=TRUE")
        .contains(
            "Exit codes:",
            "  2  usage error",
            "  5  lock timeout",
            "  7  cannot reach the database")
        .contains("  8  stopped on request (SIGTERM)")
        .contains("--wait-for-database=DURATION", "STRATA_WAIT_FOR_DATABASE");
    assertThat(result.err()).isEmpty();
  }

  @Test
  void theTopLevelHelpListsEveryCommand() {
    CliResult result = Workspace.run("--help");

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.out())
        .contains(
            "migrate",
            "plan",
            "status",
            "validate",
            "down",
            "repair",
            "baseline",
            "history",
            "await")
        .contains("Exit codes:");
  }

  @Test
  void versionPrintsTheStrataAndEngineVersions() {
    CliResult result = Workspace.run("--version");

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.out().strip())
        .matches("strata \\d+\\.\\d+\\.\\d+\\S* \\(engine \\S+, Java \\S+\\)");
  }

  @Test
  void aMissingOrUnknownCommandIsAUsageError() {
    CliResult missing = Workspace.run();
    CliResult unknown = Workspace.run("migrat");

    assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err()).contains("Missing a command: give one of migrate, plan");
    assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(unknown.err()).contains("did you mean migrate");
  }
}
