package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineCommandTest {
  @TempDir Path dir;
  Workspace ws;

  @BeforeEach
  void setUp() throws Exception {
    ws = Workspace.withPeople(dir);
  }

  @Test
  void baselineAdoptsAnExistingDatabaseSoOlderMigrationsNeverRun() throws Exception {
    // The schema the database already had; V1 would fail if it ran again.
    ws.execute("CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(100))");

    CliResult baseline = ws.strata("baseline", "--version", "1");

    assertThat(baseline.exitCode()).as(baseline.toString()).isEqualTo(0);
    assertThat(baseline.outLines())
        .containsExactly(
            "baselined at version 1: migrations up to and including 1 count as applied");
    assertThat(ws.strata("status").out()).containsPattern("1 +create person +baselined");
    assertThat(ws.strata("migrate").lastLine()).matches("applied 1 migration \\(V2\\) in \\d+ ms");
  }

  @Test
  void baselineFromDbmateAdoptsItsVersionsAndWarnsAboutOneItWouldStillApply() throws Exception {
    ws.file("V3__pets.sql", "CREATE TABLE pet (id INT PRIMARY KEY);\n");
    ws.execute("CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(100))");
    ws.execute("CREATE TABLE pet (id INT PRIMARY KEY)");
    ws.execute("CREATE TABLE \"schema_migrations\" (\"version\" varchar(255) primary key)");
    ws.execute("INSERT INTO \"schema_migrations\" VALUES ('1'), ('3')");

    CliResult baseline = ws.strata("baseline", "--from", "dbmate");

    assertThat(baseline.exitCode()).as(baseline.toString()).isEqualTo(0);
    assertThat(baseline.out() + baseline.err())
        .contains("V2 add email (")
        .contains("so it stays pending: dbmate would apply it next")
        .contains("adopted 2 migration(s) that dbmate applied, up to 3; they will not run again");
    assertThat(ws.strata("migrate", "--out-of-order").lastLine())
        .matches("applied 1 migration \\(V2\\) in \\d+ ms");
  }

  @Test
  void baselineRefusesADatabaseThatAlreadyHasHistory() {
    ws.strata("migrate");

    CliResult result = ws.strata("baseline", "--version", "1");

    assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
    assertThat(result.err()).contains("already records 2 row(s)");
  }

  @Test
  void baselineNeedsAValidVersion() {
    CliResult missing = ws.strata("baseline");
    CliResult invalid = ws.strata("baseline", "--version", "v1");

    assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(missing.err()).contains("--version");
    assertThat(invalid.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(invalid.err()).contains("'v1' is not a migration version");
  }
}
