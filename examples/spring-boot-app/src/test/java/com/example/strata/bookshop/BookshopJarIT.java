package com.example.strata.bookshop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.MigrationVersion;
import dev.strata.core.Strata;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.PostgresTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import tools.jackson.databind.JsonNode;

/**
 * The bookshop's executable jar, started with {@code java -jar} against a fresh PostgreSQL database
 * per test: Strata migrates before Hibernate validates the entities, concurrent starts apply each
 * migration once, and a validating replica refuses a database that lacks a migration.
 */
@PostgresTest
class BookshopJarIT {
  private static final String HISTORY = "strata_schema_history";

  private final List<BookshopProcess> processes = new ArrayList<>();

  @AfterEach
  void stopTheApplications() {
    for (BookshopProcess p : processes) {
      p.close();
    }
  }

  @Test
  void migratesAFreshDatabaseThenHibernateValidatesAndServesIt(IsolatedDatabase db, TestInfo test)
      throws Exception {
    BookshopProcess app = start(test, "app", db);
    Duration started = app.awaitHealthy();
    System.out.printf("bookshop jar healthy %d ms after java -jar%n", started.toMillis());

    assertThat(tables(db)).contains("author", "book", HISTORY);
    assertThat(appliedVersions(db)).containsExactly("1", "2", "3");
    assertThat(app.output()).contains("Strata: applied 3 migrations").doesNotContain("ERROR");

    // Hibernate reads the tables through the entities: the rows V3 inserted.
    JsonNode books = app.getJson("/books");
    assertThat(books.findValuesAsString("title"))
        .containsExactly("Invisible Cities", "The Dispossessed");
    assertThat(books.findValuesAsString("author"))
        .containsExactly("Italo Calvino", "Ursula K. Le Guin");

    JsonNode health = app.getJson("/actuator/health");
    assertThat(health.path("status").asString()).isEqualTo("UP");
    assertThat(health.at("/components/strata/status").asString()).isEqualTo("UP");
    assertThat(appliedCount(app)).isEqualTo(3.0);
    JsonNode endpoint = app.getJson("/actuator/strata");
    assertThat(endpoint.findValues("state"))
        .extracting(JsonNode::asString)
        .containsExactly("applied", "applied", "applied");
  }

  @Test
  void aReplicaInValidateModeStartsOnAnUpToDateDatabaseAndChangesNothing(
      IsolatedDatabase db, TestInfo test) throws Exception {
    migrate(db, null);
    int rowsBefore = historyRows(db);

    BookshopProcess replica = start(test, "replica", db, "--strata.mode=validate");
    replica.awaitHealthy();

    assertThat(replica.output()).contains("is up to date with classpath:db/migration");
    assertThat(historyRows(db)).isEqualTo(rowsBefore);
    assertThat(appliedCount(replica)).isZero();
    assertThat(replica.getJson("/books").size()).isEqualTo(2);
  }

  @Test
  void twoInstancesStartingTogetherApplyEachMigrationOnce(IsolatedDatabase db, TestInfo test)
      throws Exception {
    BookshopProcess first = start(test, "first", db);
    BookshopProcess second = start(test, "second", db);

    first.awaitHealthy();
    second.awaitHealthy();

    assertThat(appliedVersions(db)).containsExactly("1", "2", "3");
    // Between them they applied three migrations: one did the work, the other found it done
    // (after waiting for the lock, or on the fast path if it came late).
    assertThat(appliedCount(first) + appliedCount(second)).isEqualTo(3.0);
    for (BookshopProcess app : List.of(first, second)) {
      assertThat(app.getJson("/actuator/health").path("status").asString()).isEqualTo("UP");
      assertThat(app.getJson("/books").size()).isEqualTo(2);
    }
  }

  @Test
  void refusesToStartInValidateModeNamingTheMissingMigration(IsolatedDatabase db, TestInfo test)
      throws Exception {
    migrate(db, MigrationVersion.parse("2"));

    BookshopProcess replica = start(test, "replica", db, "--strata.mode=validate");
    int exitCode = replica.awaitExit();

    assertThat(exitCode).isNotZero();
    assertThat(replica.output())
        .contains("APPLICATION FAILED TO START")
        .contains("Schema mismatch")
        .contains("V3 add publication year")
        .doesNotContain("Strata: applied");
    assertThat(appliedVersions(db)).containsExactly("1", "2");
    assertThat(columns(db, "book")).doesNotContain("published_in");
  }

  @Test
  void withoutStrataHibernateRefusesTheEmptyDatabase(IsolatedDatabase db, TestInfo test)
      throws Exception {
    BookshopProcess app = start(test, "app", db, "--strata.mode=none");
    int exitCode = app.awaitExit();

    // The control for the first test: ddl-auto=validate does check the schema.
    assertThat(exitCode).isNotZero();
    // Hibernate 7 (Spring Boot 4) writes "Schema validation: ...", 6 (Spring Boot 3.5) "Schema-".
    assertThat(app.output()).containsPattern("Schema[ -]validation: missing table");
    assertThat(tables(db)).doesNotContain("author", "book");
  }

  // --- helpers

  private BookshopProcess start(TestInfo test, String name, IsolatedDatabase db, String... args) {
    String method = test.getTestMethod().map(m -> m.getName()).orElse("test");
    BookshopProcess p = BookshopProcess.start(method + "-" + name, db, args);
    processes.add(p);
    return p;
  }

  /** Migrates with the application's own migrations through the engine, up to {@code target}. */
  private static void migrate(IsolatedDatabase db, MigrationVersion target) {
    Strata.configure()
        .dataSource(db.dataSource())
        .sources("classpath:db/migration")
        .target(target)
        .load()
        .migrate();
  }

  private static double appliedCount(BookshopProcess app) throws Exception {
    JsonNode metric = app.getJson("/actuator/metrics/strata.migrations.applied");
    return metric.at("/measurements/0/value").asDouble();
  }

  /** The versions applied, in the order the history recorded them; each appears once per APPLY. */
  private static List<String> appliedVersions(IsolatedDatabase db) throws SQLException {
    return strings(
        db,
        "SELECT version FROM "
            + HISTORY
            + " WHERE action = 'APPLY' AND success ORDER BY installed_rank");
  }

  private static int historyRows(IsolatedDatabase db) throws SQLException {
    return Integer.parseInt(strings(db, "SELECT count(*) FROM " + HISTORY).get(0));
  }

  private static List<String> tables(IsolatedDatabase db) throws SQLException {
    return strings(
        db,
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()");
  }

  private static List<String> columns(IsolatedDatabase db, String table) throws SQLException {
    return strings(
        db,
        "SELECT column_name FROM information_schema.columns"
            + " WHERE table_schema = current_schema() AND table_name = '"
            + table
            + "'");
  }

  private static List<String> strings(IsolatedDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    }
  }
}
