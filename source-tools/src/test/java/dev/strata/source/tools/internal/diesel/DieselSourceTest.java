package dev.strata.source.tools.internal.diesel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.strata.api.Direction;
import dev.strata.api.MigrationDiscoveryException;
import dev.strata.source.tools.internal.FixtureFolder;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Diesel's rules, from {@code diesel_migrations/src/file_based_migrations.rs}, {@code
 * migrations_internals/src/lib.rs} and {@code migration_harness.rs}.
 */
class DieselSourceTest {
  @TempDir Path dir;

  private FixtureFolder folder() {
    return new FixtureFolder(dir);
  }

  private SourceListing list(String... ignore) {
    return new DieselSource(
            "diesel:" + dir,
            dir,
            new SourceSettings(List.of(ignore), DieselSourceTest.class.getClassLoader()))
        .list();
  }

  @Test
  void eachFolderIsAMigrationVersionedByItsNameUpToTheFirstUnderscoreWithoutDashes() {
    FixtureFolder f =
        folder()
            .file("00000000000000_diesel_initial_setup/up.sql", "select 0;")
            .file("00000000000000_diesel_initial_setup/down.sql", "select 0;")
            .file("2024-01-31-120000_create_users/up.sql", "create table users (id int);")
            .file("2024-01-31-120000_create_users/down.sql", "drop table users;")
            .file("2024-02-01-090000_no_down/up.sql", "select 1;")
            .file("2024-02-01-090000_no_down/README.md", "notes")
            .file("diesel.toml", "[print_schema]")
            .file("README.md", "migrations");

    assertThat(f.summary(list()))
        .containsExactly(
            "V00000000000000 diesel initial setup DOWN"
                + " 00000000000000_diesel_initial_setup/down.sql",
            "V00000000000000 diesel initial setup UP 00000000000000_diesel_initial_setup/up.sql",
            "V20240131120000 create users DOWN 2024-01-31-120000_create_users/down.sql",
            "V20240131120000 create users UP 2024-01-31-120000_create_users/up.sql",
            "V20240201090000 no down UP 2024-02-01-090000_no_down/up.sql");
  }

  @Test
  void metadataTomlDecidesTheTransactionWithSerdesDefaultOfFalseWhenTheFileIsSilent() {
    FixtureFolder f =
        folder()
            .file("1_none/up.sql", "select 1;")
            .file("2_false/up.sql", "select 1;")
            .file("2_false/down.sql", "select 1;")
            .file(
                "2_false/metadata.toml",
                "# CREATE INDEX CONCURRENTLY\nrun_in_transaction = false\n")
            .file("3_true/up.sql", "select 1;")
            .file("3_true/metadata.toml", "run_in_transaction = true # the default\n")
            .file("4_empty/up.sql", "select 1;")
            .file("4_empty/metadata.toml", "")
            .file("5_table/up.sql", "select 1;")
            .file("5_table/metadata.toml", "other = \"x\"\n[section]\nrun_in_transaction = true\n");

    assertThat(f.summary(list()))
        .containsExactly(
            "V1 none UP 1_none/up.sql",
            "V2 false DOWN autocommit 2_false/down.sql",
            "V2 false UP autocommit 2_false/up.sql",
            "V3 true UP 3_true/up.sql",
            "V4 empty UP autocommit 4_empty/up.sql",
            "V5 table UP autocommit 5_table/up.sql");
  }

  @Test
  void refusesAMetadataTomlItCannotReadNamingTheLine() {
    FixtureFolder f =
        folder()
            .file("1_x/up.sql", "select 1;")
            .file("1_x/metadata.toml", "# no transaction\nrun_in_transaction = False\n");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessage(
            f.origin("1_x/metadata.toml")
                + ":2: run_in_transaction must be true or false (unquoted), not False; Diesel"
                + " would ignore the whole file and run the migration in a transaction. Write"
                + " run_in_transaction = false (or true), or delete the file");
  }

  @Test
  void refusesLooseFilesFoldersWithoutUpSqlAndOtherSqlFilesNamingEveryOne() {
    FixtureFolder f =
        folder()
            .file("1_ok/up.sql", "select 1;")
            .file("schema.sql", "select 0;")
            .file("2_only_down/down.sql", "select 0;")
            .file("3_typo/Up.sql", "select 0;")
            .file("4_extra/up.sql", "select 4;")
            .file("4_extra/seed.sql", "select 0;")
            .file("v5_letters/up.sql", "select 0;");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessageStartingWith("diesel:" + dir + ": Diesel would never run these 6:\n  ")
        .withMessageContaining(
            f.origin("schema.sql")
                + " is beside the migration folders, and Diesel runs only their files")
        .withMessageContaining(
            f.origin("2_only_down")
                + " is a folder without up.sql, so Diesel stops on it (Unknown migration format)")
        .withMessageContaining(f.origin("3_typo/Up.sql") + " is not 3_typo/up.sql or down.sql")
        .withMessageContaining(f.origin("3_typo") + " is a folder without up.sql")
        .withMessageContaining(
            f.origin("4_extra/seed.sql") + " is not 4_extra/up.sql or down.sql, so Diesel never")
        .withMessageContaining(
            f.origin("v5_letters")
                + " is a folder whose version (its name up to the first '_', '-' removed) is"
                + " 'v5': Diesel runs it, but Strata's versions are numbers")
        .withMessageEndingWith(
            "Diesel runs <version>_<name>/up.sql with its down.sql, one folder per migration (the"
                + " version the name up to the first '_', digits and '-' only). Rename or move"
                + " them, or name them in the ignore option to leave them out");
  }

  @Test
  void whatTheIgnoreOptionNamesIsListedAsIgnored() {
    FixtureFolder f =
        folder()
            .file("1_ok/up.sql", "select 1;")
            .file("schema.sql", "select 0;")
            .file("drafts/notes.sql", "select 0;")
            .file("scratch/try.sql", "select 0;")
            .file("2_later/up.sql", "select 2;")
            .file("2_later/down.sql", "select 2;");

    SourceListing listing = list("schema.sql", "drafts", "scratch/**", "2_later/up.sql");

    assertThat(f.summary(listing)).containsExactly("V1 ok UP 1_ok/up.sql");
    assertThat(listing.ignored())
        .containsExactlyInAnyOrder(
            f.origin("schema.sql"),
            f.origin("drafts"),
            f.origin("scratch/try.sql"),
            f.origin("2_later/up.sql"));
  }

  @Test
  void refusesVersionsWhoseTextOrderIsNotTheirNumericOrder() {
    FixtureFolder f =
        folder().file("9_nine/up.sql", "select 9;").file("10_ten/up.sql", "select 10;");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessage(
            "Diesel orders migrations by their versions as text, so it runs "
                + f.origin("10_ten")
                + " (version 10) before "
                + f.origin("9_nine")
                + " (version 9); Strata orders versions as numbers and would run them the other"
                + " way round. Give the versions the same number of digits (pad with leading"
                + " zeros), so that both orders agree");
  }

  @Test
  void versionsOfOneWidthAndTheInitialSetupAgreeInBothOrders() {
    FixtureFolder f =
        folder()
            .file("00000000000000_diesel_initial_setup/up.sql", "select 0;")
            .file("2024-01-01-000000_a/up.sql", "select 1;")
            .file("2023-12-31-235959_b/up.sql", "select 1;");

    assertThat(f.summary(list())).hasSize(3);
  }

  @Test
  void anEmptyFileIsRefusedWhenReadAsDieselRefusesIt() throws Exception {
    FixtureFolder f = folder().file("1_x/up.sql", "").file("1_x/down.sql", " ");
    SourceListing listing = list();

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(() -> FixtureFolder.find(listing, "up.sql", Direction.UP).content().read())
        .withMessage(
            f.origin("1_x/up.sql")
                + " is empty, and Diesel refuses to run an empty migration (\"Attempted to run an"
                + " empty migration\"); write its SQL, or a comment if it has nothing to do");
    assertThat(FixtureFolder.find(listing, "down.sql", Direction.DOWN).content().read())
        .containsExactly(' ');
  }
}
