package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
  static final String RIGHT = "correct-horse-1";
  static final String WRONG = "wrong-battery-2";

  @TempDir Path dir;
  Workspace ws;

  @BeforeEach
  void setUp() throws Exception {
    ws = Workspace.withPeople(dir);
    // The first connection creates the database with this user and password.
    DriverManager.getConnection(ws.url, "sa", RIGHT).close();
  }

  @Test
  void aWrongPasswordExitsWith7AndThePasswordAppearsNowhere() {
    CliResult result = ws.strata("migrate", "--user", "sa", "--password", WRONG);

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.DATABASE_UNREACHABLE);
    assertThat(result.err())
        .startsWith("error: Cannot connect to " + ws.url)
        .contains("Wrong user name or password");
    assertThat(result.all()).doesNotContain(WRONG).doesNotContain(RIGHT);
  }

  @Test
  void aWrongPasswordInTheUrlOrTheEnvironmentIsMaskedInJsonToo() {
    CliResult inUrl =
        Workspace.run(
            "status", "--url", ws.url + ";USER=sa;PASSWORD=" + WRONG, "--log-format", "json");
    CliResult inEnvironment =
        Workspace.run(
            Map.of("STRATA_URL", ws.url, "STRATA_USER", "sa", "STRATA_PASSWORD", WRONG), "status");

    assertThat(inUrl.exitCode()).as(inUrl.toString()).isEqualTo(ExitCode.DATABASE_UNREACHABLE);
    assertThat(JsonObjects.parse(inUrl.err().strip()).get("message").toString())
        .contains(ws.url + ";USER=sa;PASSWORD=***");
    assertThat(inEnvironment.exitCode()).isEqualTo(ExitCode.DATABASE_UNREACHABLE);
    assertThat(inUrl.all() + inEnvironment.all()).doesNotContain(WRONG);
  }

  @Test
  void thePasswordFileIsReadAndItsContentNeverPrinted() throws Exception {
    Path secret = Files.writeString(dir.resolve("password"), RIGHT + "\n");

    CliResult result = ws.strata("migrate", "--user", "sa", "--password-file", secret.toString());

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    assertThat(result.all()).doesNotContain(RIGHT);
  }

  @Test
  void aPasswordOnTheCommandLineBeatsAPasswordFileOfALowerLayer() throws Exception {
    Path wrongFile = Files.writeString(dir.resolve("password"), WRONG);

    CliResult result =
        Workspace.run(
            Map.of("STRATA_PASSWORD_FILE", wrongFile.toString()),
            ws.with("migrate", "--user", "sa", "--password", RIGHT));

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
  }

  @Test
  void usageErrorsNeverEchoTheGivenPassword() {
    CliResult result = Workspace.run("status", "--password", WRONG, WRONG);

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("'***'").doesNotContain(WRONG);
  }

  @Test
  void passwordAndPasswordFileTogetherAreAUsageError() {
    CliResult result = ws.strata("status", "--password", RIGHT, "--password-file", "/dev/null");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("give --password or --password-file, not both");
  }
}
