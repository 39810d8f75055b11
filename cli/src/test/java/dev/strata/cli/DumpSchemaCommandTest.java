package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DumpSchemaCommandTest {
  @TempDir Path dir;
  Workspace ws;

  @BeforeEach
  void setUp() throws Exception {
    ws = Workspace.withPeople(dir);
    ws.strata("migrate");
  }

  @Test
  void dumpSchemaPrintsTheSchemaWithoutStrataTables() {
    CliResult result = ws.strata("dump-schema");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .startsWith("-- The schema as `strata dump-schema` inspects it")
        .contains("\n-- table PERSON\nCREATE TABLE \"PERSON\" (\n")
        .contains("    \"EMAIL\" CHARACTER VARYING(")
        .doesNotContain("strata_schema_history");
  }

  @Test
  void dumpSchemaWritesTheFileNamedByOutputEvenWhenStrataOutputAsksForJson() throws Exception {
    Path file = dir.resolve("schema.sql");

    CliResult result =
        Workspace.run(
            Map.of("STRATA_OUTPUT", "json"), ws.with("dump-schema", "--output", file.toString()));

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .isEqualTo(ws.strata("dump-schema").out());
    assertThat(dir.resolve("json")).doesNotExist();
  }
}
