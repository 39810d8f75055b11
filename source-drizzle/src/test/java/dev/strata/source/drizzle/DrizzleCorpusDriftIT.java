package dev.strata.source.drizzle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.schema.SchemaDiff;
import dev.strata.core.Strata;
import dev.strata.testsupport.Corpus;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import dev.strata.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;

/**
 * {@code diff} right after migrating the drizzle corpus sets: the schema the migrations make in a
 * scratch database is the live one, object for object.
 */
class DrizzleCorpusDriftIT {
  @Test
  void aiChatbotOnPostgresHasNoDriftAfterMigrate(@PostgresTest IsolatedDatabase db) {
    assertNoDriftAfterMigrate(
        Strata.configure()
            .url(db.jdbcUrl())
            .sources("drizzle:" + Corpus.require("drizzle-ai-chatbot-pg").resolve("migrations"))
            .load());
  }

  @Test
  void homarrOnMariaDbHasNoDriftAfterMigrate(@MySqlTest IsolatedDatabase db) {
    assertNoDriftAfterMigrate(
        Strata.configure()
            .dataSource(db.dataSource())
            .sources("drizzle:" + Corpus.require("drizzle-homarr-mysql").resolve("migrations"))
            .load());
  }

  private static void assertNoDriftAfterMigrate(Strata strata) {
    strata.migrate();

    SchemaDiff diff = strata.diff();

    assertThat(diff.differences()).as(diff.differences().toString()).isEmpty();
    assertThat(diff.pending()).isEmpty();
    assertThat(diff.actual().objects()).hasSizeGreaterThan(20);
  }
}
