package dev.strata.dialect.mysql;

import static dev.strata.dialect.mysql.MySqlMigrateIT.execute;
import static dev.strata.dialect.mysql.MySqlMigrateIT.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.DownRequest;
import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrateResult;
import dev.strata.api.MigrationFailedException;
import dev.strata.core.Strata;
import dev.strata.testsupport.Corpus;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real migration sets from the shared corpus (skipped when it is absent), compared with what the
 * mariadb client did with them (their {@code SOURCE.md} and {@code status.mysql.txt}).
 */
@MySqlTest
class MySqlCorpusIT {
  @TempDir Path dir;

  /**
   * Sakila's schema script creates and selects its own database ({@code DROP SCHEMA IF EXISTS
   * sakila; CREATE SCHEMA sakila; USE sakila;}). The copy run here names a database of the test's
   * own instead, so tests never share one, and the drop script gets a {@code USE} of it first,
   * since the original runs it inside {@code sakila}.
   */
  @Test
  void appliesTheSakilaSchemaWithItsThreeDelimitersAndRevertsItLikeTheClient(IsolatedDatabase db)
      throws Exception {
    Path files = Corpus.require("torture-sakila-mysql").resolve("files/mysql-sakila-db");
    Path corpus = files.getParent().getParent();
    String sakila = db.name() + "_sakila";
    copy(files.resolve("mysql-sakila-schema.sql"), "V1__sakila_schema.sql", sakila, "");
    copy(
        files.resolve("mysql-sakila-drop-objects.sql"),
        "U1__sakila_schema.sql",
        sakila,
        "USE " + sakila + ";\n");
    try {
      MigrateResult up = strata(db, "filesystem:" + dir).migrate();

      // The 40 statements `mariadb -v` echoes, and the USE it runs as its own command.
      assertThat(up.applied())
          .singleElement()
          .satisfies(m -> assertThat(m.statements()).isEqualTo(41));
      assertThat(objectsIn(db, sakila)).isEqualTo(32); // as after the mariadb client
      // Routine bodies keep their comments here; the client had stripped them.
      assertThat(SchemaDump.withoutComments(SchemaDump.of(db, sakila)))
          .isEqualTo(SchemaDump.normalise(read(corpus.resolve("reference.mysql.sql")), "sakila"));

      strata(db, "filesystem:" + dir).down(DownRequest.steps(1));

      assertThat(
              query(
                  db,
                  "SELECT table_name FROM information_schema.tables"
                      + " WHERE table_schema = '"
                      + sakila
                      + "'"))
          .containsExactly("actor_info"); // the drop script forgets this view
    } finally {
      execute(db, "DROP DATABASE IF EXISTS `" + sakila + "`");
    }
  }

  @Test
  void stopsOnKestrasFirstFileWhereTheClientStopsAndLeavesTheSameSchema(IsolatedDatabase db)
      throws Exception {
    Path set = Corpus.require("flyway-kestra-mysql");
    Strata strata = strata(db, "filesystem:" + set.resolve("migrations"));

    assertThatThrownBy(strata::migrate)
        .isInstanceOfSatisfying(
            MigrationFailedException.class,
            e -> {
              assertThat(e.origin()).endsWith("V1_1__initial.sql");
              assertThat(e.line()).isEqualTo(42); // "ERROR 1064 (42000) at line 42"
              assertThat(e.sqlState()).isEqualTo("42000");
            })
        .hasMessageContaining(
            "You have an error in your SQL syntax; check the manual that corresponds to your"
                + " MariaDB server version for the right syntax to use near 'offset),")
        .hasMessageContaining("statements 1-2 of ");
    List<HistoryEntry> history = strata.history();
    assertThat(history)
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.success()).isFalse();
              assertThat(h.statementsApplied()).isEqualTo(2);
            });
    assertThat(SchemaDump.of(db, db.name()))
        .isEqualTo(
            SchemaDump.normalise(
                read(set.resolve("reference.mysql.partial.sql")), "acc_flyway_kestra_mysql"));
  }

  @Test
  void stopsOnKetosEleventhMySqlFileWhereTheClientStopsAndLeavesTheSameSchema(IsolatedDatabase db)
      throws Exception {
    Path set = Corpus.require("ory-keto");
    Strata strata = strata(db, "filesystem:" + set.resolve("migrations"));

    assertThatThrownBy(strata::migrate)
        .isInstanceOfSatisfying(
            MigrationFailedException.class,
            e -> {
              assertThat(e.origin())
                  .endsWith("20220513200400000001_uuid-mapping-remove-check.mysql.up.sql");
              assertThat(e.line()).isEqualTo(1);
            })
        .hasMessageContaining(
            "Can't DROP CONSTRAINT `keto_uuid_mappings_chk_1`; check that it exists");
    List<HistoryEntry> history = strata.history();
    assertThat(history).hasSize(11);
    assertThat(history.subList(0, 10)).allSatisfy(h -> assertThat(h.success()).isTrue());
    assertThat(history.get(10).success()).isFalse();
    assertThat(history.get(10).statementsApplied()).isZero();
    assertThat(SchemaDump.of(db, db.name()))
        .isEqualTo(
            SchemaDump.normalise(read(set.resolve("reference.mysql.partial.sql")), "acc_ory_keto"));
  }

  private void copy(Path from, String name, String database, String prefix) throws Exception {
    String text = read(from).replaceAll("\\bsakila\\b", database);
    Files.writeString(dir.resolve(name), prefix + text, StandardCharsets.UTF_8);
  }

  private static int objectsIn(IsolatedDatabase db, String schema) throws Exception {
    String where = " = '" + schema + "'";
    return Integer.parseInt(
        query(
                db,
                "SELECT (SELECT COUNT(*) FROM information_schema.tables WHERE table_schema"
                    + where
                    + ") + (SELECT COUNT(*) FROM information_schema.routines WHERE routine_schema"
                    + where
                    + ") + (SELECT COUNT(*) FROM information_schema.triggers WHERE"
                    + " trigger_schema"
                    + where
                    + ") + (SELECT COUNT(*) FROM"
                    + " information_schema.events WHERE event_schema"
                    + where
                    + ")")
            .get(0));
  }

  private static Strata strata(IsolatedDatabase db, String source) {
    return Strata.configure().dataSource(db.dataSource()).sources(source).load();
  }

  private static String read(Path file) throws Exception {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
