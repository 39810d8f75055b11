package dev.strata.source.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.strata.api.DownRequest;
import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.MigrationFailedException;
import dev.strata.core.Strata;
import dev.strata.source.tools.internal.FixtureFolder;
import dev.strata.testsupport.IsolatedDatabase;
import dev.strata.testsupport.MySqlTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-written sqlx, Diesel and Prisma folders applied and reverted by the engine on MariaDB. */
@MySqlTest
class ToolSourcesOnMySqlIT {
  @TempDir Path dir;

  private static Strata strata(IsolatedDatabase db, String location) {
    return Strata.configure().dataSource(db.dataSource()).sources(location).load();
  }

  @Test
  void sqlxRunsInNumericOrderAndRoundTrips(IsolatedDatabase db) throws Exception {
    FixtureFolder f =
        new FixtureFolder(dir)
            .file("1_users.up.sql", "CREATE TABLE users (id INT PRIMARY KEY, email VARCHAR(100));")
            .file("1_users.down.sql", "DROP TABLE users;")
            .file("9_posts.up.sql", "CREATE TABLE posts (id INT);")
            .file("9_posts.down.sql", "DROP TABLE posts;")
            .file(
                "10_posts_title.up.sql",
                "-- no-transaction\nALTER TABLE posts ADD COLUMN title TEXT;\n"
                    + "CREATE INDEX posts_id ON posts (id);")
            .file(
                "10_posts_title.down.sql",
                "DROP INDEX posts_id ON posts;\nALTER TABLE posts DROP COLUMN title;");
    Strata strata = strata(db, "sqlx:" + f.root());

    assertThat(strata.migrate().applied())
        .extracting(m -> m.id().version().toString())
        .containsExactly("1", "9", "10");
    assertThat(Schema.mysql(db))
        .containsExactly(
            "index posts.posts_id",
            "index users.PRIMARY",
            "posts.id",
            "posts.title",
            "users.email",
            "users.id");

    assertThat(strata.down(DownRequest.steps(3)).reverted()).hasSize(3);
    assertThat(Schema.mysql(db)).isEmpty();
    assertThat(strata.migrate().applied()).hasSize(3);
  }

  @Test
  void dieselRoundTripsAndAFolderWithoutUpSqlChangesNothing(IsolatedDatabase db) throws Exception {
    FixtureFolder f =
        new FixtureFolder(dir)
            .file("2024-01-31-120000_create_users/up.sql", "CREATE TABLE users (id INT);\n")
            .file("2024-01-31-120000_create_users/down.sql", "DROP TABLE users;\n")
            .file(
                "2024-02-01-090000_add_email/up.sql",
                "ALTER TABLE users ADD COLUMN email VARCHAR(100);\n")
            .file("2024-02-01-090000_add_email/down.sql", "ALTER TABLE users DROP COLUMN email;\n")
            .file("2024-02-01-090000_add_email/metadata.toml", "run_in_transaction = false\n")
            .file("2024-03-01-000000_draft/notes.md", "later");
    Strata strata = strata(db, "diesel:" + f.root());

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(strata::migrate)
        .withMessageContaining(f.origin("2024-03-01-000000_draft") + " is a folder without up.sql");
    assertThat(strata.history()).isEmpty();
    assertThat(Schema.mysql(db)).isEmpty();

    f.file("2024-03-01-000000_draft/up.sql", "-- nothing yet\n")
        .file("2024-03-01-000000_draft/down.sql", "-- nothing to undo\n");
    assertThat(strata.migrate().applied()).hasSize(3);
    assertThat(Schema.mysql(db)).containsExactly("users.email", "users.id");
    assertThat(strata.down(DownRequest.steps(3)).reverted()).hasSize(3);
    assertThat(Schema.mysql(db)).isEmpty();
  }

  @Test
  void prismaRunsAScriptWithoutATransactionSoTheStatementsBeforeAFailureStay(IsolatedDatabase db)
      throws Exception {
    FixtureFolder f =
        new FixtureFolder(dir)
            .file("migration_lock.toml", "provider = \"mysql\"\n")
            .file("01_init/migration.sql", "CREATE TABLE `a` (`id` INT);\n")
            .file(
                "02_broken/migration.sql",
                "-- AlterTable\nALTER TABLE `a` ADD COLUMN `b` INT;\n\n"
                    + "UPDATE `a` SET `b` = NO_SUCH_FUNCTION(1);\n\n"
                    + "ALTER TABLE `a` ADD COLUMN `c` INT;\n");
    Strata strata = strata(db, "prisma:" + f.root());

    assertThatExceptionOfType(MigrationFailedException.class)
        .isThrownBy(strata::migrate)
        .withMessageContaining(f.origin("02_broken/migration.sql") + ":4")
        .withMessageContaining("NO_SUCH_FUNCTION");
    assertThat(Schema.mysql(db)).containsExactly("a.b", "a.id");
    HistoryEntry last = strata.history().get(strata.history().size() - 1);
    assertThat(last.success()).isFalse();
    assertThat(last.statementsApplied()).isEqualTo(1);
  }

  @Test
  void prismaRefusesAFolderWhoseLockNamesAnotherProvider(IsolatedDatabase db) throws Exception {
    FixtureFolder f =
        new FixtureFolder(dir)
            .file("migration_lock.toml", "provider = \"postgresql\"\n")
            .file("01_init/migration.sql", "CREATE TABLE \"a\" (\"id\" SERIAL);\n");
    Strata strata = strata(db, "prisma:" + f.root());

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(strata::migrate)
        .withMessageStartingWith(
            f.origin("migration_lock.toml")
                + ":1 says provider = \"postgresql\": its migrations are written for postgresql,"
                + " but the connected database is a mysql database");
    assertThat(strata.history()).isEmpty();
  }
}
