package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata diff} and {@code strata dump-schema --check} on H2 files. */
class DiffCommandTest {
  @TempDir Path dir;
  Workspace ws;

  @BeforeEach
  void setUp() throws Exception {
    ws = Workspace.withPeople(dir);
    ws.strata("migrate");
  }

  @Test
  void diffExitsWithZeroWhenTheSchemaIsWhatTheMigrationsMake() {
    CliResult result = ws.strata("diff");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.outLines().get(0))
        .matches(
            "Compared with the schema the applied migrations produce \\(in-memory database"
                + " strata_shadow_[a-z0-9]{8}, dropped afterwards\\)\\.");
    assertThat(result.lastLine()).isEqualTo("no drift");
  }

  @Test
  void diffNamesEachDifferenceWithBothDefinitionsAndExitsWithFour() throws Exception {
    ws.execute("ALTER TABLE person ALTER COLUMN name SET DATA TYPE VARCHAR(150)");
    ws.execute("CREATE INDEX hand_made ON person (name)");

    CliResult result = ws.strata("diff");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.VALIDATION);
    assertThat(result.outLines().subList(1, result.outLines().size()))
        .containsExactly(
            "changed column PERSON.NAME",
            "  expected: CHARACTER VARYING(100)",
            "  actual:   CHARACTER VARYING(150)",
            "unexpected index PERSON.HAND_MADE",
            "  actual:   CREATE INDEX \"HAND_MADE\" ON \"PERSON\" (\"NAME\")",
            "drift: 2 differences");
  }

  @Test
  void diffAsJsonIsOneDocument() throws Exception {
    ws.execute("DROP INDEX IF EXISTS nothing");
    ws.execute("ALTER TABLE person ALTER COLUMN name SET NOT NULL");

    CliResult result = ws.strata("diff", "--output", "json");

    assertThat(result.exitCode()).isEqualTo(ExitCode.VALIDATION);
    assertThat(result.outLines()).hasSize(1);
    Map<String, Object> doc = JsonObjects.parse(result.out().strip());
    assertThat(doc).containsEntry("drift", true).containsEntry("pending", List.of());
    assertThat(JsonObjects.objects(doc.get("differences")))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d)
                    .containsEntry("kind", "changed")
                    .containsEntry("type", "column")
                    .containsEntry("table", "PERSON")
                    .containsEntry("name", "NAME")
                    .containsEntry("expected", "CHARACTER VARYING(100)")
                    .containsEntry("actual", "CHARACTER VARYING(100) NOT NULL"));
  }

  @Test
  void diffSaysWhatIsPendingInsteadOfReportingItAsDrift() throws Exception {
    ws.file("V3__phone.sql", "ALTER TABLE person ADD COLUMN phone VARCHAR(20);\n");

    CliResult result = ws.strata("diff");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.out())
        .contains(
            "1 pending migrations are not part of the comparison: V3 phone; run `strata migrate`");
  }

  @Test
  void dumpSchemaCheckPassesOnTheCommittedFileAndFailsNamingTheBlockThatChanged() throws Exception {
    Path file = dir.resolve("schema.sql");
    assertThat(ws.strata("dump-schema", "--output", file.toString()).exitCode()).isZero();

    CliResult same = ws.strata("dump-schema", "--check", file.toString());
    ws.file("V3__phone.sql", "ALTER TABLE person ADD COLUMN phone VARCHAR(20);\n");
    CliResult changed = ws.strata("dump-schema", "--check", file.toString());

    assertThat(same.exitCode()).as(same.toString()).isZero();
    assertThat(same.lastLine()).isEqualTo(file + " is what the migrations produce");
    assertThat(changed.exitCode()).as(changed.toString()).isEqualTo(ExitCode.VALIDATION);
    assertThat(changed.outLines().get(0)).startsWith("changed: table PERSON (the migrations make:");
    assertThat(changed.lastLine())
        .isEqualTo(
            file
                + " is not what the migrations produce; write it again with dump-schema --output "
                + file);
    // The check applied V3 to the shadow only: the live history still has its row 0 and V1, V2.
    assertThat(ws.column("SELECT COUNT(*) FROM \"strata_schema_history\"")).containsExactly("3");
  }

  @Test
  void dumpSchemaCheckOfAMissingFileIsBadInput() {
    CliResult result = ws.strata("dump-schema", "--check", dir.resolve("none.sql").toString());

    assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
    assertThat(result.err()).contains("Cannot read " + dir.resolve("none.sql"));
  }

  @Test
  void dumpSchemaRefusesCheckAndOutputTogether() {
    CliResult result = ws.strata("dump-schema", "--check", "a.sql", "--output", "b.sql");

    assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(Files.exists(dir.resolve("b.sql"))).isFalse();
  }
}
