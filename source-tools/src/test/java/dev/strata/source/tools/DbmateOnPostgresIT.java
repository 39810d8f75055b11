package dev.strata.source.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.DownRequest;
import dev.strata.api.MigrateResult;
import dev.strata.api.MigrationDiscoveryException;
import dev.strata.core.Strata;
import dev.strata.core.StrataConfiguration;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.PostgresTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dbmate folders on PostgreSQL: blocks split by the dialect, transaction:false, down. */
@PostgresTest
class DbmateOnPostgresIT {
  private static StrataConfiguration.Builder strata(IsolatedDatabase db, Path folder) {
    return Strata.configure().dataSource(db.dataSource()).sources("dbmate:" + folder);
  }

  @Test
  void appliesTheBlocksAndRevertsThem(IsolatedDatabase db) throws Exception {
    var strata = strata(db, Fixtures.folder("dbmate/postgres"));

    MigrateResult result = strata.load().migrate();

    assertThat(result.applied())
        .extracting(m -> m.id().toString())
        .containsExactly("V20151129054053 create users", "V20151129054054 index concurrently");
    assertThat(Fixtures.query(db.dataSource(), "SELECT user_count()")).isEqualTo("1");
    assertThat(
            Fixtures.query(
                db.dataSource(),
                "SELECT indisvalid FROM pg_index WHERE indexrelid = 'users_email'::regclass"))
        .isEqualTo("t");

    strata.load().down(DownRequest.steps(2));

    assertThat(
            Fixtures.query(
                db.dataSource(),
                "SELECT count(*) FROM pg_class WHERE relname IN ('users', 'users_email')"))
        .isEqualTo("0");
  }

  @Test
  void aFailingStatementIsReportedAtItsLineInTheFile(IsolatedDatabase db, @TempDir Path dir)
      throws Exception {
    Files.writeString(
        dir.resolve("1_bad.sql"),
        "-- migrate:up\nCREATE TABLE a (id int);\n\nINSERT INTO missing VALUES (1);\n"
            + "-- migrate:down\nDROP TABLE a;\n");

    assertThatThrownBy(() -> strata(db, dir).load().migrate())
        .hasMessageContaining(dir.resolve("1_bad.sql") + ":4");
    assertThat(Fixtures.query(db.dataSource(), "SELECT count(*) FROM pg_class WHERE relname = 'a'"))
        .isEqualTo("0");
  }

  @Test
  void aFileDbmateRefusesStopsTheRunBeforeAnythingChanges(IsolatedDatabase db, @TempDir Path dir)
      throws Exception {
    Files.writeString(
        dir.resolve("1_ok.sql"), "-- migrate:up\nCREATE TABLE ok (id int);\n-- migrate:down\n");
    Files.writeString(dir.resolve("2_no_down.sql"), "-- migrate:up\nCREATE TABLE b (id int);\n");

    assertThatThrownBy(() -> strata(db, dir).load().migrate())
        .isInstanceOf(MigrationDiscoveryException.class)
        .hasMessageContaining(dir.resolve("2_no_down.sql") + ":1 has an up block without");
    assertThat(
            Fixtures.query(db.dataSource(), "SELECT count(*) FROM pg_class WHERE relname = 'ok'"))
        .isEqualTo("0");
  }
}
