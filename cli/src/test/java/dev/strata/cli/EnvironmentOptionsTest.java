package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's own options, given as STRATA_* variables instead of on the command line. */
class EnvironmentOptionsTest {
  @TempDir Path dir;
  Workspace ws;

  @BeforeEach
  void setUp() throws Exception {
    ws = Workspace.withPeople(dir);
    ws.strata("migrate", "--target", "1");
  }

  @Test
  void strataLogFormatMakesEveryLineJsonEvenForUsageErrors() {
    CliResult result = Workspace.run(Map.of("STRATA_LOG_FORMAT", "json"), "migrate", "--bogus");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(JsonObjects.parse(result.err().strip())).containsEntry("event", "usage_error");
  }

  @Test
  void anInvalidStrataLogFormatIsAUsageErrorNamingTheVariable() {
    CliResult result = Workspace.run(Map.of("STRATA_LOG_FORMAT", "yaml"), ws.with("status"));

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err())
        .isEqualTo(
            "error: Invalid value for STRATA_LOG_FORMAT (or -Dstrata.logFormat): 'yaml'; use text or json\n");
  }

  @Test
  void strataOutputAndStrataExitCodeConfigureStatus() {
    CliResult result =
        Workspace.run(
            Map.of("STRATA_OUTPUT", "json", "STRATA_EXIT_CODE", "true"), ws.with("status"));

    assertThat(result.exitCode()).isEqualTo(ExitCode.VALIDATION);
    assertThat(JsonObjects.parse(result.out().strip())).containsEntry("up_to_date", false);
  }

  @Test
  void theCommandLineBeatsTheEnvironment() {
    CliResult result =
        Workspace.run(Map.of("STRATA_OUTPUT", "json"), ws.with("history", "--output", "text"));

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.lastLine()).isEqualTo("1 history row in strata_schema_history");
  }

  @Test
  void strataRequireUpToDateConfiguresValidate() {
    CliResult result =
        Workspace.run(Map.of("STRATA_REQUIRE_UP_TO_DATE", "true"), ws.with("validate"));

    assertThat(result.exitCode()).isEqualTo(ExitCode.VALIDATION);
    assertThat(result.err()).contains("is pending");
  }

  @Test
  void aBadValueFromTheEnvironmentIsAUsageErrorNamingTheVariable() {
    CliResult result =
        Workspace.run(
            Map.of("STRATA_PARALLEL", "many"), ws.with("migrate", "--schemas", "tenant_*"));

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err())
        .contains("Invalid value for option '--parallel': 'many' is not an int")
        .contains("(the value comes from STRATA_PARALLEL)");
  }

  @Test
  void waitForDatabaseRetriesAnUnreachableDatabaseThenExitsWith7() {
    CliResult result =
        Workspace.run(
            Map.of("STRATA_WAIT_FOR_DATABASE", "1s"),
            "status",
            "--url",
            "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1&password=hunter2");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.DATABASE_UNREACHABLE);
    assertThat(result.errLines()).hasSizeGreaterThan(2);
    assertThat(result.errLines().get(0))
        .startsWith(
            "Waiting for the database jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1&password=***"
                + " (attempt 1; retrying in 250 ms, giving up in ")
        .contains("): Connection to 127.0.0.1:1 refused");
    assertThat(result.err())
        .contains(
            "error: Cannot connect to jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1&password=*** after waiting 1.0 s")
        .doesNotContain("hunter2");
  }
}
