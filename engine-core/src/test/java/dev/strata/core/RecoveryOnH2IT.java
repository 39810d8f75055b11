package dev.strata.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.HistoryAction;
import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrationFailedException;
import dev.strata.api.MigrationInfo;
import dev.strata.api.MigrationState;
import dev.strata.api.MigrationVersion;
import dev.strata.api.ScriptParseException;
import dev.strata.api.ValidationException;
import dev.strata.api.ValidationProblem;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryOnH2IT {
  @TempDir Path dir;
  H2Database db;

  @BeforeEach
  void setUp() throws Exception {
    db = new H2Database(dir);
    db.file("V1__create_person.sql", "CREATE TABLE person (id INT PRIMARY KEY);\n");
  }

  @Test
  void aHalfAppliedMigrationIsReportedAndRepairedAfterAFixByHand() throws Exception {
    db.file("V2__two_tables.sql", "CREATE TABLE a (id INT);\n\nCREATE TABLE b (id INT, oops);\n");

    assertThatThrownBy(() -> db.strata().migrate())
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("V2__two_tables.sql:3")
        .hasMessageContaining("statements 1-1 of 2 were applied")
        .hasMessageContaining("`repair`");
    assertThat(db.history()).containsExactly("1 APPLY 1 TRUE 1", "2 APPLY 2 FALSE 1");
    assertThatThrownBy(() -> db.strata().migrate())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("V2 two tables")
        .hasMessageContaining("failed while applying after 1 statement(s)");

    try (var c = db.connect();
        var s = c.createStatement()) {
      s.execute("DROP TABLE a"); // the fix by hand: undo what the failed attempt left
    }
    db.file("V2__two_tables.sql", "CREATE TABLE a (id INT);\n\nCREATE TABLE b (id INT);\n");
    var repaired = db.strata().repair();
    assertThat(repaired.clearedFailures())
        .extracting(id -> id.version().toString())
        .containsExactly("2");

    assertThat(db.strata().migrate().applied()).hasSize(1);
    assertThat(db.strata().history())
        .extracting(HistoryEntry::action)
        .containsExactly(
            HistoryAction.APPLY,
            HistoryAction.APPLY,
            HistoryAction.CLEAR_FAILED,
            HistoryAction.APPLY);
    assertThat(db.tableExists("B")).isTrue();
  }

  @Test
  void aMigrationWhoseFirstStatementFailsStaysPending() throws Exception {
    db.file("V2__bad.sql", "CREATE TABLE c (id INT, oops);\n");

    assertThatThrownBy(() -> db.strata().migrate())
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("nothing of it is applied");

    assertThat(db.strata().status().migrations())
        .extracting(MigrationInfo::state)
        .containsExactly(MigrationState.APPLIED, MigrationState.PENDING);
    db.file("V2__bad.sql", "CREATE TABLE c (id INT);\n");
    assertThat(db.strata().migrate().applied()).hasSize(1);
  }

  @Test
  void anEditedMigrationFailsValidationUntilRepairAcceptsIt() throws Exception {
    db.strata().migrate();
    db.file("V1__create_person.sql", "CREATE TABLE person (id INT PRIMARY KEY); -- edited\n");

    var result = db.strata().validate(false);
    assertThat(result.problems())
        .extracting(ValidationProblem::kind)
        .containsExactly(ValidationProblem.Kind.EDITED);
    assertThat(result.problems().get(0).message())
        .contains("V1__create_person.sql")
        .contains("`repair`");
    assertThatThrownBy(() -> db.strata().migrate()).isInstanceOf(ValidationException.class);

    assertThat(db.strata().repair().realignedChecksums()).hasSize(1);
    assertThat(db.strata().validate(true).isValid()).isTrue();
  }

  @Test
  void aMissingMigrationFileFailsValidation() throws Exception {
    db.file("V2__more.sql", "CREATE TABLE more (id INT);\n");
    db.strata().migrate();
    java.nio.file.Files.delete(db.migrations.resolve("V2__more.sql"));

    assertThat(db.strata().validate(false).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("V2 more").contains("no source has it"));
  }

  @Test
  void validateCanRequireThatNothingIsPending() throws Exception {
    assertThat(db.strata().validate(false).isValid()).isTrue();
    assertThat(db.strata().validate(true).problems())
        .extracting(ValidationProblem::kind)
        .containsExactly(ValidationProblem.Kind.PENDING);
  }

  @Test
  void baselineAdoptsAnExistingDatabaseWithoutRunningItsMigrations() throws Exception {
    try (var c = db.connect();
        var s = c.createStatement()) {
      s.execute("CREATE TABLE person (id INT PRIMARY KEY)");
    }
    db.file("V2__more.sql", "CREATE TABLE more (id INT);\n");

    db.strata().baseline(MigrationVersion.parse("1"));
    var result = db.strata().migrate();

    assertThat(result.applied()).extracting(m -> m.id().version().toString()).containsExactly("2");
    assertThat(db.strata().status().migrations())
        .extracting(MigrationInfo::state)
        .containsExactly(MigrationState.BASELINED, MigrationState.APPLIED);
    assertThatThrownBy(() -> db.strata().baseline(MigrationVersion.parse("3")))
        .hasMessageContaining("already records");
  }

  @Test
  void outOfOrderMigrationsAreRefusedUnlessAllowed() throws Exception {
    db.file("V3__three.sql", "CREATE TABLE three (id INT);\n");
    db.strata().migrate();
    db.file("V2__two.sql", "CREATE TABLE two (id INT);\n");

    assertThatThrownBy(() -> db.strata().migrate())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("V2 two")
        .hasMessageContaining("strata.outOfOrder=true");
    assertThat(db.configure().outOfOrder(true).load().migrate().applied()).hasSize(1);
  }

  @Test
  void targetStopsAtTheGivenVersion() throws Exception {
    db.file("V2__two.sql", "CREATE TABLE two (id INT);\n")
        .file("V3__three.sql", "CREATE TABLE three (id INT);\n");

    var result = db.configure().target(MigrationVersion.parse("2")).load().migrate();

    assertThat(result.applied()).hasSize(2);
    assertThat(db.strata().status().migrations())
        .extracting(MigrationInfo::state)
        .containsExactly(MigrationState.APPLIED, MigrationState.APPLIED, MigrationState.PENDING);
  }

  @Test
  void anUnterminatedQuoteIsAParseErrorThatChangesNothing() throws Exception {
    db.file("V2__broken.sql", "INSERT INTO person VALUES (1);\nINSERT INTO person VALUES ('2);\n");

    assertThatThrownBy(() -> db.strata().migrate())
        .isInstanceOf(ScriptParseException.class)
        .hasMessageContaining("V2__broken.sql:2");
    assertThat(db.tableExists("strata_schema_history")).isFalse();
  }

  @Test
  void repeatableMigrationsRunAfterVersionedOnesAndAgainWhenChanged() throws Exception {
    db.file("R__view.sql", "CREATE OR REPLACE VIEW person_ids AS SELECT id FROM person;\n");
    assertThat(db.strata().migrate().summary()).contains("(V1, R view)");
    assertThat(db.strata().migrate().applied()).isEmpty();

    db.file("R__view.sql", "CREATE OR REPLACE VIEW person_ids AS SELECT id AS pid FROM person;\n");
    assertThat(db.strata().migrate().applied())
        .extracting(m -> m.id().description())
        .containsExactly("view");
  }
}
