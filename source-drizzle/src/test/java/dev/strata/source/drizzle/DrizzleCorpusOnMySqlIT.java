package dev.strata.source.drizzle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.ExecutedMigration;
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
 * Applies homarr's MySQL drizzle folder to MariaDB (whose client cannot take the files unsplit:
 * {@code --> statement-breakpoint} is no MySQL comment) and compares the schema with the one the
 * native client left (the corpus reference dump).
 */
@MySqlTest
class DrizzleCorpusOnMySqlIT {
  private static final String SET = "drizzle-homarr-mysql";

  @Test
  void appliesHomarrToTheSameSchemaAsTheNativeClient(IsolatedDatabase db) throws Exception {
    Path set = Corpus.require(SET);

    MigrateResult result =
        Strata.configure()
            .dataSource(db.dataSource())
            .sources("drizzle:" + set.resolve("migrations"))
            .load()
            .migrate();

    assertThat(result.applied()).hasSize(44);
    assertThat(result.applied().get(23))
        .extracting(ExecutedMigration::statements)
        .as("the comment-only migration 0023 runs no statement")
        .isEqualTo(0);
    assertThat(SchemaDump.mysql(db))
        .isEqualTo(
            SchemaDump.normalize(
                Files.readString(set.resolve("reference.mysql.sql")),
                "acc_" + SET.replace('-', '_')));
  }
}
