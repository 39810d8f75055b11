package dev.strata.spi.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.strata.api.MigrationDiscoveryException;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnrecognizedFilesTest {
  private static final String LOCATION = "filesystem:/m";

  private final UnrecognizedFiles files =
      new UnrecognizedFiles(LOCATION, MigrationFileName.CONVENTIONS);

  private void add(String below, String content) {
    files.add(
        "/m/" + below,
        below,
        MigrationFileName.whyUnrecognized(below.substring(below.lastIndexOf('/') + 1)),
        () -> content.getBytes(StandardCharsets.UTF_8));
  }

  private ThrowableAssertAlternative<MigrationDiscoveryException> refused() {
    return assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(files::throwIfAny);
  }

  @Test
  void throwsNothingWithoutAFile() {
    files.listed("README.md");

    assertThatCode(files::throwIfAny).doesNotThrowAnyException();
  }

  @Test
  void namesEveryFileInOneErrorAndTheConventions() {
    add("a.sql", "SELECT 1;");
    add("sub/b.sql", "SELECT 1;");
    add("c.sql", "SELECT 1;");

    refused()
        .withMessageStartingWith(
            "filesystem:/m holds 3 .sql files that follow none of its conventions (Flyway"
                + " V1__name.sql, U1__name.sql, R__name.sql; golang-migrate 1_name.up.sql,"
                + " 1_name.down.sql; Ory popx 1_name[.dialect][.autocommit].up.sql), so Strata"
                + " cannot tell which migration each is; nothing was applied.\n")
        .withMessageContaining(
            "\n  /m/a.sql: follows no naming convention; rename it to follow one; or leave it out"
                + " with strata.ignore='a.sql'")
        .withMessageContaining("\n  /m/sub/b.sql: ")
        .withMessageContaining("strata.ignore='sub/b.sql'")
        .withMessageContaining("\n  /m/c.sql: ")
        .withMessageEndingWith(
            "\nRename or move each file, or leave it out with strata.ignore=GLOB, and run again.")
        .satisfies(
            e ->
                org.assertj.core.api.Assertions.assertThat(e.origins())
                    .containsExactly("/m/a.sql", "/m/sub/b.sql", "/m/c.sql"));
  }

  @Test
  void saysWhyAFlywayNameWithOneUnderscoreMattersAndHowToRenameOrIgnoreIt() {
    add("V366_remove_leading_or_trailing_spaces_in_reportnames.sql", "UPDATE r SET n = trim(n);");

    refused()
        .withMessageContaining(
            "\n  /m/V366_remove_leading_or_trailing_spaces_in_reportnames.sql: has one underscore"
                + " between version and description, where Flyway needs two. Flyway silently"
                + " ignores such files, so this one has never run on any database Flyway"
                + " migrated. To run it, rename it to"
                + " V366__remove_leading_or_trailing_spaces_in_reportnames.sql; or leave it out"
                + " with strata.ignore='V366_remove_leading_or_trailing_spaces_in_reportnames.sql'");
  }

  // Annotations both gooses read alike: only the project tells which goose it uses.
  @ParameterizedTest
  @ValueSource(
      strings = {
        "-- +goose Up\nCREATE TABLE t (id int);\n-- +goose Down\nDROP TABLE t;\n",
        "-- +goose  Up\r\n",
        "\uFEFF-- +goose Up\n",
        "-- comment\n\n-- +goose Up\n-- +goose StatementBegin\n"
      })
  void namesBothGoosesForAFileOfAnnotationsBothKnow(String content) {
    add("20240115180414_init.sql", content);

    refused()
        .withMessageContaining(
            " It is a goose migration: read the location with goose:/m (strata.sources)"
                + " instead of filesystem:/m, or with goose-liamstask:/m if the project uses the"
                + " original bitbucket.org/liamstask/goose.\n")
        .withMessageContaining(
            "\n  /m/20240115180414_init.sql: it has a '-- +goose Up' annotation\n");
  }

  // Annotations the original goose reads as comments: the file is written for pressly/goose.
  @ParameterizedTest
  @ValueSource(
      strings = {
        "--+goose Up\n",
        "--   +goose Up  \r\n",
        "-- +goose up\n",
        "---- +goose UP\n",
        "-- +goose Up\n-- +goose NO TRANSACTION\nCREATE INDEX CONCURRENTLY i ON t (c);\n",
        "-- +goose Up\n-- +goose ENVSUB ON\nSELECT '$X';\n-- +goose ENVSUB OFF\n"
      })
  void namesOnlyPresslyGooseForAFileUsingWhatOnlyItKnows(String content) {
    add("20240115180414_init.sql", content);

    refused()
        .withMessageContaining(
            " It is a goose migration: read the location with goose:/m (strata.sources)"
                + " instead of filesystem:/m.\n")
        .withMessageNotContaining("goose-liamstask");
  }

  @Test
  void oneFileOnlyPresslyGooseReadsDecidesForTheWholeFolder() {
    add("20240115180414_init.sql", "-- +goose Up\nCREATE TABLE t (c int);\n");
    add("20240116000000_index.sql", "-- +goose NO TRANSACTION\n-- +goose Up\nSELECT 1;\n");

    refused()
        .withMessageContaining(" They are goose migrations: read the location with goose:/m (")
        .withMessageNotContaining("goose-liamstask");
  }

  @ParameterizedTest
  @ValueSource(strings = {" -- +goose Up\n", "-- +goose Up -- note\n", "-- +goose Upgrade\n"})
  void doesNotNameGooseForAnnotationsGooseRejects(String content) {
    add("20240115180414_init.sql", content);

    refused().withMessageNotContaining("goose:").withMessageContaining("sqlx:/m");
  }

  @Test
  void namesGooseOnceForAWholeFolderOfGooseMigrations() {
    for (int i = 0; i < 149; i++) {
      add(String.format("20240115%06d_m%d.sql", 180414 + i, i), "-- +goose Up\nSELECT 1;\n");
    }

    refused()
        .withMessageStartingWith("filesystem:/m holds 149 .sql files")
        .withMessageContaining(" They are goose migrations: read the location with goose:/m")
        .withMessageContaining("/m/20240115180414_m0.sql: it has a '-- +goose Up' annotation")
        .withMessageContaining("/m/20240115180562_m148.sql: it has a '-- +goose Up' annotation");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-- migrate:up\nCREATE TABLE t (id int);\n-- migrate:down\n",
        "--migrate:up transaction:false\n",
        "-- comment\n--   migrate:up\n"
      })
  void namesDbmateForAFileWithItsUpMarker(String content) {
    add("20240115180414_init.sql", content);

    refused()
        .withMessageContaining("It is a dbmate migration: read the location with dbmate:/m")
        .withMessageContaining(": it has a '-- migrate:up' marker");
  }

  @Test
  void namesPrismaForAFolderWithAMigrationLock() {
    files.listed("migration_lock.toml");
    add("init/migration.sql", "CREATE TABLE t (id int);");

    refused().withMessageContaining("It is a prisma migration: read the location with prisma:/m");
  }

  @Test
  void namesPrismaForTimestampedFoldersOfMigrationSql() {
    add("20240115180414_init/migration.sql", "CREATE TABLE t (id int);");
    add("20240116180414_users/migration.sql", "CREATE TABLE u (id int);");

    refused()
        .withMessageContaining("They are prisma migrations: read the location with prisma:/m")
        .withMessageContaining("/m/20240115180414_init/migration.sql: a Prisma migration folder\n");
  }

  @Test
  void namesDrizzleForMigrationSqlBesideASnapshot() {
    files.listed("20240115180414_init/snapshot.json");
    add("20240115180414_init/migration.sql", "CREATE TABLE t (id int);");

    refused().withMessageContaining("It is a drizzle migration: read the location with drizzle:/m");
  }

  @Test
  void namesDieselForVersionFoldersOfUpAndDownSql() {
    add("2024-01-15-180414_init/up.sql", "CREATE TABLE t (id int);");
    add("2024-01-15-180414_init/down.sql", "DROP TABLE t;");
    add("00000000000000_diesel_initial_setup/up.sql", "SELECT 1;");

    refused().withMessageContaining("They are diesel migrations: read the location with diesel:/m");
  }

  @Test
  void namesSqlxForAVersionedNameWithoutMarkers() {
    add("20240115180414_init.sql", "CREATE TABLE t (id int);");

    refused()
        .withMessageContaining("It is a sqlx migration: read the location with sqlx:/m")
        .withMessageContaining(": an sqlx name (<version>_<description>.sql)");
  }

  @Test
  void namesEachToolBesideItsFileWhenTheFolderMixesThem() {
    add("20240115180414_init.sql", "-- +goose Up\n");
    add("V7_fix.sql", "SELECT 1;");

    refused()
        .withMessageNotContaining("It is")
        .withMessageNotContaining("They are")
        .withMessageContaining(
            "/m/20240115180414_init.sql: it has a '-- +goose Up' annotation; read it with"
                + " goose:/m (or goose-liamstask:/m), or leave it out with"
                + " strata.ignore='20240115180414_init.sql'")
        .withMessageContaining("/m/V7_fix.sql: has one underscore");
  }

  @Test
  void stillNamesAFileWhoseContentCannotBeRead() {
    files.add(
        "/m/x.sql",
        "x.sql",
        "follows no naming convention",
        () -> {
          throw new java.io.IOException("gone");
        });

    refused().withMessageContaining("/m/x.sql: follows no naming convention");
  }

  @Test
  void escapesGlobCharactersInTheSuggestedIgnore() {
    add("a[1]*.sql", "SELECT 1;");

    refused().withMessageContaining("strata.ignore='a\\[1\\]\\*.sql'");
  }
}
