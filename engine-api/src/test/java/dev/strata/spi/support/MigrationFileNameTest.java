package dev.strata.spi.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.api.Direction;
import dev.strata.api.MigrationKind;
import dev.strata.api.MigrationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MigrationFileNameTest {

  private static MigrationFileName.Parsed parse(String name) {
    MigrationFileName.Parsed parsed = MigrationFileName.parse(name);
    assertThat(parsed).as("parse(%s)", name).isNotNull();
    return parsed;
  }

  // Flyway

  @Test
  void parsesAFlywayVersionedMigration() {
    MigrationFileName.Parsed p = parse("V1__init.sql");

    assertThat(p.id().version()).isEqualTo(MigrationVersion.parse("1"));
    assertThat(p.id().description()).isEqualTo("init");
    assertThat(p.id().kind()).isEqualTo(MigrationKind.VERSIONED);
    assertThat(p.direction()).isEqualTo(Direction.UP);
    assertThat(p.dialectTag()).isNull();
    assertThat(p.autocommit()).isFalse();
  }

  @Test
  void readsAFlywayUnderscoreSeparatedVersionAndUnderscoresInTheDescriptionAsSpaces() {
    MigrationFileName.Parsed p = parse("V1_2__add_users.sql");

    assertThat(p.id().version()).isEqualTo(MigrationVersion.parse("1.2"));
    assertThat(p.id().version()).hasToString("1.2");
    assertThat(p.id().description()).isEqualTo("add users");
    assertThat(p.direction()).isEqualTo(Direction.UP);
  }

  @Test
  void parsesAFlywayDottedVersion() {
    MigrationFileName.Parsed p = parse("V1.2.10__x.sql");

    assertThat(p.id().version()).isEqualTo(MigrationVersion.parse("1.2.10"));
    assertThat(p.id().description()).isEqualTo("x");
  }

  @Test
  void parsesAFlywayUndoScriptAsADownMigration() {
    MigrationFileName.Parsed p = parse("U3__x.sql");

    assertThat(p.id().version()).isEqualTo(MigrationVersion.parse("3"));
    assertThat(p.id().description()).isEqualTo("x");
    assertThat(p.direction()).isEqualTo(Direction.DOWN);
  }

  @Test
  void parsesAFlywayRepeatableMigrationWithoutVersion() {
    MigrationFileName.Parsed p = parse("R__views.sql");

    assertThat(p.id().version()).isNull();
    assertThat(p.id().description()).isEqualTo("views");
    assertThat(p.id().kind()).isEqualTo(MigrationKind.REPEATABLE);
    assertThat(p.direction()).isEqualTo(Direction.UP);
    assertThat(p.dialectTag()).isNull();
  }

  @Test
  void parsesARepeatableWithUnderscoresInItsDescription() {
    assertThat(parse("R__refresh_user_views.sql").id().description())
        .isEqualTo("refresh user views");
  }

  @Test
  void acceptsSpacesInTheDescription() {
    assertThat(parse("V2__add users table.sql").id().description()).isEqualTo("add users table");
    assertThat(parse("R__my views.sql").id().description()).isEqualTo("my views");
    assertThat(parse("5_add users.up.sql").id().description()).isEqualTo("add users");
  }

  @Test
  void acceptsDashesInAFlywayDescription() {
    MigrationFileName.Parsed p = parse("V1_4__postgres-queues-pkey.sql");

    assertThat(p.id().version()).isEqualTo(MigrationVersion.parse("1.4"));
    assertThat(p.id().description()).isEqualTo("postgres-queues-pkey");
  }

  @Test
  void readsV1_10AsANewerVersionThanV1_2() {
    assertThat(parse("V1_10__multitenant_indices.sql").id().version())
        .isGreaterThan(parse("V1_2__worker_heartbeat.sql").id().version());
  }

  // golang-migrate

  @Test
  void parsesAGolangMigrateUpScript() {
    MigrationFileName.Parsed p = parse("1_init.up.sql");

    assertThat(p.id().version()).isEqualTo(MigrationVersion.parse("1"));
    assertThat(p.id().description()).isEqualTo("init");
    assertThat(p.direction()).isEqualTo(Direction.UP);
    assertThat(p.dialectTag()).isNull();
    assertThat(p.autocommit()).isFalse();
  }

  @Test
  void parsesAGolangMigrateDownScript() {
    MigrationFileName.Parsed p = parse("1_init.down.sql");

    assertThat(p.id().version()).isEqualTo(MigrationVersion.parse("1"));
    assertThat(p.id().description()).isEqualTo("init");
    assertThat(p.direction()).isEqualTo(Direction.DOWN);
  }

  @Test
  void parsesAGolangMigrateDescriptionWithUnderscores() {
    MigrationFileName.Parsed p = parse("000042_create_users_table.up.sql");

    assertThat(p.id().version()).isEqualTo(MigrationVersion.parse("42"));
    assertThat(p.id().description()).isEqualTo("create users table");
  }

  // golang-migrate's rule, ^([0-9]+)_(.*)\.(down|up)\.(.*)$: the title is anything

  @Test
  void readsDotsInAGolangMigrateTitleAsPartOfTheTitle() {
    MigrationFileName.Parsed p = parse("0002_1.7.0_schema.up.sql");

    assertThat(p.id().version()).isEqualTo(MigrationVersion.parse("2"));
    assertThat(p.id().description()).isEqualTo("1.7.0 schema");
    assertThat(p.direction()).isEqualTo(Direction.UP);
    assertThat(p.dialectTag()).isNull();
  }

  @Test
  void readsASegmentBeforeTheDirectionThatNoDialectHasAsPartOfTheTitle() {
    MigrationFileName.Parsed p = parse("3_v2.0.1.down.sql");

    assertThat(p.id().description()).isEqualTo("v2.0.1");
    assertThat(p.direction()).isEqualTo(Direction.DOWN);
    assertThat(p.dialectTag()).isNull();
    assertThat(parse("1_init.foo.up.sql").id().description()).isEqualTo("init.foo");
    assertThat(parse("1_init.foo.up.sql").dialectTag()).isNull();
  }

  @Test
  void readsADialectTagAfterADottedTitle() {
    MigrationFileName.Parsed p = parse("3_v2.0.1.postgres.up.sql");

    assertThat(p.id().description()).isEqualTo("v2.0.1");
    assertThat(p.dialectTag()).isEqualTo("postgres");
    assertThat(p.autocommit()).isFalse();
  }

  @Test
  void readsTheAutocommitFlagAfterADottedTitleAndATag() {
    MigrationFileName.Parsed p = parse("4_1.7.0_fix.mysql.autocommit.up.sql");

    assertThat(p.id().description()).isEqualTo("1.7.0 fix");
    assertThat(p.dialectTag()).isEqualTo("mysql");
    assertThat(p.autocommit()).isTrue();
  }

  @Test
  void acceptsAnEmptyGolangMigrateTitle() {
    MigrationFileName.Parsed p = parse("5_.up.sql");

    assertThat(p.id().version()).isEqualTo(MigrationVersion.parse("5"));
    assertThat(p.id().description()).isEmpty();
    assertThat(p.direction()).isEqualTo(Direction.UP);
  }

  @Test
  void takesTheLastDirectionWhenUpAppearsTwiceAsGolangMigratesGreedyTitleDoes() {
    MigrationFileName.Parsed up = parse("6_a.up.b.up.sql");
    MigrationFileName.Parsed down = parse("6_a.up.down.sql");

    assertThat(up.id().description()).isEqualTo("a.up.b");
    assertThat(up.direction()).isEqualTo(Direction.UP);
    assertThat(down.id().description()).isEqualTo("a.up");
    assertThat(down.direction()).isEqualTo(Direction.DOWN);
  }

  @Test
  void acceptsVersionsBeyondGolangMigratesUint64AsPopxDoes() {
    // golang-migrate's ParseUint refuses 18446744073709551616; popx's 20-digit versions exceed it
    // as well (20210410175418000000 > 18446744073709551615), and popx takes any run of digits.
    assertThat(parse("18446744073709551616_big.up.sql").id().version())
        .isEqualTo(MigrationVersion.parse("18446744073709551616"));
    assertThat(parse("18446744073709551615_max.up.sql").id().version())
        .isLessThan(MigrationVersion.parse("18446744073709551616"));
  }

  @Test
  void recognisesTheTagsOfEveryDialectPopKnowsAndStrataAddsH2AndMariaDb() {
    for (String tag :
        List.of(
            "postgres",
            "postgresql",
            "pg",
            "pgx",
            "cockroach",
            "cockroachdb",
            "crdb",
            "mysql",
            "sqlite3",
            "sqlite",
            "h2",
            "mariadb")) {
      assertThat(parse("1_x." + tag + ".up.sql").dialectTag()).as(tag).isEqualTo(tag);
    }
    assertThat(parse("1_x.oracle.up.sql").dialectTag()).isNull();
    assertThat(parse("1_x.POSTGRES.up.sql").dialectTag()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1.up.sql", "_x.up.sql", "x_1.up.sql", "1_a\nb.up.sql", "1_x.up.SQL"})
  void refusesWhatGolangMigrateRefuses(String name) {
    assertThat(MigrationFileName.parse(name)).isNull();
  }

  // Ory popx

  @Test
  void parsesAnOryFileTaggedForADialect() {
    MigrationFileName.Parsed p = parse("20210410175418000000_name.postgres.up.sql");

    assertThat(p.id().version()).isEqualTo(MigrationVersion.parse("20210410175418000000"));
    assertThat(p.id().description()).isEqualTo("name");
    assertThat(p.direction()).isEqualTo(Direction.UP);
    assertThat(p.dialectTag()).isEqualTo("postgres");
    assertThat(p.autocommit()).isFalse();
  }

  @Test
  void parsesAnOryDownFileTaggedForADialectWithDigitsInTheTag() {
    MigrationFileName.Parsed p = parse("20150100000001000000_networks.sqlite3.down.sql");

    assertThat(p.direction()).isEqualTo(Direction.DOWN);
    assertThat(p.dialectTag()).isEqualTo("sqlite3");
    assertThat(p.id().description()).isEqualTo("networks");
  }

  @Test
  void parsesAnUntaggedOryFile() {
    MigrationFileName.Parsed p = parse("20220512151000000000_indices.up.sql");

    assertThat(p.dialectTag()).isNull();
    assertThat(p.id().description()).isEqualTo("indices");
  }

  @Test
  void readsTheAutocommitFlagWithoutADialectTag() {
    MigrationFileName.Parsed p = parse("20210410175418000000_name.autocommit.up.sql");

    assertThat(p.autocommit()).isTrue();
    assertThat(p.dialectTag()).isNull();
    assertThat(p.direction()).isEqualTo(Direction.UP);
    assertThat(p.id().description()).isEqualTo("name");
  }

  @Test
  void readsTheAutocommitFlagAfterADialectTag() {
    MigrationFileName.Parsed p = parse("20210410175418000000_name.postgres.autocommit.down.sql");

    assertThat(p.autocommit()).isTrue();
    assertThat(p.dialectTag()).isEqualTo("postgres");
    assertThat(p.direction()).isEqualTo(Direction.DOWN);
  }

  @Test
  void keepsDashesInOryNames() {
    MigrationFileName.Parsed p =
        parse("20220513200400000001_uuid-mapping-remove-check.sqlite.up.sql");

    assertThat(p.id().version()).isEqualTo(MigrationVersion.parse("20220513200400000001"));
    assertThat(p.id().description()).isEqualTo("uuid-mapping-remove-check");
    assertThat(p.dialectTag()).isEqualTo("sqlite");
  }

  @Test
  void keepsDashesInUntaggedOryNames() {
    MigrationFileName.Parsed p = parse("20220513200600000000_drop-old-non-uuid-table.down.sql");

    assertThat(p.id().description()).isEqualTo("drop-old-non-uuid-table");
    assertThat(p.dialectTag()).isNull();
    assertThat(p.direction()).isEqualTo(Direction.DOWN);
  }

  // Unrecognised names

  @Test
  void explainsAFlywayNameWithOneUnderscoreAndSuggestsTheFix() {
    String name = "V366_remove_leading_or_trailing_spaces_in_reportnames.sql";
    assertThat(MigrationFileName.parse(name)).isNull();
    assertThat(MigrationFileName.whyUnrecognized(name))
        .isEqualTo(
            "has one underscore between version and description, where Flyway needs two. Flyway"
                + " silently ignores such files, so this one has never run on any database Flyway"
                + " migrated. To run it, rename it to"
                + " V366__remove_leading_or_trailing_spaces_in_reportnames.sql");
  }

  @Test
  void suggestsTheFixForAMultiSegmentVersionWithOneUnderscore() {
    assertThat(MigrationFileName.parse("V1_2_fix_users.sql")).isNull();
    assertThat(MigrationFileName.whyUnrecognized("V1_2_fix_users.sql"))
        .contains("V1_2__fix_users.sql");
  }

  @Test
  void suggestsTheFixForARepeatableWithOneUnderscore() {
    assertThat(MigrationFileName.parse("R_views.sql")).isNull();
    assertThat(MigrationFileName.whyUnrecognized("R_views.sql")).contains("R__views.sql");
  }

  @Test
  void saysANonSqlFileIsNotAMigration() {
    assertThat(MigrationFileName.parse("README.md")).isNull();
    assertThat(MigrationFileName.whyUnrecognized("README.md")).isEqualTo("is not a .sql migration");
  }

  @Test
  void listsTheConventionsForAnSqlFileThatFollowsNone() {
    assertThat(MigrationFileName.parse("foo.sql")).isNull();
    assertThat(MigrationFileName.whyUnrecognized("foo.sql"))
        .isEqualTo("follows no naming convention; rename it to follow one");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "foo.sql",
        "V1__init.txt",
        "V1__init.sql.bak",
        "Vx__init.sql",
        "V__init.sql",
        "R__.sql",
        "1_init.sql",
        "1_init.sideways.sql",
        "init.up.sql",
        "X1__init.sql",
        "v1__init.sql",
        "V1__init.SQL"
      })
  void recognisesNoConventionIn(String name) {
    assertThat(MigrationFileName.parse(name)).isNull();
    assertThat(MigrationFileName.whyUnrecognized(name)).isNotBlank();
  }

  // Real migration sets

  @Test
  void recognisesEveryFileOfTheOryKetoMigrationSet() throws IOException {
    assertEverySqlFileIsRecognised("ory-keto");
  }

  @Test
  void recognisesEveryFileOfTheKestraPostgresMigrationSet() throws IOException {
    assertEverySqlFileIsRecognised("flyway-kestra-pg");
  }

  private static void assertEverySqlFileIsRecognised(String set) throws IOException {
    Path migrations = corpusSet(set).resolve("migrations");
    Assumptions.assumeTrue(Files.isDirectory(migrations), "no corpus folder " + migrations);
    List<String> names;
    try (Stream<Path> files = Files.list(migrations)) {
      names =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".sql"))
              .sorted()
              .toList();
    }
    assertThat(names).isNotEmpty();
    assertThat(names)
        .allSatisfy(
            name ->
                assertThat(MigrationFileName.parse(name))
                    .as("%s (%s)", name, MigrationFileName.whyUnrecognized(name))
                    .isNotNull());
  }

  /**
   * {@code STRATA_CORPUS_DIR}, else the first {@code shared/corpus} beside an ancestor of the
   * working directory.
   */
  private static Path corpusSet(String set) {
    String configured = System.getenv("STRATA_CORPUS_DIR");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).resolve(set);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("corpus");
      if (Files.isDirectory(candidate)) {
        return candidate.resolve(set);
      }
    }
    Assumptions.abort("the corpus is absent: set STRATA_CORPUS_DIR to the corpus directory");
    throw new AssertionError("unreachable");
  }
}
