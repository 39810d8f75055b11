package dev.strata.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.PostgresTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema per tenant on PostgreSQL: {@code migrate --schemas 'tenant_*'} with {@code --parallel 4},
 * and {@code --shard I/N}, over {@value #DEFAULT_TENANTS} tenant schemas in the test's own database
 * ({@code -Dstrata.cli.tenants=N} for another count). Run in-process through {@link Main#run}; what
 * is asserted about each tenant is read from its history table.
 */
@PostgresTest
class ManySchemasPostgresIT {
  static final int DEFAULT_TENANTS = 200;

  /** The system property that changes the number of tenant schemas (passed on by the POM). */
  static final String TENANTS_PROPERTY = "strata.cli.tenants";

  static final List<String> TENANTS =
      IntStream.rangeClosed(1, Integer.getInteger(TENANTS_PROPERTY, DEFAULT_TENANTS))
          .mapToObj(i -> String.format("tenant_%03d", i))
          .toList();

  @TempDir Path dir;

  @Test
  void migratesEveryTenantFourAtATimeAndNamesExactlyTheTwoThatFailed(IsolatedDatabase db)
      throws Exception {
    Workspace ws = tenants(db);
    int n = TENANTS.size();
    // V2 creates `address`; in these two it exists already, so V2 fails there (and rolls back).
    List<String> failing = List.of(TENANTS.get(n / 12), TENANTS.get(n * 5 / 8));
    for (String tenant : failing) {
      DatabaseRows.execute(db.dataSource(), "CREATE TABLE " + tenant + ".address (id INT)");
    }

    long started = System.nanoTime();
    CliResult result = migrate(db, ws, "--schemas", "tenant_*", "--parallel", "4");
    System.out.printf(
        "PostgreSQL: %d tenants, --parallel 4: %d ms%n",
        n, (System.nanoTime() - started) / 1_000_000);

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.MIGRATION_FAILED);
    List<String> rows = result.outLines().subList(2, result.outLines().size() - 1);
    assertThat(rows).hasSize(n);
    for (int i = 0; i < n; i++) {
      String tenant = TENANTS.get(i);
      assertThat(rows.get(i))
          .matches(
              failing.contains(tenant)
                  ? tenant + " +1 +failed +Applying V2 create address failed at .*"
                  : tenant + " +3 +migrated");
    }
    assertThat(result.lastLine())
        .matches(
            "migrated "
                + n
                + " schemas in \\d+ ms: "
                + (n - 2)
                + " succeeded, "
                + ((n - 2) * 3 + 2)
                + " migrations applied; 2 failed: "
                + String.join(", ", failing));
    assertThat(result.err())
        .contains(
            "error: 2 of "
                + n
                + " schemas failed: "
                + failing.get(0)
                + " (failed, exit 6), "
                + failing.get(1)
                + " (failed, exit 6);");
    Map<String, List<String>> history = histories(db);
    for (String tenant : TENANTS) {
      assertThat(history.get(tenant))
          .as(tenant)
          .containsExactlyElementsOf(
              failing.contains(tenant)
                  ? List.of("APPLY 1 true", "APPLY 2 false")
                  : List.of("APPLY 1 true", "APPLY 2 true", "APPLY 3 true"));
    }
    assertThat(tablesIn(db, "other")).isEmpty();

    // Fixed by hand, the two migrate; the others are up to date.
    for (String tenant : failing) {
      DatabaseRows.execute(db.dataSource(), "DROP TABLE " + tenant + ".address");
    }
    started = System.nanoTime();
    CliResult again = migrate(db, ws, "--schemas", "tenant_*", "--parallel", "4");
    System.out.printf(
        "PostgreSQL: %d tenants up to date but 2, --parallel 4: %d ms%n",
        n, (System.nanoTime() - started) / 1_000_000);

    assertThat(again.exitCode()).as(again.toString()).isEqualTo(0);
    assertThat(again.lastLine())
        .matches(
            "migrated " + n + " schemas in \\d+ ms: " + n + " succeeded, 4 migrations applied");
    Map<String, List<String>> after = histories(db);
    assertThat(TENANTS)
        .allSatisfy(
            t ->
                assertThat(after.get(t).stream().filter(r -> r.endsWith("true")))
                    .as(t)
                    .containsExactly("APPLY 1 true", "APPLY 2 true", "APPLY 3 true"));
  }

  @Test
  void threeShardsAreDisjointAndTogetherMigrateEveryTenantExactlyOnce(IsolatedDatabase db)
      throws Exception {
    Workspace ws = tenants(db);

    List<List<String>> shards = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      CliResult shard =
          migrate(
              db,
              ws,
              "--schemas",
              "tenant_*",
              "--shard",
              i + "/3",
              "--parallel",
              "4",
              "--log-format",
              "json");
      assertThat(shard.exitCode()).as(shard.toString()).isEqualTo(0);
      List<String> migrated =
          JsonLogFormatTest.lines(shard).stream()
              .filter(l -> "schema_result".equals(l.get("event")))
              .peek(l -> assertThat(l).containsEntry("status", "migrated"))
              .map(l -> (String) l.get("schema"))
              .toList();
      assertThat(JsonObjects.parse(shard.lastLine()))
          .containsEntry("event", "summary")
          .containsEntry("shard", i + "/3")
          .containsEntry("schemas", (long) migrated.size())
          .containsEntry("count", 3L * migrated.size());
      shards.add(migrated);
    }

    List<String> all = shards.stream().flatMap(List::stream).toList();
    assertThat(all).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(TENANTS);
    assertThat(shards).allSatisfy(s -> assertThat(s).isNotEmpty());
    Map<String, List<String>> history = histories(db);
    assertThat(TENANTS)
        .allSatisfy(
            t ->
                assertThat(history.get(t))
                    .as(t)
                    .containsExactly("APPLY 1 true", "APPLY 2 true", "APPLY 3 true"));
  }

  /** The tenants' schemas, one schema that is no tenant, and three migrations. */
  private Workspace tenants(IsolatedDatabase db) throws Exception {
    DatabaseRows.execute(
        db.dataSource(),
        TENANTS.stream().map(t -> "CREATE SCHEMA " + t).collect(Collectors.joining("; ")),
        "CREATE SCHEMA other");
    return new Workspace(dir.resolve("ws"))
        .file(
            "V1__create_person.sql",
            "CREATE TABLE person (id INT PRIMARY KEY, name VARCHAR(100));\n"
                + "INSERT INTO person VALUES (1, 'Ada');\n")
        .file(
            "V2__create_address.sql",
            "CREATE TABLE address (id INT PRIMARY KEY, person_id INT REFERENCES person (id));\n"
                + "CREATE INDEX address_person ON address (person_id);\n")
        .file("V3__add_email.sql", "ALTER TABLE person ADD COLUMN email VARCHAR(200);\n");
  }

  private static CliResult migrate(IsolatedDatabase db, Workspace ws, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("migrate", "--url", db.jdbcUrl(), "--source", "filesystem:" + ws.migrations));
    args.addAll(List.of(more));
    return Workspace.run(args.toArray(String[]::new));
  }

  /** Every tenant's history rows ("action version success"), read in one query. */
  private static Map<String, List<String>> histories(IsolatedDatabase db) throws Exception {
    String union =
        TENANTS.stream()
            .map(
                t ->
                    "SELECT '"
                        + t
                        + "' AS tenant, installed_rank,"
                        + " action || ' ' || version || ' ' || success AS row FROM "
                        + t
                        + ".strata_schema_history WHERE installed_rank > 0")
            .collect(Collectors.joining(" UNION ALL "));
    Map<String, List<String>> history = new HashMap<>();
    for (String row :
        DatabaseRows.column(
            db.dataSource(),
            "SELECT tenant || '|' || row FROM (" + union + ") h ORDER BY tenant, installed_rank")) {
      String[] parts = row.split("\\|", 2);
      history.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(parts[1]);
    }
    return history;
  }

  private static List<String> tablesIn(IsolatedDatabase db, String schema) throws Exception {
    return DatabaseRows.column(
        db.dataSource(),
        "SELECT table_name FROM information_schema.tables WHERE table_schema = ?",
        schema);
  }
}
