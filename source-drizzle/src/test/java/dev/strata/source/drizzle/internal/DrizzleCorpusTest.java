package dev.strata.source.drizzle.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.SqlStatement;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import dev.strata.testsupport.Corpus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Lists the real drizzle-kit folders of the shared corpus; skipped when the corpus is absent. */
class DrizzleCorpusTest {
  private static SourceListing list(Path migrations) {
    // A .sql file the journal left out would be an error: a real drizzle-kit folder holds none.
    return new DrizzleSource("drizzle:" + migrations, migrations, SourceSettings.defaults()).list();
  }

  private static List<SqlStatement> statements(MigrationResource r) throws IOException {
    return r.splitter().split(new String(r.content().read(), StandardCharsets.UTF_8));
  }

  private static List<String> versions(int count) {
    return IntStream.range(0, count).mapToObj(i -> String.format("%04d", i)).toList();
  }

  @Test
  void listsTheNineMigrationsOfAiChatbotInJournalOrder() {
    Path migrations = Corpus.require("drizzle-ai-chatbot-pg").resolve("migrations");

    SourceListing listing = list(migrations);

    assertThat(listing.warnings()).isEmpty();
    assertThat(listing.resources())
        .extracting(r -> r.id().version().toString())
        .containsExactlyElementsOf(versions(9));
    assertThat(listing.resources())
        .extracting(r -> r.id().description())
        .containsExactly(
            "keen devos",
            "sparkling blue marvel",
            "wandering riptide",
            "cloudy glorian",
            "odd slayback",
            "wooden whistler",
            "marvelous frog thor",
            "flowery ben parker",
            "flat forgotten one");
    assertThat(listing.resources())
        .allSatisfy(r -> assertThat(r.splitter()).isSameAs(BreakpointSplitter.INSTANCE))
        .extracting(MigrationResource::origin)
        .startsWith(migrations.resolve("0000_keen_devos.sql").toString());
  }

  @Test
  void splitsAiChatbotWhereDrizzleDoesIncludingAMarkerRightAfterASemicolon() throws IOException {
    SourceListing listing = list(Corpus.require("drizzle-ai-chatbot-pg").resolve("migrations"));

    assertThat(listing.resources())
        .extracting(r -> statements(r).size())
        .containsExactly(3, 5, 7, 1, 1, 5, 2, 1, 1);
    List<SqlStatement> riptide = statements(listing.resources().get(2));
    assertThat(riptide.get(2).line()).isEqualTo(16);
    assertThat(riptide.get(2).sql())
        .isEqualTo("ALTER TABLE \"Chat\" ADD COLUMN \"title\" text NOT NULL");
    assertThat(riptide.get(3).line()).isEqualTo(17);
    assertThat(riptide.get(3).sql()).startsWith("DO $$ BEGIN\n").endsWith("END $$");
    assertThat(listing.resources())
        .flatExtracting(DrizzleCorpusTest::statements)
        .extracting(SqlStatement::sql)
        .noneMatch(sql -> sql.contains("statement-breakpoint"));
  }

  @Test
  void listsTheFortyFourMigrationsOfHomarrInJournalOrder() {
    Path migrations = Corpus.require("drizzle-homarr-mysql").resolve("migrations");

    SourceListing listing = list(migrations);

    assertThat(listing.warnings()).isEmpty();
    assertThat(listing.resources())
        .extracting(r -> r.id().version().toString())
        .containsExactlyElementsOf(versions(44));
    assertThat(listing.resources())
        .extracting(r -> r.id().description())
        .startsWith("harsh photon", "wild alex wilder")
        .contains(
            "change all to snake case",
            "fix on delete actions",
            "add-group-home-board-settings",
            "increase-secret-kind-length")
        .endsWith("add right click preference");
  }

  @Test
  void splitsHomarrWhereDrizzleDoesAndSkipsItsCommentOnlyMigration() throws IOException {
    SourceListing listing = list(Corpus.require("drizzle-homarr-mysql").resolve("migrations"));

    List<MigrationResource> resources = listing.resources();
    assertThat(statements(resources.get(0))).hasSize(42);
    assertThat(statements(resources.get(16))).hasSize(56);
    assertThat(resources.get(23).id().description()).isEqualTo("fix on delete actions");
    assertThat(statements(resources.get(23))).isEmpty();
    assertThat(resources)
        .flatExtracting(DrizzleCorpusTest::statements)
        .hasSize(210)
        .extracting(SqlStatement::sql)
        .allSatisfy(
            sql -> assertThat(sql).doesNotContain("statement-breakpoint").doesNotEndWith(";"));
  }
}
