package dev.strata.source.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.MigrateResult;
import dev.strata.core.Strata;
import dev.strata.testsupport.Corpus;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import dev.strata.testsupport.SchemaDump;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
