package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI finds the goose and dbmate sources of source-tools on its class path. */
class GooseAndDbmateSourcesTest {
  @TempDir Path dir;

  @Test
  void migratesAndRevertsAGooseFolder() throws Exception {
    Workspace ws = new Workspace(dir);
    Files.writeString(
        ws.migrations.resolve("00001_create_person.sql"),
        "-- +goose Up\nCREATE TABLE person (id INT PRIMARY KEY);\n-- +goose Down\nDROP TABLE person;\n");
    String source = "goose:" + ws.migrations;

    CliResult migrate = Workspace.run("migrate", "--url", ws.url, "--source", source);
    assertThat(migrate.exitCode()).as(migrate.toString()).isEqualTo(0);
    assertThat(migrate.lastLine()).matches("applied 1 migration \\(V00001\\) in \\d+ ms");
    assertThat(ws.tableExists("PERSON")).isTrue();

    CliResult down = Workspace.run("down", "--steps", "1", "--url", ws.url, "--source", source);
    assertThat(down.exitCode()).as(down.toString()).isEqualTo(0);
    assertThat(ws.tableExists("PERSON")).isFalse();
  }

  @Test
  void namesADbmateFileDbmateWouldNotRun() throws Exception {
    Workspace ws = new Workspace(dir);
    Files.writeString(ws.migrations.resolve("1_no_down.sql"), "-- migrate:up\nSELECT 1;\n");

    CliResult migrate =
        Workspace.run("migrate", "--url", ws.url, "--source", "dbmate:" + ws.migrations);

    assertThat(migrate.exitCode()).isNotEqualTo(0);
    assertThat(migrate.err())
        .contains(ws.migrations.resolve("1_no_down.sql") + ":1 has an up block without");
  }
}
