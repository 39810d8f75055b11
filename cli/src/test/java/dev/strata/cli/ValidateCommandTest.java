package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  @TempDir Path dir;
  Workspace ws;

  @BeforeEach
  void setUp() throws Exception {
    ws = Workspace.withPeople(dir);
    ws.strata("migrate");
  }

  @Test
  void validatePassesWhenSourcesAndHistoryAgree() {
    CliResult result = ws.strata("validate");

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.outLines()).containsExactly("valid: sources and history agree");
  }

  @Test
  void editingAnAppliedFileMakesValidateExitWith4NamingEachDifference() throws Exception {
    ws.file("V1__create_person.sql", "CREATE TABLE person (id INT);\n");
    Files.delete(ws.migrations.resolve("V2__add_email.sql"));
    Files.delete(ws.migrations.resolve("U2__add_email.sql"));

    CliResult result = ws.strata("validate");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.VALIDATION);
    assertThat(result.err())
        .startsWith("error: validate found 2 differences between sources and history:")
        .contains(
            "  - V1 create person ("
                + ws.migrations.resolve("V1__create_person.sql")
                + ") was edited")
        .contains(
            "  - V2 add email ("
                + ws.migrations.resolve("V2__add_email.sql")
                + ") is applied but no source has it");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void requireUpToDateCountsPendingMigrationsAsDifferences() throws Exception {
    ws.file("V3__add_phone.sql", "ALTER TABLE person ADD COLUMN phone VARCHAR(20);\n");

    CliResult plain = ws.strata("validate");
    CliResult strict = ws.strata("validate", "--require-up-to-date");

    assertThat(plain.exitCode()).isEqualTo(0);
    assertThat(strict.exitCode()).isEqualTo(ExitCode.VALIDATION);
    assertThat(strict.err())
        .contains("V3 add phone (" + ws.migrations.resolve("V3__add_phone.sql") + ") is pending");
  }

  @Test
  void checkSchemaPassesWhenTheSchemaIsWhatTheMigrationsMake() {
    CliResult result = ws.strata("validate", "--check-schema");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.outLines())
        .endsWith(
            "no drift",
            "valid: sources and history agree, and the schema is what the migrations make");
  }

  @Test
  void checkSchemaExitsWith4NamingEachDifferenceAsDiffDoes() throws Exception {
    ws.execute("CREATE INDEX hand_made ON person (name)");

    CliResult plain = ws.strata("validate");
    CliResult checked = ws.strata("validate", "--check-schema");

    assertThat(plain.exitCode()).as(plain.toString()).isZero();
    assertThat(checked.exitCode()).as(checked.toString()).isEqualTo(ExitCode.VALIDATION);
    assertThat(checked.outLines().subList(1, checked.outLines().size()))
        .containsExactly(
            "unexpected index PERSON.HAND_MADE",
            "  actual:   CREATE INDEX \"HAND_MADE\" ON \"PERSON\" (\"NAME\")",
            "drift: 1 difference");
    assertThat(checked.err())
        .contains(
            "sources and history agree, but the schema drifted from what the applied migrations"
                + " make: 1 difference, printed above");
  }

  @Test
  void checkSchemaComesAfterTheUsualValidationWhichFailsFirst() throws Exception {
    ws.file("V1__create_person.sql", "CREATE TABLE person (id INT);\n");
    ws.execute("CREATE INDEX hand_made ON person (name)");

    CliResult result = ws.strata("validate", "--check-schema");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.VALIDATION);
    assertThat(result.err()).contains("was edited");
    assertThat(result.out()).isEmpty();
  }
}
