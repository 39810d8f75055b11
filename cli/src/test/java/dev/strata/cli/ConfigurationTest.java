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
    assertThat(result.err())
        .contains("--lock-timeout (STRATA_LOCK_TIMEOUT)")
        .contains("'soon' is not a duration");
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
  void aSqlFileThatFollowsNoConventionExitsWith3AndOtherFilesStayQuiet() throws Exception {
    ws.file("notes.txt", "hello");
    ws.file("V366_remove_leading_or_trailing_spaces_in_reportnames.sql", "SELECT 1;");

    CliResult result = ws.strata("migrate");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.CONFIGURATION);
    assertThat(result.err())
        .contains(
            ws.migrations.resolve("V366_remove_leading_or_trailing_spaces_in_reportnames.sql")
                + ": has one underscore between version and description, where Flyway needs two."
                + " Flyway silently ignores such files, so this one has never run on any database"
                + " Flyway migrated. To run it, rename it to"
                + " V366__remove_leading_or_trailing_spaces_in_reportnames.sql; or leave it out"
                + " with --ignore 'V366_remove_leading_or_trailing_spaces_in_reportnames.sql'")
        .doesNotContain("notes.txt");
    assertThat(
            ws.column(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME"
                    + " IN ('strata_schema_history', 'PERSON')"))
        .containsExactly("0");
  }

  @Test
  void ignoreLeavesANearMissOutAndListsItAtInfoLevel() throws Exception {
    ws.file("V7_fix.sql", "SELECT 1;").file("V8_more.sql", "SELECT 1;");

    CliResult result = ws.strata("migrate", "--ignore", "V7_fix.sql", "--ignore", "V8_*.sql");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    assertThat(result.errLines())
        .contains(
            "Ignoring " + ws.migrations.resolve("V7_fix.sql") + " (--ignore)",
            "Ignoring " + ws.migrations.resolve("V8_more.sql") + " (--ignore)")
        .noneMatch(l -> l.startsWith("warning"));
    assertThat(result.lastLine()).startsWith("applied 2 migrations (V1, V2)");
  }

  @Test
  void ignoreComesFromTheEnvironmentCommaSeparated() throws Exception {
    Files.createDirectories(ws.migrations.resolve("legacy"));
    ws.file("V7_fix.sql", "SELECT 1;").file("legacy/old.sql", "SELECT 1;");

    CliResult result =
        Workspace.run(Map.of("STRATA_IGNORE", "V7_fix.sql, legacy/**"), ws.with("migrate"));

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    assertThat(result.err())
        .contains("Ignoring " + ws.migrations.resolve("V7_fix.sql"))
        .contains("Ignoring " + ws.migrations.resolve("legacy/old.sql"));
  }

  @Test
  void aGooseFolderUnderFilesystemExitsWith3NamingGooseAndCreatesNoHistory() throws Exception {
    Workspace goose = new Workspace(dir.resolve("goose"));
    goose
        .file(
            "20240115180414_init.sql",
            "-- +goose Up\nCREATE TABLE t (id INT);\n\n-- +goose Down\nDROP TABLE t;\n")
        .file(
            "20240116093000_add_name.sql",
            "-- +goose Up\n-- +goose StatementBegin\nALTER TABLE t ADD name VARCHAR(9);\n"
                + "-- +goose StatementEnd\n");

    CliResult result = goose.strata("migrate");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.CONFIGURATION);
    assertThat(result.err())
        .contains(
            "filesystem:"
                + goose.migrations
                + " holds 2 .sql files that follow none of its conventions")
        .contains(
            "They are goose migrations: read the location with goose:"
                + goose.migrations
                + " (--source) instead of filesystem:"
                + goose.migrations)
        .contains(goose.migrations.resolve("20240115180414_init.sql").toString())
        .contains(goose.migrations.resolve("20240116093000_add_name.sql").toString());
    assertThat(result.out()).doesNotContain("up to date");
    assertThat(
            goose.column(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME"
                    + " IN ('strata_schema_history', 'T')"))
        .containsExactly("0");
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
