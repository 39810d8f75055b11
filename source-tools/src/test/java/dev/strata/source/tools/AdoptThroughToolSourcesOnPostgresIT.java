package dev.strata.source.tools;

import static dev.strata.source.tools.Adopting.adoptsThenAppliesOnly;
import static dev.strata.source.tools.Adopting.digest;
import static dev.strata.source.tools.Adopting.hex;
import static dev.strata.source.tools.Adopting.sql;
import static dev.strata.source.tools.Adopting.strata;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.source.tools.internal.FixtureFolder;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.PostgresTest;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 end to end on PostgreSQL: a folder in each tool's own format, the tool's table made with
 * the tool's own PostgreSQL DDL and holding the rows the tool writes after applying the first
 * migrations; {@code baselineFrom} through the real source, then {@code migrate} applies what the
 * tool would have applied next, and nothing more.
 */
@PostgresTest
class AdoptThroughToolSourcesOnPostgresIT {
  @TempDir Path dir;

  // goose's internal/dialect/dialectquery/postgres.go; goose writes version 0 with the table.
  static void gooseTable(DataSource ds, long... applied) throws Exception {
    sql(
        ds,
        "CREATE TABLE goose_db_version (\n"
            + "\t\tid serial NOT NULL,\n"
            + "\t\tversion_id bigint NOT NULL,\n"
            + "\t\tis_applied boolean NOT NULL,\n"
            + "\t\ttstamp timestamp NULL default now(),\n"
            + "\t\tPRIMARY KEY(id)\n"
            + "\t)");
    sql(ds, "INSERT INTO goose_db_version (version_id, is_applied) VALUES (?, ?)", 0L, true);
    for (long v : applied) {
      sql(ds, "INSERT INTO goose_db_version (version_id, is_applied) VALUES (?, ?)", v, true);
    }
  }

  // sqlx-postgres/src/migrate.rs
  static void sqlxTable(DataSource ds) throws Exception {
    sql(
        ds,
        "CREATE TABLE IF NOT EXISTS _sqlx_migrations (\n"
            + "    version BIGINT PRIMARY KEY,\n"
            + "    description TEXT NOT NULL,\n"
            + "    installed_on TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
            + "    success BOOLEAN NOT NULL,\n"
            + "    checksum BYTEA NOT NULL,\n"
            + "    execution_time BIGINT NOT NULL\n"
            + ")");
  }

  static void sqlxRow(DataSource ds, long version, String description, Path file) throws Exception {
    sql(
        ds,
        "INSERT INTO _sqlx_migrations ( version, description, success, checksum, execution_time )"
            + " VALUES ( ?, ?, TRUE, ?, -1 )",
        version,
        description,
        digest("SHA-384", file));
    sql(ds, "UPDATE _sqlx_migrations SET execution_time = ? WHERE version = ?", 1234567L, version);
  }

  @Test
  void gooseFolderWithUpAndDownSectionsIsAdoptedAndItsNextMigrationApplied(IsolatedDatabase db)
      throws Exception {
    FixtureFolder f =
        new FixtureFolder(dir)
            .file(
                "00001_person.sql",
                "-- +goose Up\nCREATE TABLE person (id int PRIMARY KEY);\n\n"
                    + "-- +goose Down\nDROP TABLE person;\n")
            .file(
                "00002_pet.sql",
                "-- +goose Up\n-- +goose StatementBegin\n"
                    + "CREATE FUNCTION pet_count() RETURNS bigint AS $$ SELECT 1::bigint; $$"
                    + " LANGUAGE sql;\n-- +goose StatementEnd\n"
                    + "CREATE TABLE pet (id int PRIMARY KEY);\n\n"
                    + "-- +goose Down\nDROP TABLE pet;\nDROP FUNCTION pet_count();\n")
            .file(
                "10_toy.sql",
                "-- +goose Up\nCREATE TABLE toy (id int PRIMARY KEY);\n-- +goose Down\n"
                    + "DROP TABLE toy;\n");
    DataSource ds = db.dataSource();
    sql(ds, "CREATE TABLE person (id int PRIMARY KEY)");
    sql(ds, "CREATE FUNCTION pet_count() RETURNS bigint AS $$ SELECT 1::bigint; $$ LANGUAGE sql");
    sql(ds, "CREATE TABLE pet (id int PRIMARY KEY)");
    gooseTable(ds, 1, 2);

    adoptsThenAppliesOnly(
        strata(ds, "goose:" + f.root()), "goose", List.of("00001", "00002"), List.of("10"));
    assertThat(Schema.postgres(db)).contains("toy.id");

    // The adopted checksum is the up part's: editing the down part is no edit of what was applied.
    f.file(
        "00001_person.sql",
        "-- +goose Up\nCREATE TABLE person (id int PRIMARY KEY);\n\n"
            + "-- +goose Down\nDROP TABLE IF EXISTS person;\n");
    assertThat(strata(ds, "goose:" + f.root()).validate(true).problems()).isEmpty();
    f.file(
        "00001_person.sql",
        "-- +goose Up\nCREATE TABLE person (id bigint PRIMARY KEY);\n\n"
            + "-- +goose Down\nDROP TABLE person;\n");
    assertThat(strata(ds, "goose:" + f.root()).validate(true).problems())
        .extracting(p -> p.kind() + " " + p.version())
        .containsExactly("EDITED 00001");
  }

  @Test
  void dbmateFolderIsAdoptedAndItsNextMigrationApplied(IsolatedDatabase db) throws Exception {
    FixtureFolder f =
        new FixtureFolder(dir)
            .file(
                "20200101000000_person.sql",
                "-- migrate:up\nCREATE TABLE person (id int PRIMARY KEY);\n\n"
                    + "-- migrate:down\nDROP TABLE person;\n")
            .file(
                "20200102000000_pet_index.sql",
                "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY person_id ON person"
                    + " (id);\n\n-- migrate:down transaction:false\n"
                    + "DROP INDEX CONCURRENTLY person_id;\n")
            .file(
                "20200103000000_toy.sql",
                "-- migrate:up\nCREATE TABLE toy (id int PRIMARY KEY);\n-- migrate:down\n"
                    + "DROP TABLE toy;\n");
    DataSource ds = db.dataSource();
    sql(ds, "CREATE TABLE person (id int PRIMARY KEY)");
    sql(ds, "CREATE INDEX person_id ON person (id)");
    // dbmate's pkg/driver/postgres/postgres.go
    sql(
        ds,
        "create table if not exists public.schema_migrations (version varchar(128) primary key)");
    sql(ds, "insert into public.schema_migrations (version) values (?)", "20200101000000");
    sql(ds, "insert into public.schema_migrations (version) values (?)", "20200102000000");

    adoptsThenAppliesOnly(
        strata(ds, "dbmate:" + f.root()),
        "dbmate",
        List.of("20200101000000", "20200102000000"),
        List.of("20200103000000"));
  }

  @Test
  void sqlxChecksumsOfTheFilesRealBytesMatchNoTransactionMarkerAndCrlfIncluded(IsolatedDatabase db)
      throws Exception {
    FixtureFolder f =
        new FixtureFolder(dir)
            .file("1_person.up.sql", "CREATE TABLE person (id int PRIMARY KEY);\n")
            .file("1_person.down.sql", "DROP TABLE person;\n")
            .file(
                "2_person_index.sql",
                "-- no-transaction\nCREATE INDEX CONCURRENTLY person_id ON person (id);\n")
            .file("3_pet.up.sql", "-- pets\r\nCREATE TABLE pet (id int PRIMARY KEY);\r\n")
            .file("3_pet.down.sql", "DROP TABLE pet;\r\n")
            .file("4_toy.sql", "CREATE TABLE toy (id int PRIMARY KEY);\n");
    DataSource ds = db.dataSource();
    sql(ds, "CREATE TABLE person (id int PRIMARY KEY)");
    sql(ds, "CREATE INDEX person_id ON person (id)");
    sql(ds, "CREATE TABLE pet (id int PRIMARY KEY)");
    sqlxTable(ds);
    sqlxRow(ds, 1, "person", dir.resolve("1_person.up.sql"));
    sqlxRow(ds, 2, "person index", dir.resolve("2_person_index.sql"));
    sqlxRow(ds, 3, "pet", dir.resolve("3_pet.up.sql"));

    adoptsThenAppliesOnly(
        strata(ds, "sqlx:" + f.root()), "sqlx", List.of("1", "2", "3"), List.of("4"));
  }

  @Test
  void dieselFolderWithItsInitialSetupIsAdoptedAndItsNextMigrationApplied(IsolatedDatabase db)
      throws Exception {
    FixtureFolder f =
        new FixtureFolder(dir)
            .file("00000000000000_diesel_initial_setup/up.sql", Fixtures.DIESEL_SETUP_UP)
            .file("00000000000000_diesel_initial_setup/down.sql", Fixtures.DIESEL_SETUP_DOWN)
            .file("2024-01-01-000000_person/up.sql", "CREATE TABLE person (id int PRIMARY KEY);\n")
            .file("2024-01-01-000000_person/down.sql", "DROP TABLE person;\n")
            .file(
                "2024-01-02-000000_person_index/up.sql",
                "CREATE INDEX CONCURRENTLY person_id ON person (id);\n")
            .file("2024-01-02-000000_person_index/down.sql", "DROP INDEX person_id;\n")
            .file("2024-01-02-000000_person_index/metadata.toml", "run_in_transaction = false\n")
            .file("2024-01-03-000000_toy/up.sql", "CREATE TABLE toy (id int PRIMARY KEY);\n")
            .file("2024-01-03-000000_toy/down.sql", "DROP TABLE toy;\n");
    DataSource ds = db.dataSource();
    sql(ds, Fixtures.DIESEL_SETUP_UP);
    sql(ds, "CREATE TABLE person (id int PRIMARY KEY)");
    sql(ds, "CREATE INDEX person_id ON person (id)");
    // diesel_migrations' setup_migration_table.sql
    sql(
        ds,
        "CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (\n"
            + "       version VARCHAR(50) PRIMARY KEY NOT NULL,\n"
            + "       run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP\n"
            + ")");
    for (String v : List.of("00000000000000", "20240101000000", "20240102000000")) {
      sql(ds, "INSERT INTO __diesel_schema_migrations (version) VALUES (?)", v);
    }

    adoptsThenAppliesOnly(
        strata(ds, "diesel:" + f.root()),
        "diesel",
        List.of("00000000000000", "20240101000000", "20240102000000"),
        List.of("20240103000000"));
  }

  @Test
  void prismaChecksumOfACrlfMigrationSqlMatchesAndItsNextMigrationIsApplied(IsolatedDatabase db)
      throws Exception {
    FixtureFolder f =
        new FixtureFolder(dir)
            .file(
                "migration_lock.toml",
                "# Please do not edit this file manually\n"
                    + "# It should be added in your version-control system (e.g., Git)\n"
                    + "provider = \"postgresql\"")
            .file(
                "20210101000000_init/migration.sql",
                "-- CreateTable\r\nCREATE TABLE \"person\" (\r\n    \"id\" INTEGER NOT NULL,\r\n\r\n"
                    + "    CONSTRAINT \"person_pkey\" PRIMARY KEY (\"id\")\r\n);\n")
            .file(
                "20210102000000_pets/migration.sql",
                "-- CreateTable\nCREATE TABLE \"pet\" (\n    \"id\" INTEGER NOT NULL\n);\n")
            .file("20210102000000_pets/down.sql", "DROP TABLE \"pet\";\n")
            .file(
                "20210103000000_toys/migration.sql",
                "-- CreateTable\nCREATE TABLE \"toy\" (\n    \"id\" INTEGER NOT NULL\n);\n");
    DataSource ds = db.dataSource();
    sql(ds, "CREATE TABLE person (id INTEGER NOT NULL, CONSTRAINT person_pkey PRIMARY KEY (id))");
    sql(ds, "CREATE TABLE pet (id INTEGER NOT NULL)");
    // schema-engine's sql-schema-connector, flavour/postgres.rs
    sql(
        ds,
        "CREATE TABLE _prisma_migrations (\n"
            + "    id                      VARCHAR(36) PRIMARY KEY NOT NULL,\n"
            + "    checksum                VARCHAR(64) NOT NULL,\n"
            + "    finished_at             TIMESTAMPTZ,\n"
            + "    migration_name          VARCHAR(255) NOT NULL,\n"
            + "    logs                    TEXT,\n"
            + "    rolled_back_at          TIMESTAMPTZ,\n"
            + "    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),\n"
            + "    applied_steps_count     INTEGER NOT NULL DEFAULT 0\n"
            + ")");
    for (String name : List.of("20210101000000_init", "20210102000000_pets")) {
      String id = UUID.randomUUID().toString();
      // As the schema engine records a migration: started, then finished with its step count.
      sql(
          ds,
          "INSERT INTO _prisma_migrations (id, checksum, started_at, finished_at, migration_name,"
              + " applied_steps_count, logs) VALUES (?, ?, now(), NULL, ?, 0, NULL)",
          id,
          hex(digest("SHA-256", dir.resolve(name).resolve("migration.sql"))),
          name);
      sql(
          ds,
          "UPDATE _prisma_migrations SET finished_at = now(), applied_steps_count = 1 WHERE id = ?",
          id);
    }

    adoptsThenAppliesOnly(
        strata(ds, "prisma:" + f.root()),
        "prisma",
        List.of("20210101000000", "20210102000000"),
        List.of("20210103000000"));
  }
}
