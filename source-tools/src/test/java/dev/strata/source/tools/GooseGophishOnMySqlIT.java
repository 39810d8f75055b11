package dev.strata.source.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.MigrateResult;
import dev.strata.api.MigrationVersion;
import dev.strata.core.Strata;
import dev.strata.testsupport.Corpus;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import dev.strata.testsupport.SchemaDump;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Applies gophish's MySQL folder, written for the original liamstask goose, to MariaDB through
 * {@code goose-liamstask:} and compares the schema with the one the reference run left (each
 * statement as that goose's splitter cuts it, see the set's SOURCE.md).
 */
@MySqlTest
class GooseGophishOnMySqlIT {
  private static final String SET = "goose-gophish-mysql";

  @Test
  void appliesGophishToTheSameSchemaAsTheOriginalGoose(IsolatedDatabase db) throws Exception {
    Path set = Corpus.require(SET);

    MigrateResult result =
        Strata.configure()
            .dataSource(db.dataSource())
            .sources("goose-liamstask:" + set.resolve("migrations"))
            .load()
            .migrate();

    assertThat(result.applied()).hasSize(28);
    assertThat(SchemaDump.mysql(db))
        .isEqualTo(
            SchemaDump.normalize(
                Files.readString(set.resolve("reference.mysql.sql")),
                "acc_" + SET.replace('-', '_')));
  }

  /**
   * A gophish database the original goose migrated up to 0.8.0 (21 migrations, its rows in {@code
   * goose_db_version} as that goose writes them) is adopted through {@code goose-liamstask:}; the
   * next migrate applies the other 7 and ends at the reference schema.
   */
  @Test
  void adoptsAGophishDatabaseTheOriginalGooseMigratedHalfwayAndFinishesIt(IsolatedDatabase db)
      throws Exception {
    String location = "goose-liamstask:" + Corpus.require(SET).resolve("migrations");
    // The schema goose left: the same statements, run by Strata, whose history is then dropped.
    List<String> applied =
        Strata.configure()
            .dataSource(db.dataSource())
            .sources(location)
            .target(MigrationVersion.parse("20190219214543"))
            .load()
            .migrate()
            .applied()
            .stream()
            .map(m -> m.id().version().toString())
            .toList();
    assertThat(applied).hasSize(21);
    Adopting.sql(db.dataSource(), "DROP TABLE strata_schema_history");
    // liamstask's lib/goose/dialect.go (MySqlDialect): the table, then version 0, then each up.
    Adopting.sql(
        db.dataSource(),
        "CREATE TABLE goose_db_version (\n"
            + "                id serial NOT NULL,\n"
            + "                version_id bigint NOT NULL,\n"
            + "                is_applied boolean NOT NULL,\n"
            + "                tstamp timestamp NULL default now(),\n"
            + "                PRIMARY KEY(id)\n"
            + "            );");
    for (String v : prepend("0", applied)) {
      Adopting.sql(
          db.dataSource(),
          "INSERT INTO goose_db_version (version_id, is_applied) VALUES (?, ?);",
          Long.parseLong(v),
          true);
    }

    Adopting.adoptsThenAppliesOnly(
        Adopting.strata(db.dataSource(), location),
        "goose",
        applied,
        List.of(
            "20191104103306",
            "20200116000000",
            "20200619000000",
            "20200730000000",
            "20200914000000",
            "20201201000000",
            "20220321133237"));
    // Adoption only read goose's table; the reference schema is the application's alone.
    Adopting.sql(db.dataSource(), "DROP TABLE goose_db_version");
    assertThat(SchemaDump.mysql(db))
        .isEqualTo(
            SchemaDump.normalize(
                Files.readString(Corpus.require(SET).resolve("reference.mysql.sql")),
                "acc_" + SET.replace('-', '_')));
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> all = new java.util.ArrayList<>(List.of(first));
    all.addAll(rest);
    return all;
  }
}
