package dev.strata.source.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.DownRequest;
import dev.strata.api.ExecutedMigration;
import dev.strata.api.MigrateResult;
import dev.strata.api.ScriptParseException;
import dev.strata.core.Strata;
import dev.strata.core.StrataConfiguration;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.PostgresTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** goose v3 folders on PostgreSQL: every annotation, applied and reverted. */
@PostgresTest
class GooseOnPostgresIT {
  private static StrataConfiguration.Builder strata(IsolatedDatabase db, Path folder) {
    return Strata.configure().dataSource(db.dataSource()).sources("goose:" + folder);
  }

  @Test
  void appliesEveryAnnotationInVersionOrderAndRevertsThemAll(IsolatedDatabase db) throws Exception {
    var strata = strata(db, Fixtures.folder("goose/postgres"));

    MigrateResult result = strata.load().migrate();

    assertThat(result.applied())
        .extracting(m -> m.id().version().toString())
        .containsExactly("00001", "00002", "9", "10", "20240101120000");
    assertThat(result.applied())
        .extracting(ExecutedMigration::statements)
        .containsExactly(2, 1, 1, 2, 1);
    assertThat(Fixtures.query(db.dataSource(), "SELECT user_count()")).isEqualTo("1");
    assertThat(Fixtures.query(db.dataSource(), "SELECT email FROM users"))
        .isEqualTo("a;b@example.com");
    assertThat(
            Fixtures.query(
                db.dataSource(),
                "SELECT indisvalid FROM pg_index WHERE indexrelid = 'users_email'::regclass"))
        .as("CREATE INDEX CONCURRENTLY ran outside a transaction")
        .isEqualTo("t");
    assertThat(Fixtures.query(db.dataSource(), "SELECT obj_description('envsub_table'::regclass)"))
        .isEqualTo("${not substituted}");
    assertThat(Fixtures.query(db.dataSource(), "SELECT id FROM envsub_table")).isEqualTo("10");

    strata.load().down(DownRequest.steps(5));

    assertThat(
            Fixtures.query(
                db.dataSource(),
                "SELECT count(*) FROM pg_class WHERE relname IN ('users', 'envsub_table',"
                    + " 'users_email')"))
        .isEqualTo("0");
    assertThat(
            Fixtures.query(
                db.dataSource(), "SELECT count(*) FROM pg_proc WHERE proname = 'user_count'"))
        .isEqualTo("0");
    assertThat(strata.load().migrate().applied()).hasSize(5);
  }

  @Test
  void aFileGooseRefusesStopsTheRunBeforeAnythingChanges(IsolatedDatabase db, @TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("1_ok.sql"), "-- +goose Up\nCREATE TABLE ok (id int);\n");
    Files.writeString(
        dir.resolve("2_broken.sql"),
        "-- +goose Up\n\n-- +goose StatementBegin\nCREATE TABLE broken (id int);\n");

    assertThatThrownBy(() -> strata(db, dir).load().migrate())
        .isInstanceOf(ScriptParseException.class)
        .hasMessage(
            dir.resolve("2_broken.sql")
                + ":3: '-- +goose StatementBegin' is never ended; add '-- +goose StatementEnd'");

    assertThat(
            Fixtures.query(db.dataSource(), "SELECT count(*) FROM pg_class WHERE relname = 'ok'"))
        .isEqualTo("0");
    assertThat(strata(db, dir).load().history()).isEmpty();
  }

  @Test
  void aFailingStatementIsReportedAtItsLineInTheFile(IsolatedDatabase db, @TempDir Path dir)
      throws Exception {
    Files.writeString(
        dir.resolve("1_bad.sql"),
        "-- +goose Up\nCREATE TABLE a (id int);\n\nINSERT INTO missing VALUES (1);\n"
            + "-- +goose Down\nDROP TABLE a;\n");

    assertThatThrownBy(() -> strata(db, dir).load().migrate())
        .hasMessageContaining(dir.resolve("1_bad.sql") + ":4");
    assertThat(Fixtures.query(db.dataSource(), "SELECT count(*) FROM pg_class WHERE relname = 'a'"))
        .as("the migration rolled back as a whole")
        .isEqualTo("0");
  }
}
