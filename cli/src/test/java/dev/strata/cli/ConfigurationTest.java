package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationTest {
  @TempDir Path dir;
  Workspace ws;
  Workspace other;

  @BeforeEach
  void setUp() throws Exception {
    ws = Workspace.withPeople(dir.resolve("a"));
    other = Workspace.withPeople(dir.resolve("b"));
  }

  @Test
  void strataUrlFromTheEnvironmentIsUsed() throws Exception {
    CliResult result =
        Workspace.run(
            Map.of("STRATA_URL", ws.url, "STRATA_SOURCES", "filesystem:" + ws.migrations),
            "migrate");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    assertThat(ws.history()).hasSize(2);
  }

  @Test
  void theUrlOptionOverridesStrataUrl() throws Exception {
    CliResult result =
        Workspace.run(
            Map.of("STRATA_URL", ws.url, "STRATA_SOURCES", "filesystem:" + ws.migrations),
            "migrate",
            "--url",
            other.url);

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    assertThat(other.history()).hasSize(2);
    assertThat(ws.tableExists("strata_schema_history")).isFalse();
  }

  @Test
  void theConfigFileIsTheLowestLayer() throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("strata.properties"),
            "strata.url=" + ws.url + "\nsources=filesystem:" + ws.migrations + "\ntable=audit\n");

    CliResult fromFile = Workspace.run("migrate", "--config", config.toString());
    CliResult overridden =
        Workspace.run(Map.of("STRATA_URL", other.url), "migrate", "--config", config.toString());

    assertThat(fromFile.exitCode()).as(fromFile.toString()).isEqualTo(0);
    assertThat(ws.tableExists("audit")).isTrue();
    assertThat(overridden.exitCode()).isEqualTo(0);
    assertThat(other.tableExists("audit")).isTrue();
  }

  @Test
  void sourcesOnTheCommandLineReplaceThoseOfLowerLayers() {
    CliResult result =
        Workspace.run(
            Map.of("STRATA_SOURCES", "filesystem:" + dir.resolve("nowhere")), ws.with("migrate"));

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    assertThat(result.lastLine()).startsWith("applied 2 migrations");
  }

  @Test
  void anUnknownLocationPrefixExitsWith3() {
    CliResult result = Workspace.run("migrate", "--url", ws.url, "--source", "nope:x");

    assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
    assertThat(result.err()).startsWith("error: Unknown location prefix 'nope:' in nope:x");
  }

  @Test
  void aMissingLocationExitsWith3() {
    Path missing = dir.resolve("missing");

    CliResult result =
        Workspace.run("migrate", "--url", ws.url, "--source", "filesystem:" + missing);

    assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
    assertThat(result.err())
        .contains("The migration location filesystem:" + missing + " does not exist");
  }

  @Test
  void anInvalidOptionValueIsAConfigurationError() {
    CliResult result = ws.strata("migrate", "--lock-timeout", "soon");

    assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
    assertThat(result.err()).contains("strata.lockTimeout").contains("'soon' is not a duration");
  }

  @Test
  void anUnreadableConfigFileIsAConfigurationError() {
    CliResult result = ws.strata("status", "--config", dir.resolve("absent.properties").toString());

    assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
    assertThat(result.err()).contains("Cannot read the configuration file");
  }

  @Test
  void anInvalidTargetVersionIsAUsageError() {
    CliResult result = ws.strata("migrate", "--target", "next");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(result.err()).contains("'next' is not a migration version");
  }

  @Test
  void strictNamingTurnsAnIgnoredFileIntoAnError() throws Exception {
    ws.file("notes.txt", "hello");

    CliResult result = ws.strata("migrate", "--strict-naming");

    assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
    assertThat(result.err()).contains("notes.txt");
  }

  @Test
  void aDatabaseThatCannotBeReachedExitsWith7() {
    CliResult result =
        ws.strata("status", "--url", "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.DATABASE_UNREACHABLE);
    assertThat(result.err())
        .startsWith("error: Cannot connect to jdbc:postgresql://127.0.0.1:1/none");
  }
}
