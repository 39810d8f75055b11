package dev.strata.source.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrationFailedException;
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
 * Applies Umami's Prisma folder for MySQL 8 to MariaDB, where the native run stops at file 5
 * ({@code BIN_TO_UUID} is MySQL 8's) with that file's first {@code ALTER} applied: Strata must stop
 * on the same statement with the server's error and leave the same schema (the corpus's partial
 * reference dump).
 */
@MySqlTest
class PrismaCorpusOnMySqlIT {
  private static final String SET = "prisma-umami-mysql";

  @Test
  void stopsOnTheSameStatementAsTheNativeClientLeavingTheSameSchema(IsolatedDatabase db)
      throws Exception {
    Path set = Corpus.require(SET);
    Path migrations = set.resolve("migrations");
    Strata strata =
        Strata.configure().dataSource(db.dataSource()).sources("prisma:" + migrations).load();

    MigrationFailedException failed =
        catchThrowableOfType(strata::migrate, MigrationFailedException.class);

    Path file5 = migrations.resolve("05_add_visit_id").resolve("migration.sql");
    assertThat(failed).isNotNull();
    assertThat(failed.origin()).isEqualTo(file5.toString());
    assertThat(failed.line()).isEqualTo(4);
    assertThat(failed.sqlState()).isEqualTo("42000");
    assertThat(failed).hasMessageContaining("BIN_TO_UUID does not exist");
    List<HistoryEntry> history = strata.history();
    assertThat(history.stream().filter(HistoryEntry::success).map(e -> e.id().version().toString()))
        .containsExactly("01", "02", "03", "04");
    HistoryEntry last = history.get(history.size() - 1);
    assertThat(last.id().version().toString()).isEqualTo("05");
    assertThat(last.success()).isFalse();
    assertThat(last.statementsApplied()).as("the ALTER before the UPDATE stays").isEqualTo(1);
    assertThat(SchemaDump.mysql(db))
        .isEqualTo(
            SchemaDump.normalize(
                Files.readString(set.resolve("reference.mysql.partial.sql")),
                "acc_" + SET.replace('-', '_')));
  }
}
