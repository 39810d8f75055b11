package dev.strata.source.tools.internal.sqlx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.strata.api.Direction;
import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.MigrationVersion;
import dev.strata.source.tools.internal.FixtureFolder;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sqlx's rules, from {@code sqlx-core/src/migrate/source.rs} and {@code migration_type.rs}. */
class SqlxSourceTest {
  @TempDir Path dir;

  private FixtureFolder folder() {
    return new FixtureFolder(dir);
  }

  private SourceListing list(String... ignore) {
    return new SqlxSource(
            "sqlx:" + dir,
            dir,
            new SourceSettings(List.of(ignore), SqlxSourceTest.class.getClassLoader()))
        .list();
  }

  @Test
  void readsSimpleAndReversibleFilesWithSqlxsVersionsAndDescriptions() {
    FixtureFolder f =
        folder()
            .file("1_create_users.sql", "create table users (id int);")
            .file("2_add_posts.up.sql", "create table posts (id int);")
            .file("2_add_posts.down.sql", "drop table posts;")
            .file("9_nine.sql", "select 9;")
            .file("10_ten.sql", "select 10;")
            .file("README.md", "not a migration")
            .file("notes.txt", "neither");

    assertThat(f.summary(list()))
        .containsExactly(
            "V1 create users UP 1_create_users.sql",
            "V10 ten UP 10_ten.sql",
            "V2 add posts DOWN 2_add_posts.down.sql",
            "V2 add posts UP 2_add_posts.up.sql",
            "V9 nine UP 9_nine.sql");
  }

  @Test
  void versionsAreWholeNumbersComparedAsNumbers() {
    assertThat(parsed("10_ten.sql").id().version())
        .isGreaterThan(parsed("9_nine.sql").id().version());
    // Rust's i64 parser takes a leading '+' and leading zeros: 007 and +7 are version 7.
    assertThat(parsed("007_x.sql").id().version()).isEqualTo(MigrationVersion.parse("7"));
    assertThat(parsed("+7_x.sql").id().version()).isEqualTo(MigrationVersion.parse("7"));
    assertThat(parsed("0_zero.sql").id().version()).isEqualTo(MigrationVersion.parse("0"));
    assertThat(parsed("9223372036854775807_max.sql").id().version().toString())
        .isEqualTo("9223372036854775807");
  }

  @Test
  void descriptionsLoseTheSuffixAsRustsTrimEndMatchesDoesAndReadUnderscoresAsSpaces() {
    assertThat(parsed("3_a_b_c.up.sql").id().description()).isEqualTo("a b c");
    assertThat(parsed("4_x.sql.sql").id().description()).isEqualTo("x");
    assertThat(parsed("5_.sql").id().description()).isEmpty();
    // "up.sql" does not end in ".up.sql": a simple migration described "up".
    assertThat(parsed("6_up.sql").id().description()).isEqualTo("up");
    assertThat(parsed("6_up.sql").reversible()).isFalse();
    assertThat(parsed("7_x.down.sql").direction()).isEqualTo(Direction.DOWN);
  }

  private static SqlxFileName.Parsed parsed(String name) {
    return (SqlxFileName.Parsed) SqlxFileName.parse(name);
  }

  @Test
  void refusesEveryFileSqlxWouldSkipOrStopOnNamingEachAndTheConvention() {
    folder()
        .file("1_ok.sql", "select 1;")
        .file("init.sql", "select 0;")
        .file("abc_x.sql", "select 0;")
        .file("2_shout.SQL", "select 0;")
        .file("99999999999999999999_big.sql", "select 0;")
        .file("-1_negative.sql", "select 0;")
        .file("nested/3_deep.sql", "select 0;");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessage(
            "sqlx:"
                + dir
                + ": sqlx would never run these 6:\n  "
                + dir.resolve("-1_negative.sql")
                + " has a negative version; sqlx runs it, but Strata's versions are never"
                + " negative\n  "
                + dir.resolve("2_shout.SQL")
                + " ends in .SQL: sqlx runs only .sql\n  "
                + dir.resolve("99999999999999999999_big.sql")
                + " does not start with a whole number that fits a 64-bit integer before its first"
                + " '_', so sqlx stops on it (\"error parsing migration filename\")\n  "
                + dir.resolve("abc_x.sql")
                + " does not start with a whole number that fits a 64-bit integer before its first"
                + " '_', so sqlx stops on it (\"error parsing migration filename\")\n  "
                + dir.resolve("init.sql")
                + " has no '_' between a version and a description, so sqlx skips it (it runs"
                + " <version>_<description>.sql)\n  "
                + dir.resolve("nested/3_deep.sql")
                + " is in a subfolder, and sqlx reads only the folder's own files\n"
                + "sqlx runs <version>_<description>.sql, or <version>_<description>.up.sql with"
                + " its .down.sql, directly in the folder (the version a whole number). Rename or"
                + " move them, or name them in the ignore option to leave them out")
        .satisfies(
            e -> assertThat(e.origins()).hasSize(6).contains(dir.resolve("init.sql").toString()));
  }

  @Test
  void filesTheIgnoreOptionNamesAreListedAsIgnoredAndNeverRead() {
    FixtureFolder f =
        folder()
            .file("1_ok.sql", "select 1;")
            .file("init.sql", "select 0;")
            .file("nested/3_deep.sql", "select 0;")
            .file("2_draft.sql", "select 2;");

    SourceListing listing = list("init.sql", "nested/**", "2_*.sql");

    assertThat(f.summary(listing)).containsExactly("V1 ok UP 1_ok.sql");
    assertThat(listing.ignored())
        .containsExactlyInAnyOrder(
            f.origin("init.sql"), f.origin("nested/3_deep.sql"), f.origin("2_draft.sql"));
  }

  @Test
  void hiddenFilesAreSkipped() {
    FixtureFolder f = folder().file(".1_hidden.sql", "select 1;").file("2_ok.sql", "select 2;");

    assertThat(f.summary(list())).containsExactly("V2 ok UP 2_ok.sql");
  }

  @Test
  void noTransactionIsTheFilesFirstBytesExactlyAsSqlxTestsThem() {
    FixtureFolder f =
        folder()
            .file("1_marked.sql", "-- no-transaction\ncreate index concurrently i on t (c);")
            .file("2_prefix.sql", "-- no-transactional, sqlx's starts_with matches this too\n")
            .file("3_indented.sql", " -- no-transaction\nselect 1;")
            .file("4_later.sql", "select 1;\n-- no-transaction\n")
            .file("5_case.sql", "-- No-Transaction\nselect 1;")
            .file(
                "6_bom.sql",
                ("\uFEFF-- no-transaction\nselect 1;").getBytes(StandardCharsets.UTF_8))
            .file("7_plain.up.sql", "-- no-transaction\nselect 1;")
            .file("7_plain.down.sql", "select 1;");

    assertThat(f.summary(list()))
        .containsExactly(
            "V1 marked UP autocommit 1_marked.sql",
            "V2 prefix UP autocommit 2_prefix.sql",
            "V3 indented UP 3_indented.sql",
            "V4 later UP 4_later.sql",
            "V5 case UP 5_case.sql",
            "V6 bom UP 6_bom.sql",
            "V7 plain DOWN 7_plain.down.sql",
            "V7 plain UP autocommit 7_plain.up.sql");
  }

  @Test
  void statementsAreSplitByTheDialectAsSqlxSendsEachFileWhole() {
    folder().file("1_x.sql", "select 1; select 2;");

    assertThat(list().resources()).allSatisfy(r -> assertThat(r.splitter()).isNull());
  }

  @Test
  void theChecksumIsSqlxsSha384OfTheFilesBytes() {
    // echo -n "select 1;" | sha384sum
    assertThat(SqlxChecksum.hex("select 1;".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(
            "bb87975f5b43d0b36ebfcc516dd223f75b63cfd63db47ff4ef4aa65bda2e904aea13cf87a5239c302c1f6b19e59748bf");
    assertThat(SqlxChecksum.of(new byte[0])).hasSize(48);
  }
}
