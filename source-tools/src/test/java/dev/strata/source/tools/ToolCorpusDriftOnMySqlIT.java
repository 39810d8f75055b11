package dev.strata.source.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.MigrationFailedException;
import dev.strata.api.ValidationException;
import dev.strata.api.schema.SchemaDiff;
import dev.strata.core.Strata;
import dev.strata.testsupport.Corpus;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import org.junit.jupiter.api.Test;

/**
 * {@code diff} after migrating the goose and Prisma corpus sets on MariaDB: no drift where every
 * migration applies, a refusal naming the failed migration where one fails as under the native
 * client.
 */
@MySqlTest
class ToolCorpusDriftOnMySqlIT {
  @Test
  void gophishHasNoDriftAfterMigrate(IsolatedDatabase db) {
    Strata strata =
        Strata.configure()
            .dataSource(db.dataSource())
            .sources(
                "goose-liamstask:" + Corpus.require("goose-gophish-mysql").resolve("migrations"))
            .load();
    strata.migrate();

    SchemaDiff diff = strata.diff();

    assertThat(diff.differences()).as(diff.differences().toString()).isEmpty();
    assertThat(diff.actual().objects()).hasSizeGreaterThan(20);
  }

  @Test
  void umamiWhoseFifthMigrationFailsOnMariaDbIsRefusedWithTheReason(IsolatedDatabase db) {
    Strata strata =
        Strata.configure()
            .dataSource(db.dataSource())
            .sources("prisma:" + Corpus.require("prisma-umami-mysql").resolve("migrations"))
            .load();
    assertThatThrownBy(strata::migrate).isInstanceOf(MigrationFailedException.class);

    assertThatThrownBy(strata::diff)
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("diff changed nothing: sources and history disagree")
        .hasMessageContaining("05");
  }
}
