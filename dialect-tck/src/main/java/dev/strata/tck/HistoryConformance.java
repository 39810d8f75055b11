package dev.strata.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.HistoryAction;
import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrateResult;
import dev.strata.core.Strata;
import dev.strata.spi.support.HistoryTable;
import java.nio.charset.Charset;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The history table: created once under contention, rows written and read back unchanged. */
abstract class HistoryConformance extends ConformanceGroup {
  private static final int MIGRATORS = 4;

  @Test
  void readsAnEmptyHistoryFromAFreshDatabaseWithoutCreatingAnything() throws Exception {
    assertThat(fixture().strata().history()).isEmpty();
    assertThat(fixture().tables()).doesNotContain(HistoryTable.DEFAULT_NAME);
  }

  @Test
  void createsTheTableWithEveryColumnOfTheContractInOrder() throws Exception {
    fixture().file("V1__first.sql", "CREATE TABLE tck_first (id INT);\n");

    fixture().strata().migrate();

    List<String> columns = new ArrayList<>(HistoryTable.COLUMNS);
    columns.addAll(HistoryTable.ADDED_COLUMNS);
    assertThat(fixture().columns(fixture().schema(), HistoryTable.DEFAULT_NAME))
        .containsExactlyElementsOf(columns);
  }

  @Test
  void createsTheTableOnceWhenFourMigratorsStartTogether() throws Exception {
    fixture().file("V1__first.sql", "CREATE TABLE tck_first (id INT);\n");
    CyclicBarrier start = new CyclicBarrier(MIGRATORS);
    ExecutorService pool = Executors.newFixedThreadPool(MIGRATORS);
    List<MigrateResult> results = new ArrayList<>();
    try {
      List<Future<MigrateResult>> running = new ArrayList<>();
      for (int i = 0; i < MIGRATORS; i++) {
        Strata strata = fixture().strata();
        running.add(
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return strata.migrate();
                }));
      }
      for (Future<MigrateResult> r : running) {
        results.add(r.get(90, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(results.stream().mapToInt(r -> r.applied().size()).sum())
        .as("migrations applied by %d migrators together", MIGRATORS)
        .isEqualTo(1);
    assertThat(fixture().strata().history())
        .singleElement()
        .satisfies(e -> assertThat(e.action()).isEqualTo(HistoryAction.APPLY))
        .satisfies(e -> assertThat(e.success()).isTrue());
    assertThat(fixture().tables()).contains(HistoryTable.DEFAULT_NAME, "tck_first");
  }

  @Test
  void appendsRowsAndReadsThemBackUnchanged() throws Exception {
    Instant before = Instant.now().minusSeconds(1);
    fixture().file("V1__first.sql", "CREATE TABLE tck_first (id INT);\n");
    fixture().strata().migrate();
    fixture()
        .file(
            "V2__second.sql",
            "CREATE TABLE tck_second (id INT);\nINSERT INTO tck_second VALUES (1);\n");
    fixture().strata().migrate();
    Instant after = Instant.now().plusSeconds(1);

    List<HistoryEntry> history = fixture().strata().history();

    assertThat(history).extracting(HistoryEntry::rank).containsExactly(1L, 2L);
    assertThat(history).extracting(e -> e.id().toString()).containsExactly("V1 first", "V2 second");
    assertThat(history)
        .extracting(HistoryEntry::script)
        .satisfiesExactly(
            s -> assertThat(s).endsWith("V1__first.sql"),
            s -> assertThat(s).endsWith("V2__second.sql"));
    assertThat(history).extracting(HistoryEntry::statementsApplied).containsExactly(1, 2);
    assertThat(history)
        .allSatisfy(
            e -> {
              assertThat(e.action()).isEqualTo(HistoryAction.APPLY);
              assertThat(e.success()).isTrue();
              assertThat(e.checksum()).isNotBlank();
              assertThat(e.installedAt()).isBetween(before, after);
              assertThat(e.durationMs()).isNotNegative();
              assertThat(e.engineVersion()).isEqualTo(fixture().strata().version());
            });
    assertThat(history.get(0).checksum()).isNotEqualTo(history.get(1).checksum());
  }

  @Test
  void keepsAUnicodeDescriptionAndScriptName() throws Exception {
    String file = "V1__naïve_café_ünïcode_日本.sql";
    Assumptions.assumeTrue(
        Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"))
            .newEncoder()
            .canEncode(file),
        "this JVM's file-name encoding cannot name the file (set LANG to a UTF-8 locale)");
    fixture().file(file, "CREATE TABLE tck_first (id INT);\n");

    fixture().strata().migrate();

    assertThat(fixture().strata().history())
        .singleElement()
        .satisfies(e -> assertThat(e.id().description()).isEqualTo("naïve café ünïcode 日本"))
        .satisfies(e -> assertThat(e.script()).endsWith(file));
  }

  @Test
  void keepsADescriptionOfTwoHundredCharacters() throws Exception {
    String description = "d".repeat(200);
    fixture().file("V1__" + description + ".sql", "CREATE TABLE tck_first (id INT);\n");

    fixture().strata().migrate();

    assertThat(fixture().strata().history())
        .singleElement()
        .satisfies(e -> assertThat(e.id().description()).isEqualTo(description));
  }

  @Test
  void quotesIdentifiersSoTheyAreUsedExactlyAsWritten() throws Exception {
    String table = "Tck Quoted-Name";
    try (Connection c = fixture().connect();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + fixture().qualified(fixture().schema(), table) + " (id INT)");
    }

    List<String> columns = fixture().columns(fixture().schema(), table);

    assertThat(columns).as("columns of the table created as %s", table).containsExactly("id");
  }

  @TestFactory
  Stream<DynamicTest> keepsHistoryAndMigrationsInSchemasWithUnusualNames() {
    List<String> names = fixture().tck().unusualSchemaNames();
    Assumptions.assumeFalse(names.isEmpty(), "the provider lists no unusualSchemaNames()");
    return names.stream()
        .map(TckFixture::unique)
        .map(
            schema -> DynamicTest.dynamicTest("schema \"" + schema + "\"", () -> inSchema(schema)));
  }

  private void inSchema(String schema) throws Exception {
    fixture()
        .onClose(
            () -> fixture().execute(fixture().tck().dropSchema(fixture().dialect().quote(schema))));
    fixture().file("V1__first.sql", "CREATE TABLE tck_first (id INT);\n");
    Strata strata = fixture().configure().schema(schema).load();

    assertThat(strata.migrate().applied()).hasSize(1);
    assertThat(strata.migrate().applied()).as("applied on the second run").isEmpty();

    assertThat(strata.history()).extracting(e -> e.id().toString()).containsExactly("V1 first");
    assertThat(fixture().tables(schema)).contains(HistoryTable.DEFAULT_NAME, "tck_first");
    assertThat(fixture().tables()).doesNotContain(HistoryTable.DEFAULT_NAME, "tck_first");
  }
}
