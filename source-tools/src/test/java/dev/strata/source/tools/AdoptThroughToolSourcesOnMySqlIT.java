package dev.strata.source.tools;

import static dev.strata.source.tools.Adopting.adoptsThenAppliesOnly;
import static dev.strata.source.tools.Adopting.digest;
import static dev.strata.source.tools.Adopting.hex;
import static dev.strata.source.tools.Adopting.sql;
import static dev.strata.source.tools.Adopting.strata;

import dev.strata.source.tools.internal.FixtureFolder;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 end to end on MariaDB: a folder in each tool's own format, the tool's table made with
 * the tool's own MySQL DDL and holding the rows the tool writes after applying the first
 * migrations; {@code baselineFrom} through the real source, then {@code migrate} applies what the
 * tool would have applied next, and nothing more. Also several folders of one format together.
 */
@MySqlTest
class AdoptThroughToolSourcesOnMySqlIT {
  @TempDir Path dir;

  // goose's internal/dialect/dialectquery/mysql.go (liamstask's lib/goose/dialect.go: the same
  // columns); goose writes version 0 with the table.
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

  // sqlx-mysql/src/migrate.rs: the row is written with success = FALSE, then set TRUE
  static void sqlxTable(DataSource ds) throws Exception {
    sql(
        ds,
        "CREATE TABLE IF NOT EXISTS _sqlx_migrations (\n"
            + "    version BIGINT PRIMARY KEY,\n"
            + "    description TEXT NOT NULL,\n"
            + "    installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,\n"
            + "    success BOOLEAN NOT NULL,\n"
            + "    checksum BLOB NOT NULL,\n"
            + "    execution_time BIGINT NOT NULL\n"
            + ")");
  }

  static void sqlxRow(DataSource ds, long version, String description, Path file) throws Exception {
    sql(
        ds,
        "INSERT INTO _sqlx_migrations ( version, description, success, checksum, execution_time )"
            + " VALUES ( ?, ?, FALSE, ?, -1 )",
        version,
        description,
        digest("SHA-384", file));
    sql(
        ds,
        "UPDATE _sqlx_migrations SET success = TRUE, execution_time = ? WHERE version = ?",
        1234567L,
        version);
  }

  static String goose(String up, String down) {
    return "-- +goose Up\n" + up + "\n\n-- +goose Down\n" + down + "\n";
  }

  @Test
  void gooseFolderWithUpAndDownSectionsIsAdoptedAndItsNextMigrationApplied(IsolatedDatabase db)
      throws Exception {
    FixtureFolder f =
        new FixtureFolder(dir)
            .file(
                "20240101000000_person.sql",
                goose("CREATE TABLE person (id int PRIMARY KEY);", "DROP TABLE person;"))
            .file(
                "20240102000000_pet.sql",
                "-- +goose Up\nCREATE TABLE pet (id int PRIMARY KEY);\n-- +goose StatementBegin\n"
                    + "CREATE TRIGGER pet_id BEFORE INSERT ON pet FOR EACH ROW BEGIN\n"
                    + "  SET NEW.id = NEW.id + 0;\nEND;\n-- +goose StatementEnd\n\n"
                    + "-- +goose Down\nDROP TABLE pet;\n")
            .file(
                "20240103000000_toy.sql",
                goose("CREATE TABLE toy (id int PRIMARY KEY);", "DROP TABLE toy;"));
    DataSource ds = db.dataSource();
    sql(ds, "CREATE TABLE person (id int PRIMARY KEY)");
    sql(ds, "CREATE TABLE pet (id int PRIMARY KEY)");
    gooseTable(ds, 20240101000000L, 20240102000000L);

    adoptsThenAppliesOnly(
        strata(ds, "goose:" + f.root()),
        "goose",
        List.of("20240101000000", "20240102000000"),
        List.of("20240103000000"));
  }

  @Test
  void liamstaskGooseFolderIsAdoptedFromTheSameTable(IsolatedDatabase db) throws Exception {
    FixtureFolder f =
        new FixtureFolder(dir)
            .file(
                "20160118194630_init.sql",
                "\n-- +goose Up\n-- SQL in section 'Up' is executed when this migration is applied\n"
                    + "CREATE TABLE IF NOT EXISTS `users` (id integer primary key auto_increment,"
                    + " username varchar(255) NOT NULL UNIQUE);\n\n"
                    + "-- +goose Down\n-- SQL section 'Down' is executed when this migration is"
                    + " rolled back\nDROP TABLE `users`;\n")
            .file(
                "20160131153104_0.1.2_add_event_details.sql",
                "\n-- +goose Up\nALTER TABLE users ADD COLUMN email varchar(255);\n\n"
                    + "-- +goose Down\nALTER TABLE users DROP COLUMN email;\n");
    DataSource ds = db.dataSource();
    sql(ds, "CREATE TABLE users (id integer primary key auto_increment, username varchar(255))");
    gooseTable(ds, 20160118194630L);

    adoptsThenAppliesOnly(
        strata(ds, "goose-liamstask:" + f.root()),
        "goose",
        List.of("20160118194630"),
        List.of("20160131153104"));
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
                "20200102000000_pet.sql",
                "-- migrate:up\nCREATE TABLE pet (id int PRIMARY KEY);\n"
                    + "-- migrate:down\nDROP TABLE pet;\n\n"
                    + "-- migrate:up\nCREATE INDEX pet_id ON pet (id);\n"
                    + "-- migrate:down\nDROP INDEX pet_id ON pet;\n")
            .file(
                "20200103000000_toy.sql",
                "-- migrate:up\nCREATE TABLE toy (id int PRIMARY KEY);\n-- migrate:down\n"
                    + "DROP TABLE toy;\n");
    DataSource ds = db.dataSource();
    sql(ds, "CREATE TABLE person (id int PRIMARY KEY)");
    sql(ds, "CREATE TABLE pet (id int PRIMARY KEY)");
    sql(ds, "CREATE INDEX pet_id ON pet (id)");
    // dbmate's pkg/driver/mysql/mysql.go
    sql(ds, "create table if not exists `schema_migrations` (version varchar(128) primary key)");
    sql(ds, "insert into `schema_migrations` (version) values (?)", "20200101000000");
    sql(ds, "insert into `schema_migrations` (version) values (?)", "20200102000000");

    adoptsThenAppliesOnly(
        strata(ds, "dbmate:" + f.root()),
        "dbmate",
        List.of("20200101000000", "20200102000000"),
        List.of("20200103000000"));
  }

  @Test
  void sqlxChecksumsOfTheFilesRealBytesMatchNoTransactionMarkerAndByteOrderMarkIncluded(
      IsolatedDatabase db) throws Exception {
    FixtureFolder f =
        new FixtureFolder(dir)
            .file("1_person.up.sql", "CREATE TABLE person (id int PRIMARY KEY);\n")
            .file("1_person.down.sql", "DROP TABLE person;\n")
            .file(
                "2_person_index.sql", "-- no-transaction\nCREATE INDEX person_id ON person (id);\n")
            .file("3_pet.sql", "\uFEFF-- pets\r\nCREATE TABLE pet (id int PRIMARY KEY);\r\n")
            .file("4_toy.sql", "CREATE TABLE toy (id int PRIMARY KEY);\n");
    DataSource ds = db.dataSource();
    sql(ds, "CREATE TABLE person (id int PRIMARY KEY)");
    sql(ds, "CREATE INDEX person_id ON person (id)");
    sql(ds, "CREATE TABLE pet (id int PRIMARY KEY)");
    sqlxTable(ds);
    sqlxRow(ds, 1, "person", dir.resolve("1_person.up.sql"));
    sqlxRow(ds, 2, "person index", dir.resolve("2_person_index.sql"));
    sqlxRow(ds, 3, "pet", dir.resolve("3_pet.sql"));

    adoptsThenAppliesOnly(
        strata(ds, "sqlx:" + f.root()), "sqlx", List.of("1", "2", "3"), List.of("4"));
  }

  @Test
  void dieselFolderIsAdoptedAndItsNextMigrationApplied(IsolatedDatabase db) throws Exception {
    FixtureFolder f =
        new FixtureFolder(dir)
            .file("2024-01-01-000000_person/up.sql", "CREATE TABLE person (id int PRIMARY KEY);\n")
            .file("2024-01-01-000000_person/down.sql", "DROP TABLE person;\n")
            .file("2024-01-02-000000_pet/up.sql", "CREATE TABLE pet (id int PRIMARY KEY);\n")
            .file("2024-01-02-000000_pet/metadata.toml", "run_in_transaction = false\n")
            .file("2024-01-03-000000_toy/up.sql", "CREATE TABLE toy (id int PRIMARY KEY);\n");
    DataSource ds = db.dataSource();
    sql(ds, "CREATE TABLE person (id int PRIMARY KEY)");
    sql(ds, "CREATE TABLE pet (id int PRIMARY KEY)");
    // diesel_migrations' setup_migration_table.sql
    sql(
        ds,
        "CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (\n"
            + "       version VARCHAR(50) PRIMARY KEY NOT NULL,\n"
            + "       run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP\n"
            + ")");
    for (String v : List.of("20240101000000", "20240102000000")) {
      sql(ds, "INSERT INTO __diesel_schema_migrations (version) VALUES (?)", v);
    }

    adoptsThenAppliesOnly(
        strata(ds, "diesel:" + f.root()),
        "diesel",
        List.of("20240101000000", "20240102000000"),
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
                    + "provider = \"mysql\"")
            .file(
                "20210101000000_init/migration.sql",
                "-- CreateTable\r\nCREATE TABLE `person` (\r\n    `id` INTEGER NOT NULL,\r\n\r\n"
                    + "    PRIMARY KEY (`id`)\r\n) DEFAULT CHARACTER SET utf8mb4 COLLATE"
                    + " utf8mb4_unicode_ci;\n")
            .file(
                "20210102000000_pets/migration.sql",
                "-- CreateTable\nCREATE TABLE `pet` (\n    `id` INTEGER NOT NULL\n);\n")
            .file(
                "20210103000000_toys/migration.sql",
                "-- CreateTable\nCREATE TABLE `toy` (\n    `id` INTEGER NOT NULL\n);\n");
    DataSource ds = db.dataSource();
    sql(ds, "CREATE TABLE person (id INTEGER NOT NULL, PRIMARY KEY (id))");
    sql(ds, "CREATE TABLE pet (id INTEGER NOT NULL)");
    // schema-engine's sql-schema-connector, flavour/mysql.rs
    sql(
        ds,
        "CREATE TABLE _prisma_migrations (\n"
            + "    id                      VARCHAR(36) PRIMARY KEY NOT NULL,\n"
            + "    checksum                VARCHAR(64) NOT NULL,\n"
            + "    finished_at             DATETIME(3),\n"
            + "    migration_name          VARCHAR(255) NOT NULL,\n"
            + "    logs                    TEXT,\n"
            + "    rolled_back_at          DATETIME(3),\n"
            + "    started_at              DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),\n"
            + "    applied_steps_count     INTEGER UNSIGNED NOT NULL DEFAULT 0\n"
            + ") DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    for (String name : List.of("20210101000000_init", "20210102000000_pets")) {
      String id = UUID.randomUUID().toString();
      sql(
          ds,
          "INSERT INTO _prisma_migrations (id, checksum, started_at, finished_at, migration_name,"
              + " applied_steps_count, logs) VALUES (?, ?, NOW(3), NULL, ?, 0, NULL)",
          id,
          hex(digest("SHA-256", dir.resolve(name).resolve("migration.sql"))),
          name);
      sql(
          ds,
          "UPDATE _prisma_migrations SET finished_at = NOW(3), applied_steps_count = 1"
              + " WHERE id = ?",
          id);
    }

    adoptsThenAppliesOnly(
        strata(ds, "prisma:" + f.root()),
        "prisma",
        List.of("20210101000000", "20210102000000"),
        List.of("20210103000000"));
  }

  @Test
  void twoSqlxFoldersInterleaveTheirVersionsWhenAdoptedAndMigrated(IsolatedDatabase db)
      throws Exception {
    FixtureFolder required =
        new FixtureFolder(dir.resolve("required"))
            .file("1_person.up.sql", "CREATE TABLE person (id int PRIMARY KEY);\n")
            .file("1_person.down.sql", "DROP TABLE person;\n")
            .file("3_toy.sql", "-- no-transaction\nCREATE TABLE toy (id int PRIMARY KEY);\n")
            .file("5_game.sql", "CREATE TABLE game (id int PRIMARY KEY);\n");
    FixtureFolder deferred =
        new FixtureFolder(dir.resolve("deferred"))
            .file("2_pet.sql", "CREATE TABLE pet (id int PRIMARY KEY);\n")
            .file("4_person_index.sql", "CREATE INDEX person_id ON person (id);\n");
    DataSource ds = db.dataSource();
    for (String t : List.of("person", "pet", "toy")) {
      sql(ds, "CREATE TABLE " + t + " (id int PRIMARY KEY)");
    }
    sqlxTable(ds);
    sqlxRow(ds, 1, "person", required.root().resolve("1_person.up.sql"));
    sqlxRow(ds, 2, "pet", deferred.root().resolve("2_pet.sql"));
    sqlxRow(ds, 3, "toy", required.root().resolve("3_toy.sql"));

    adoptsThenAppliesOnly(
        strata(ds, "sqlx:" + required.root(), "sqlx:" + deferred.root()),
        "sqlx",
        List.of("1", "2", "3"),
        List.of("4", "5"));
  }

  @Test
  void twoGooseFoldersInterleaveTheirVersionsWhenAdoptedAndMigrated(IsolatedDatabase db)
      throws Exception {
    FixtureFolder required =
        new FixtureFolder(dir.resolve("required"))
            .file(
                "1_person.sql",
                goose("CREATE TABLE person (id int PRIMARY KEY);", "DROP TABLE person;"))
            .file("3_toy.sql", goose("CREATE TABLE toy (id int PRIMARY KEY);", "DROP TABLE toy;"))
            .file(
                "5_game.sql", goose("CREATE TABLE game (id int PRIMARY KEY);", "DROP TABLE game;"));
    FixtureFolder deferred =
        new FixtureFolder(dir.resolve("deferred"))
            .file("2_pet.sql", goose("CREATE TABLE pet (id int PRIMARY KEY);", "DROP TABLE pet;"))
            .file(
                "4_person_index.sql",
                "-- +goose Up\n-- +goose NO TRANSACTION\nCREATE INDEX person_id ON person (id);\n"
                    + "-- +goose Down\nDROP INDEX person_id ON person;\n");
    DataSource ds = db.dataSource();
    for (String t : List.of("person", "pet", "toy")) {
      sql(ds, "CREATE TABLE " + t + " (id int PRIMARY KEY)");
    }
    gooseTable(ds, 1, 2, 3);

    adoptsThenAppliesOnly(
        strata(ds, "goose:" + required.root(), "goose:" + deferred.root()),
        "goose",
        List.of("1", "2", "3"),
        List.of("4", "5"));
  }
}
