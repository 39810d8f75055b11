package dev.strata.source.drizzle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.MigrateResult;
import dev.strata.core.Strata;
import dev.strata.testsupport.Corpus;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.PostgresTest;
import dev.strata.testsupport.SchemaDump;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Applies vercel/ai-chatbot's drizzle folder to PostgreSQL and compares the schema with the one
 * drizzle's own run left (the corpus reference dump): as text on the version it was dumped on, by
 * catalog against the reference run by psql on every version.
 */
@PostgresTest
class DrizzleCorpusOnPostgresIT {
  private static final String SET = "drizzle-ai-chatbot-pg";

  @Test
  void appliesAiChatbotToTheSameSchemaAsDrizzle(IsolatedDatabase db, IsolatedDatabase native_)
      throws Exception {
    Path set = Corpus.require(SET);

    MigrateResult result =
        Strata.configure()
            .dataSource(db.dataSource())
            .sources("drizzle:" + set.resolve("migrations"))
            .load()
            .migrate();

    assertThat(result.applied()).hasSize(9);
    if (SchemaDump.majorVersion(db) == SchemaDump.POSTGRES_REFERENCE_MAJOR) {
      assertThat(SchemaDump.postgres(db))
          .isEqualTo(
              SchemaDump.normalize(
                  Files.readString(set.resolve("reference.postgres.sql")),
                  "acc_" + SET.replace('-', '_')));
    }
    // On every server version (the version matrix): the same catalog as the reference script
    // run by psql into a database beside it.
    SchemaDump.restorePostgres(native_, set.resolve("reference.postgres.sql"));
    assertThat(SchemaDump.postgresCatalog(db)).isEqualTo(SchemaDump.postgresCatalog(native_));
  }

  @Test
  void aSecondRunFindsNothingToDo(IsolatedDatabase db) {
    Path set = Corpus.require(SET);
    var strata =
        Strata.configure()
            .dataSource(db.dataSource())
            .sources("drizzle:" + set.resolve("migrations"));

    strata.load().migrate();
    MigrateResult second = strata.load().migrate();

    assertThat(second.applied()).isEmpty();
    assertThat(second.lockTaken()).isFalse();
  }
}
