package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManySchemasTest {
  static final List<String> TENANTS =
      IntStream.rangeClosed(1, 20).mapToObj(i -> String.format("TENANT_%02d", i)).toList();

  @TempDir Path dir;
  Workspace ws;

  @BeforeEach
  void setUp() throws Exception {
    // H2 serialises DDL on its catalog (table SYS), so schemas migrated in parallel wait for
    // each other's DDL, possibly longer than H2's default lock timeout of one second. And no
    // ALTER TABLE ... ADD COLUMN: H2 2.3 can deadlock running it next to other DDL (see
    // docs/kubernetes.md).
    ws =
        new Workspace(dir, ";LOCK_TIMEOUT=10000")
            .file(
                "V1__create_person.sql",
                "CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(100));\n"
                    + "INSERT INTO person VALUES (1, 'Ada');\n")
            .file(
                "V2__create_address.sql",
                "CREATE TABLE address (id INT PRIMARY KEY, person_id INT);\n"
                    + "CREATE INDEX address_person ON address (person_id);\n");
    for (String tenant : TENANTS) {
      ws.execute("CREATE SCHEMA " + tenant);
    }
    ws.execute("CREATE SCHEMA OTHER");
  }

  @Test
  void migratesEveryMatchingSchemaInParallelAndNamesTheOneThatFailed() throws Exception {
    ws.execute("CREATE TABLE TENANT_07.PERSON (id INT)"); // V1 cannot create it there

    CliResult result = ws.strata("migrate", "--schemas", "tenant_*", "--parallel", "4");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.MIGRATION_FAILED);
    List<String> out = result.outLines();
    assertThat(out.get(0)).matches("Schema +Applied +Status +Error");
    assertThat(out.subList(2, 22)).hasSize(20);
    for (int i = 0; i < 20; i++) {
      String tenant = TENANTS.get(i);
      if (tenant.equals("TENANT_07")) {
        assertThat(out.get(i + 2))
            .matches("TENANT_07 +0 +failed +Applying V1 create person failed at .*");
      } else {
        assertThat(out.get(i + 2)).matches(tenant + " +2 +migrated");
        assertThat(historyOf(tenant)).containsExactly("1 TRUE", "2 TRUE");
      }
    }
    assertThat(result.lastLine())
        .matches(
            "migrated 20 schemas in \\d+ ms: 19 succeeded, 38 migrations applied; 1 failed: TENANT_07");
    assertThat(result.err())
        .contains("error: [TENANT_07] Applying V1 create person failed at")
        .contains("[TENANT_03] Applying V1 create person")
        .contains("error: 1 of 20 schemas failed: TENANT_07 (failed, exit 6)");
    assertThat(
            ws.column(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'OTHER'"))
        .containsExactly("0");

    CliResult again =
        ws.strata("migrate", "--schemas", "TENANT_0?,tenant_1*,tenant_20", "--parallel", "4");

    assertThat(again.outLines().subList(2, 22))
        .filteredOn(l -> !l.startsWith("TENANT_07"))
        .allSatisfy(l -> assertThat(l).matches("TENANT_\\d\\d +0 +up to date"));
  }

  @Test
  void twoShardsTogetherMigrateEveryTenantExactlyOnce() {
    CliResult first =
        ws.strata("migrate", "--schemas", "tenant_*", "--shard", "0/2", "--log-format", "json");
    CliResult second =
        Workspace.run(
            Map.of(
                "JOB_COMPLETION_INDEX", "1", "STRATA_PARALLEL", "3", "STRATA_LOG_FORMAT", "json"),
            ws.with("migrate", "--schemas", "tenant_*", "--shard", "2"));

    assertThat(first.exitCode()).as(first.toString()).isEqualTo(0);
    assertThat(second.exitCode()).as(second.toString()).isEqualTo(0);
    List<String> a = migratedSchemas(first);
    List<String> b = migratedSchemas(second);
    assertThat(a).isNotEmpty().doesNotContainAnyElementsOf(b);
    assertThat(b).isNotEmpty();
    List<String> both = new ArrayList<>(a);
    both.addAll(b);
    assertThat(both).containsExactlyInAnyOrderElementsOf(TENANTS);
    assertThat(JsonObjects.parse(first.lastLine()))
        .containsEntry("event", "summary")
        .containsEntry("shard", "0/2")
        .containsEntry("schemas", (long) a.size());
  }

  @Test
  void underJsonLogsProgressLinesNameTheirSchema() {
    CliResult result =
        ws.strata("migrate", "--schemas", "tenant_0*", "--log-format", "json", "--parallel", "2");

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    assertThat(JsonLogFormatTest.lines(result))
        .filteredOn(l -> "migration_completed".equals(l.get("event")))
        .hasSize(18)
        .allSatisfy(l -> assertThat((String) l.get("schema")).startsWith("TENANT_0"));
  }

  @Test
  void aSchemasFileListsSchemasOnePerLineAndAMissingOneIsCreated() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("tenants.txt"), "# tenants\nTENANT_01\n\nNEW_TENANT  # created\n");

    CliResult result = ws.strata("migrate", "--schemas-file", file.toString());

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(0);
    assertThat(result.outLines()).hasSize(5);
    assertThat(historyOf("NEW_TENANT")).containsExactly("1 TRUE", "2 TRUE");
    assertThat(historyOf("TENANT_01")).containsExactly("1 TRUE", "2 TRUE");
  }

  @Test
  void aGlobThatMatchesNothingListsTheSchemasThereAre() {
    CliResult result = ws.strata("migrate", "--schemas", "customer_*");

    assertThat(result.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
    assertThat(result.err())
        .startsWith(
            "error: No schema matches customer_* (--schemas, STRATA_SCHEMAS); the database has: ")
        .contains("OTHER", "TENANT_20");
  }

  @Test
  void optionsThatOnlyGoWithManySchemasAreUsageErrorsWithoutThem() {
    assertThat(ws.strata("migrate", "--parallel", "4").err())
        .contains("--parallel and --shard go with --schemas");
    assertThat(ws.strata("migrate", "--schemas", "t*", "--schema", "x").err())
        .contains("--schema names one schema and --schemas many");
    assertThat(ws.strata("migrate", "--schemas", "t*", "--shard", "2/2").err())
        .contains("write I/N with 0 <= I < N");
    CliResult noIndex = ws.strata("migrate", "--schemas", "t*", "--shard", "4");
    assertThat(noIndex.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(noIndex.err())
        .contains(
            "--shard 4 needs the shard's index: write --shard I/4, or run it where JOB_COMPLETION_INDEX is set");
  }

  private List<String> historyOf(String schema) throws Exception {
    return ws.column(
        "SELECT COALESCE(\"version\", 'R') || ' ' || \"success\" FROM \""
            + schema
            + "\".\"strata_schema_history\" WHERE \"installed_rank\" > 0 ORDER BY \"installed_rank\"");
  }

  private static List<String> migratedSchemas(CliResult result) {
    return JsonLogFormatTest.lines(result).stream()
        .filter(l -> "schema_result".equals(l.get("event")))
        .peek(l -> assertThat(l).containsEntry("status", "migrated").containsEntry("applied", 2L))
        .map(l -> (String) l.get("schema"))
        .toList();
  }
}
