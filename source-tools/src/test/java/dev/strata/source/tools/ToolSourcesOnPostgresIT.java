package dev.strata.source.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.strata.api.DownRequest;
import dev.strata.api.ExecutedMigration;
import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.MigrationFailedException;
import dev.strata.core.Strata;
import dev.strata.source.tools.internal.FixtureFolder;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.PostgresTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hand-written sqlx, Diesel and Prisma folders applied and reverted by the engine on PostgreSQL.
 */
@PostgresTest
class ToolSourcesOnPostgresIT {
  @TempDir Path dir;

  private static Strata strata(IsolatedDatabase db, String location) {
    return Strata.configure().dataSource(db.dataSource()).sources(location).load();
  }

  @Test
  void sqlxRunsInNumericOrderWithNoTransactionFilesOutsideATransactionAndRoundTrips(
      IsolatedDatabase db) throws Exception {
    FixtureFolder f =
        new FixtureFolder(dir)
            .file("1_users.up.sql", "CREATE TABLE users (id INT PRIMARY KEY, email TEXT);")
            .file("1_users.down.sql", "DROP TABLE users;")
            .file(
                "2_users_email.up.sql",
                "-- no-transaction\nCREATE INDEX CONCURRENTLY users_email ON users (email);")
            .file(
                "2_users_email.down.sql", "-- no-transaction\nDROP INDEX CONCURRENTLY users_email;")
            .file("9_posts.up.sql", "CREATE TABLE posts (id INT);")
            .file("9_posts.down.sql", "DROP TABLE posts;")
            .file("10_posts_title.up.sql", "ALTER TABLE posts ADD COLUMN title TEXT;")
            .file("10_posts_title.down.sql", "ALTER TABLE posts DROP COLUMN title;");
    Strata strata = strata(db, "sqlx:" + f.root());

    assertThat(strata.migrate().applied())
        .extracting(m -> m.id().version().toString())
        .containsExactly("1", "2", "9", "10");
    assertThat(Schema.postgres(db))
        .containsExactly(
            "index users_email",
            "index users_pkey",
            "posts.id",
            "posts.title",
            "users.email",
            "users.id");

    assertThat(strata.down(DownRequest.steps(4)).reverted()).hasSize(4);
    assertThat(Schema.postgres(db)).isEmpty();
    assertThat(strata.migrate().applied()).hasSize(4);
  }

  @Test
  void aSqlFileSqlxWouldNotRunStopsTheRunBeforeAnythingChanges(IsolatedDatabase db)
      throws Exception {
    new FixtureFolder(dir).file("1_users.sql", "CREATE TABLE users (id INT);").file("seed.sql", "");
    Strata strata = strata(db, "sqlx:" + dir);

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(strata::migrate)
        .withMessageContaining(dir.resolve("seed.sql") + " has no '_'");
    assertThat(strata.history()).isEmpty();
    assertThat(Schema.postgres(db)).isEmpty();
  }

  @Test
  void dieselRunsItsInitialSetupAndMetadataTomlMigrationsAndRoundTrips(IsolatedDatabase db)
      throws Exception {
    FixtureFolder f =
        new FixtureFolder(dir)
            .file("00000000000000_diesel_initial_setup/up.sql", Fixtures.DIESEL_SETUP_UP)
            .file("00000000000000_diesel_initial_setup/down.sql", Fixtures.DIESEL_SETUP_DOWN)
            .file(
                "2024-01-31-120000_create_users/up.sql",
                "CREATE TABLE users (id SERIAL PRIMARY KEY, email TEXT,"
                    + " touched_at TIMESTAMP NOT NULL DEFAULT NOW());\n"
                    + "SELECT keep_touched_at('users');\n")
            .file("2024-01-31-120000_create_users/down.sql", "DROP TABLE users;\n")
            .file(
                "2024-02-01-090000_index_users/up.sql",
                "CREATE INDEX CONCURRENTLY users_email ON users (email);\n")
            .file(
                "2024-02-01-090000_index_users/down.sql", "DROP INDEX CONCURRENTLY users_email;\n")
            .file("2024-02-01-090000_index_users/metadata.toml", "run_in_transaction = false\n");
    Strata strata = strata(db, "diesel:" + f.root());

    assertThat(strata.migrate().applied())
        .extracting(m -> m.id().toString())
        .containsExactly(
            "V00000000000000 diesel initial setup",
            "V20240131120000 create users",
            "V20240201090000 index users");
    assertThat(Schema.postgres(db))
        .containsExactly(
            "function keep_touched_at",
            "function touch_row",
            "index users_email",
            "index users_pkey",
            "trigger touch",
            "users.email",
            "users.id",
            "users.touched_at");

    assertThat(strata.down(DownRequest.steps(3)).reverted()).hasSize(3);
    assertThat(Schema.postgres(db)).isEmpty();
    assertThat(strata.migrate().applied()).hasSize(3);
  }

  @Test
  void prismaRunsEachScriptInOneTransactionAsItsSingleSimpleQueryDoes(IsolatedDatabase db)
      throws Exception {
    FixtureFolder f =
        new FixtureFolder(dir)
            .file("migration_lock.toml", "provider = \"postgresql\"\n")
            .file(
                "20240101000000_init/migration.sql",
                "-- CreateTable\nCREATE TABLE \"User\" (\"id\" SERIAL NOT NULL,"
                    + " CONSTRAINT \"User_pkey\" PRIMARY KEY (\"id\"));\n")
            .file("20240101000000_init/down.sql", "DROP TABLE \"User\";\n")
            .file(
                "20240102000000_broken/migration.sql",
                "CREATE TABLE \"Post\" (\"id\" INT);\nALTER TABLE \"Nope\" ADD COLUMN \"x\" INT;\n")
            .file("20240102000000_broken/down.sql", "DROP TABLE \"Post\";\n");
    Strata strata = strata(db, "prisma:" + f.root());

    assertThatExceptionOfType(MigrationFailedException.class)
        .isThrownBy(strata::migrate)
        .withMessageContaining("Nope");
    // Prisma's one simple query is one implicit transaction: the CREATE TABLE is rolled back.
    assertThat(Schema.postgres(db)).containsExactly("User.id", "index User_pkey");

    f.file("20240102000000_broken/migration.sql", "CREATE TABLE \"Post\" (\"id\" INT);\n")
        // A script of statements that refuse transactions only runs outside one.
        .file(
            "20240103000000_index/migration.sql",
            "-- CreateIndex\nCREATE INDEX CONCURRENTLY \"Post_id_idx\" ON \"Post\"(\"id\");\n")
        .file("20240103000000_index/down.sql", "DROP INDEX CONCURRENTLY \"Post_id_idx\";\n");
    assertThat(strata.migrate().applied())
        .extracting(ExecutedMigration::statements)
        .containsExactly(1, 1);
    assertThat(Schema.postgres(db)).contains("index Post_id_idx");
    assertThat(strata.down(DownRequest.steps(3)).reverted()).hasSize(3);
    assertThat(Schema.postgres(db)).isEmpty();
  }

  @Test
  void prismaRefusesAFolderWhoseLockNamesAnotherProviderBeforeAnythingChanges(IsolatedDatabase db)
      throws Exception {
    FixtureFolder f =
        new FixtureFolder(dir)
            .file(
                "migration_lock.toml",
                "# Please do not edit this file manually\nprovider = \"mysql\"\n")
            .file("01_init/migration.sql", "CREATE TABLE `a` (`id` INT);\n");
    Strata strata = strata(db, "prisma:" + f.root());

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(strata::migrate)
        .withMessage(
            f.origin("migration_lock.toml")
                + ":2 says provider = \"mysql\": its migrations are written for mysql, but the"
                + " connected database is a postgresql database; connect to the database they are"
                + " written for, or point the source (strata.sources) at the migrations"
                + " written for postgresql");
    assertThat(strata.history()).isEmpty();
  }
}
