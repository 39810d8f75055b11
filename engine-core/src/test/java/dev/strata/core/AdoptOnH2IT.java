package dev.strata.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.api.ConfigurationException;
import dev.strata.api.MigrationInfo;
import dev.strata.api.MigrationState;
import dev.strata.api.ValidationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Statement;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdoptOnH2IT {
  static final String V1 = "CREATE TABLE person (id INT PRIMARY KEY);\n";
  static final String V2 = "CREATE TABLE pet (id INT PRIMARY KEY);\n";

  @TempDir Path dir;
  H2Database db;

  @BeforeEach
  void setUp() throws Exception {
    db = new H2Database(dir);
    db.file("V1__person.sql", V1).file("V2__pet.sql", V2);
    sql("CREATE TABLE person (id INT PRIMARY KEY)"); // what the other tool applied
  }

  void sql(String... statements) throws Exception {
    try (var c = db.connect();
        Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
    }
  }

  static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void adoptsWhatDrizzlesMigratorAppliedAndRunsOnlyTheRest() throws Exception {
    sql(
        "CREATE TABLE \"__drizzle_migrations\" (id SERIAL PRIMARY KEY, hash TEXT NOT NULL, created_at BIGINT)",
        "INSERT INTO \"__drizzle_migrations\" (hash, created_at) VALUES ('"
            + sha256(V1)
            + "', 1700000000000)");

    var result = db.strata().baselineFrom("drizzle");
    var migrate = db.strata().migrate();

    assertThat(result.adopted()).extracting(id -> id.version().toString()).containsExactly("1");
    assertThat(migrate.applied()).extracting(m -> m.id().version().toString()).containsExactly("2");
    assertThat(db.strata().status().migrations())
        .extracting(MigrationInfo::state)
        .containsExactly(MigrationState.BASELINED, MigrationState.APPLIED);
  }

  @Test
  void refusesWhenDrizzleAppliedAFileTheSourcesDoNotHaveAndChangesNothing() throws Exception {
    sql(
        "CREATE TABLE \"__drizzle_migrations\" (id SERIAL PRIMARY KEY, hash TEXT NOT NULL, created_at BIGINT)",
        "INSERT INTO \"__drizzle_migrations\" (hash, created_at) VALUES ('"
            + sha256("something else")
            + "', 1)");

    assertThatThrownBy(() -> db.strata().baselineFrom("drizzle"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(sha256("something else"))
        .hasMessageContaining("no source file has");
    assertThat(db.tableExists("strata_schema_history")).isFalse();
  }

  @Test
  void anAdoptedMigrationEditedLaterIsReported() throws Exception {
    sql(
        "CREATE TABLE \"__drizzle_migrations\" (id SERIAL PRIMARY KEY, hash TEXT NOT NULL, created_at BIGINT)",
        "INSERT INTO \"__drizzle_migrations\" (hash, created_at) VALUES ('" + sha256(V1) + "', 1)");
    db.strata().baselineFrom("drizzle");

    db.file("V1__person.sql", V1 + "-- edited\n");

    assertThat(db.strata().validate(false).problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("V1 person").contains("edited"));
  }

  @Test
  void adoptsFlywaysSuccessfulMigrationsByVersion() throws Exception {
    sql(
        "CREATE TABLE \"flyway_schema_history\" (\"installed_rank\" INT, \"version\" VARCHAR(50), \"script\" VARCHAR(1000), \"success\" BOOLEAN)",
        "INSERT INTO \"flyway_schema_history\" VALUES (1, '1', 'V1__person.sql', TRUE)");

    assertThat(db.strata().baselineFrom("flyway").adopted()).hasSize(1);
    assertThat(db.strata().migrate().applied()).hasSize(1);
  }

  @Test
  void refusesAFailedFlywayMigration() throws Exception {
    sql(
        "CREATE TABLE \"flyway_schema_history\" (\"installed_rank\" INT, \"version\" VARCHAR(50), \"script\" VARCHAR(1000), \"success\" BOOLEAN)",
        "INSERT INTO \"flyway_schema_history\" VALUES (1, '1', 'V1__person.sql', FALSE)");

    assertThatThrownBy(() -> db.strata().baselineFrom("flyway"))
        .hasMessageContaining("V1 (V1__person.sql) as failed");
  }

  @Test
  void adoptsGolangMigratesVersionAndRefusesADirtyOne() throws Exception {
    sql(
        "CREATE TABLE \"schema_migrations\" (\"version\" BIGINT, \"dirty\" BOOLEAN)",
        "INSERT INTO \"schema_migrations\" VALUES (1, TRUE)");
    assertThatThrownBy(() -> db.strata().baselineFrom("golang-migrate"))
        .hasMessageContaining("dirty");

    sql("UPDATE \"schema_migrations\" SET \"dirty\" = FALSE");
    assertThat(db.strata().baselineFrom("golang-migrate").adopted()).hasSize(1);
  }

  @Test
  void namesTheKnownToolsForAnUnknownOneAndSaysWhenThereIsNothingToAdopt() {
    assertThatThrownBy(() -> db.strata().baselineFrom("liquibase"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("drizzle");
    assertThatThrownBy(() -> db.strata().baselineFrom("flyway"))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Found no flyway history");
  }
}
