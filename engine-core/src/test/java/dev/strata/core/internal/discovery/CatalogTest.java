package dev.strata.core.internal.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.MigrationVersion;
import dev.strata.api.StrataEvent;
import dev.strata.core.internal.plan.SourceMigration;
import dev.strata.core.internal.source.FilesystemSourceProvider;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.MigrationSource;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import dev.strata.spi.support.MigrationFileName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogTest {
  private static final Set<String> POSTGRES = Set.of("postgres");

  private final List<StrataEvent> warnings = new ArrayList<>();

  /** A source holding scripts in memory, each named as a file would be. */
  private record InMemorySource(
      String location, List<MigrationResource> resources, List<StrataEvent.Warning> warnings)
      implements MigrationSource {
    InMemorySource(MigrationResource... resources) {
      this("memory:", Arrays.asList(resources), List.of());
    }

    @Override
    public SourceListing list() {
      return new SourceListing(resources, warnings, List.of());
    }
  }

  private static MigrationResource file(String name, String text) {
    return file(name, text.getBytes(StandardCharsets.UTF_8));
  }

  private static MigrationResource file(String name, byte[] bytes) {
    MigrationFileName.Parsed p = MigrationFileName.parse(name);
    assertThat(p).as(name).isNotNull();
    return new MigrationResource(
        p.id(), p.direction(), p.dialectTag(), p.autocommit(), "mem/" + name, () -> bytes);
  }

  private List<SourceMigration> discover(Set<String> tags, MigrationSource... sources) {
    return Catalog.discover(
        SourceScan.of(List.of(sources)), List.of(), "postgresql", tags, warnings::add);
  }

  private static SourceMigration only(List<SourceMigration> migrations) {
    assertThat(migrations).hasSize(1);
    return migrations.get(0);
  }

  // Locations written for some dialects only

  /** A source whose location says it is written for {@code tags} only, as migration_lock.toml. */
  private static MigrationSource writtenFor(Set<String> tags, MigrationResource... resources) {
    return new MigrationSource() {
      @Override
      public String location() {
        return "memory:";
      }

      @Override
      public SourceListing list() {
        return new SourceListing(
            List.of(resources),
            List.of(),
            List.of(),
            new SourceListing.DialectRequirement(
                tags, "mem/migration_lock.toml", "provider = \"mysql\""));
      }
    };
  }

  @Test
  void refusesALocationWrittenForAnotherDialectNamingTheFileThatSaysSo() {
    MigrationSource mysqlOnly =
        writtenFor(Set.of("mysql"), file("V1__init.sql", "create table a (id int);"));

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(
            () ->
                Catalog.discover(
                    SourceScan.of(List.of(mysqlOnly)),
                    List.of(),
                    "postgresql",
                    Set.of("postgres", "postgresql"),
                    warnings::add))
        .withMessage(
            "mem/migration_lock.toml says provider = \"mysql\": its migrations are written for"
                + " mysql, but the connected database is a postgresql database; connect to the"
                + " database they are written for, or point the source"
                + " (strata.sources) at the migrations written for postgresql")
        .satisfies(e -> assertThat(e.origins()).containsExactly("mem/migration_lock.toml"));
  }

  @Test
  void refusesALocationWrittenForAnotherDialectEvenWhenItHoldsNoScripts() {
    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(() -> discover(POSTGRES, writtenFor(Set.of("mysql"))))
        .withMessageStartingWith("mem/migration_lock.toml says");
  }

  @Test
  void runsALocationWrittenForTheConnectedDialect() {
    List<SourceMigration> found =
        discover(
            Set.of("mysql", "mariadb"),
            writtenFor(Set.of("sqlite", "mysql"), file("V1__init.sql", "create table a (id int);")),
            new InMemorySource(file("V2__more.sql", "create table b (id int);")));

    assertThat(found).extracting(m -> m.id().version().toString()).containsExactly("1", "2");
  }

  // Pairing

  @Test
  void pairsUpAndDownScriptsOfTheSameVersion() {
    List<SourceMigration> found =
        discover(
            POSTGRES,
            new InMemorySource(
                file("1_init.up.sql", "create table a (id int);"),
                file("1_init.down.sql", "drop table a;"),
                file("2_users.up.sql", "create table u (id int);")));

    assertThat(found)
        .extracting(m -> m.id().toString())
        .containsExactlyInAnyOrder("V1 init", "V2 users");
    SourceMigration one =
        found.stream()
            .filter(m -> m.id().version().equals(MigrationVersion.parse("1")))
            .findFirst()
            .orElseThrow();
    assertThat(one.up().origin()).isEqualTo("mem/1_init.up.sql");
    assertThat(one.down()).isNotNull();
    assertThat(one.down().origin()).isEqualTo("mem/1_init.down.sql");
    assertThat(one.upScript()).isEqualTo("create table a (id int);");
    assertThat(one.checksum()).isEqualTo(ScriptText.checksum("create table a (id int);"));
    SourceMigration two =
        found.stream()
            .filter(m -> m.id().version().equals(MigrationVersion.parse("2")))
            .findFirst()
            .orElseThrow();
    assertThat(two.down()).isNull();
  }

  @Test
  void pairsAFlywayUndoScriptWithItsVersionedScript() {
    SourceMigration m =
        only(
            discover(
                POSTGRES,
                new InMemorySource(
                    file("U1__init.sql", "drop table a;"),
                    file("V1__init.sql", "create table a;"))));

    assertThat(m.up().origin()).isEqualTo("mem/V1__init.sql");
    assertThat(m.down().origin()).isEqualTo("mem/U1__init.sql");
  }

  @Test
  void findsRepeatableMigrations() {
    SourceMigration m =
        only(
            discover(
                POSTGRES, new InMemorySource(file("R__views.sql", "create view v as select 1;"))));

    assertThat(m.id().version()).isNull();
    assertThat(m.id().description()).isEqualTo("views");
    assertThat(m.down()).isNull();
  }

  @Test
  void combinesSeveralSources() {
    List<SourceMigration> found =
        discover(
            POSTGRES,
            new InMemorySource(file("V1__a.sql", "a")),
            new InMemorySource(file("V2__b.sql", "b"), file("U1__a.sql", "undo a")));

    assertThat(found).extracting(m -> m.id().toString()).containsExactlyInAnyOrder("V1 a", "V2 b");
    assertThat(found)
        .filteredOn(m -> m.id().description().equals("a"))
        .singleElement()
        .satisfies(m -> assertThat(m.down().origin()).isEqualTo("mem/U1__a.sql"));
  }

  // Duplicates

  @Test
  void refusesTheSameVersionInTwoConventionsNamingBothFiles() {
    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(
            () ->
                discover(
                    POSTGRES, new InMemorySource(file("V1__a.sql", "a"), file("1_b.up.sql", "b"))))
        .withMessage(
            "Found more than one up script for version 1: mem/V1__a.sql and mem/1_b.up.sql; give one"
                + " of them a new version")
        .satisfies(e -> assertThat(e.origins()).containsExactly("mem/V1__a.sql", "mem/1_b.up.sql"));
  }

  @Test
  void refusesVersionsThatAreEqualOnlyNumerically() {
    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(
            () ->
                discover(
                    POSTGRES, new InMemorySource(file("V1__a.sql", "a"), file("V1.0__b.sql", "b"))))
        .withMessageContaining("mem/V1__a.sql")
        .withMessageContaining("mem/V1.0__b.sql");
  }

  @Test
  void refusesTheSameVersionInTwoSources() {
    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(
            () ->
                discover(
                    POSTGRES,
                    new InMemorySource(file("V3__a.sql", "a")),
                    new InMemorySource(file("V3__a.sql", "a"))))
        .withMessageStartingWith("Found more than one up script for version 3");
  }

  @Test
  void refusesTwoDownScriptsForOneVersion() {
    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(
            () ->
                discover(
                    POSTGRES,
                    new InMemorySource(
                        file("V1__a.sql", "a"), file("U1__a.sql", "x"), file("1_a.down.sql", "y"))))
        .withMessage(
            "Found more than one down script for version 1: mem/U1__a.sql and mem/1_a.down.sql; give"
                + " one of them a new version");
  }

  @Test
  void refusesTwoRepeatablesWithTheSameDescription() {
    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(
            () ->
                discover(
                    POSTGRES,
                    new InMemorySource(file("R__views.sql", "a")),
                    new InMemorySource(file("R__views.sql", "b"))))
        .withMessageStartingWith(
            "Found more than one up script for repeatable migration 'views': ");
  }

  @Test
  void refusesTheSameVersionInTwoConventionsOnDisk(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("V1__a.sql"), "create table a (id int);");
    Files.writeString(dir.resolve("1_b.up.sql"), "create table b (id int);");
    MigrationSource source =
        new FilesystemSourceProvider()
            .create("filesystem:" + dir, dir.toString(), SourceSettings.defaults());

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(() -> discover(POSTGRES, source))
        .withMessageStartingWith("Found more than one up script for version 1: ")
        .withMessageContaining(dir.resolve("V1__a.sql").toString())
        .withMessageContaining(dir.resolve("1_b.up.sql").toString());
  }

  // Dialect variants

  @Test
  void theDialectsVariantBeatsTheUntaggedFileWhicheverComesFirst() {
    MigrationResource untagged = file("20210410175418000000_x.up.sql", "generic");
    MigrationResource tagged = file("20210410175418000000_x.postgres.up.sql", "postgres only");

    SourceMigration untaggedFirst = only(discover(POSTGRES, new InMemorySource(untagged, tagged)));
    SourceMigration taggedFirst = only(discover(POSTGRES, new InMemorySource(tagged, untagged)));

    assertThat(untaggedFirst.up().origin()).isEqualTo("mem/20210410175418000000_x.postgres.up.sql");
    assertThat(untaggedFirst.upScript()).isEqualTo("postgres only");
    assertThat(taggedFirst.up().origin()).isEqualTo("mem/20210410175418000000_x.postgres.up.sql");
  }

  @Test
  void theDialectsDownVariantBeatsTheUntaggedDownScript() {
    SourceMigration m =
        only(
            discover(
                POSTGRES,
                new InMemorySource(
                    file("7_x.up.sql", "up"),
                    file("7_x.down.sql", "generic down"),
                    file("7_x.postgres.down.sql", "postgres down"))));

    assertThat(m.up().origin()).isEqualTo("mem/7_x.up.sql");
    assertThat(m.down().origin()).isEqualTo("mem/7_x.postgres.down.sql");
  }

  @Test
  void ignoresOtherDialectsFiles() {
    List<SourceMigration> found =
        discover(
            POSTGRES,
            new InMemorySource(
                file("1_x.mysql.up.sql", "mysql"),
                file("1_x.cockroach.up.sql", "cockroach"),
                file("1_x.up.sql", "generic"),
                file("1_x.sqlite3.up.sql", "sqlite"),
                file("2_only_mysql.mysql.up.sql", "mysql"),
                file("2_only_mysql.mysql.down.sql", "mysql")));

    SourceMigration m = only(found);
    assertThat(m.up().origin()).isEqualTo("mem/1_x.up.sql");
    assertThat(m.upScript()).isEqualTo("generic");
  }

  @Test
  void keepsTheAutocommitFlagOfTheChosenVariant() {
    SourceMigration m =
        only(
            discover(
                POSTGRES,
                new InMemorySource(
                    file("3_idx.up.sql", "create index i on t (c);"),
                    file(
                        "3_idx.postgres.autocommit.up.sql",
                        "create index concurrently i on t (c);"))));

    assertThat(m.up().autocommit()).isTrue();
    assertThat(m.up().dialectTag()).isEqualTo("postgres");
  }

  @Test
  void refusesTwoVariantsForTheSameDialect() {
    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(
            () ->
                discover(
                    POSTGRES,
                    new InMemorySource(
                        file("3_a.postgres.up.sql", "a"), file("3_b.postgres.up.sql", "b"))))
        .withMessageContaining("mem/3_a.postgres.up.sql")
        .withMessageContaining("mem/3_b.postgres.up.sql");
  }

  // Down without up

  @Test
  void refusesADownScriptWithoutUpScriptNamingIt() {
    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(
            () ->
                discover(
                    POSTGRES,
                    new InMemorySource(file("V1__a.sql", "a"), file("2_b.down.sql", "drop b"))))
        .withMessage(
            "mem/2_b.down.sql is a down script without an up script for version 2; add the up script"
                + " or remove the down script")
        .satisfies(e -> assertThat(e.origins()).containsExactly("mem/2_b.down.sql"));
  }

  @Test
  void aDownScriptWhoseUpScriptIsForAnotherDialectHasNoUpScript() {
    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(
            () ->
                discover(
                    POSTGRES,
                    new InMemorySource(
                        file("4_x.mysql.up.sql", "up"), file("4_x.down.sql", "down"))))
        .withMessageStartingWith(
            "mem/4_x.down.sql is a down script without an up script for version 4");
  }

  // Reading scripts

  @Test
  void refusesAFileThatIsNotUtf8NamingFileAndLine() {
    byte[] latin1 =
        "-- ok\ncreate table t (id int);\ninsert into t values ('caf\u00e9');\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(() -> discover(POSTGRES, new InMemorySource(file("V1__latin1.sql", latin1))))
        .withMessage(
            "mem/V1__latin1.sql:3: the file is not valid UTF-8; convert it (e.g. iconv -f latin1 -t"
                + " utf-8) and run again")
        .satisfies(e -> assertThat(e.origins()).containsExactly("mem/V1__latin1.sql"));
  }

  @Test
  void anotherDialectsVariantThatIsNotUtf8FailsOnlyThatDialect() {
    byte[] latin1 = "insert into t values ('caf\u00e9');\n".getBytes(StandardCharsets.ISO_8859_1);
    InMemorySource source =
        new InMemorySource(file("1_x.up.sql", "generic"), file("1_x.mysql.up.sql", latin1));

    assertThat(only(discover(POSTGRES, source)).upScript()).isEqualTo("generic");
    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(() -> discover(Set.of("mysql"), source))
        .withMessageStartingWith("mem/1_x.mysql.up.sql:1: the file is not valid UTF-8");
  }

  @Test
  void aScanOnItsOwnThreadFindsWhatAScanHereFinds() {
    // Enough scripts that the joining thread reads some of them too.
    List<MigrationResource> files = new ArrayList<>();
    for (int v = 1; v <= 300; v++) {
      files.add(file("V" + v + "__m" + v + ".sql", "create table t" + v + " (id int);"));
    }
    byte[] latin1 = "insert into t values ('caf\u00e9');\n".getBytes(StandardCharsets.ISO_8859_1);
    files.add(file("V301__latin1.sql", latin1));
    InMemorySource source = new InMemorySource("memory:", files, List.of());

    MigrationDiscoveryException here =
        catchThrowableOfType(() -> discover(POSTGRES, source), MigrationDiscoveryException.class);
    SourceScan scan = SourceScan.start(() -> List.of(source)).join();
    MigrationDiscoveryException there =
        catchThrowableOfType(
            () -> Catalog.discover(scan, List.of(), "postgresql", POSTGRES, warnings::add),
            MigrationDiscoveryException.class);
    files.remove(300);
    List<SourceMigration> read =
        Catalog.discover(
            SourceScan.start(() -> List.of(source)).join(),
            List.of(),
            "postgresql",
            POSTGRES,
            warnings::add);

    assertThat(there).hasMessage(here.getMessage()).hasMessageStartingWith("mem/V301__latin1.sql");
    assertThat(read).hasSize(300);
    for (int v = 1; v <= 300; v++) {
      SourceMigration m = read.get(v - 1);
      assertThat(m.upScript()).isEqualTo("create table t" + v + " (id int);");
      assertThat(m.checksum()).isEqualTo(ScriptText.checksum(m.upScript()));
    }
  }

  @Test
  void aScanOnItsOwnThreadThrowsWhatTheSourceThrewWhenJoined() {
    MigrationSource broken =
        new MigrationSource() {
          @Override
          public String location() {
            return "memory:";
          }

          @Override
          public SourceListing list() {
            throw new MigrationDiscoveryException("cannot list memory:", List.of("memory:"));
          }
        };

    SourceScan.Pending scan = SourceScan.start(() -> List.of(broken));

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(scan::join)
        .withMessage("cannot list memory:");
  }

  @Test
  void refusesAFileOnDiskThatIsNotUtf8NamingFileAndLine(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("V1__ok.sql"), "create table a (id int);");
    Path latin1 = dir.resolve("V2__latin1.sql");
    Files.write(
        latin1,
        "create table t (id int);\n\ninsert into t values ('\u00e9t\u00e9');\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    MigrationSource source =
        new FilesystemSourceProvider()
            .create("filesystem:" + dir, dir.toString(), SourceSettings.defaults());

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(() -> discover(POSTGRES, source))
        .withMessageStartingWith(latin1 + ":3: the file is not valid UTF-8");
  }

  @Test
  void readsAFileOnDiskWithBomAndCrlfLikeTheSameFileWithout(@TempDir Path dir) throws IOException {
    Path a = Files.createDirectories(dir.resolve("a"));
    Path b = Files.createDirectories(dir.resolve("b"));
    Files.write(
        a.resolve("V1__x.sql"),
        "\uFEFFcreate table ${t} (\r\n  id int\r\n);\r\n".getBytes(StandardCharsets.UTF_8));
    Files.writeString(b.resolve("V1__x.sql"), "create table ${t} (\n  id int\n);\n");
    FilesystemSourceProvider provider = new FilesystemSourceProvider();

    SourceMigration withBom =
        only(discover(POSTGRES, provider.create("a", a.toString(), SourceSettings.defaults())));
    SourceMigration plain =
        only(discover(POSTGRES, provider.create("b", b.toString(), SourceSettings.defaults())));

    assertThat(withBom.upScript()).startsWith("create table ${t} (");
    assertThat(withBom.checksum()).isEqualTo(plain.checksum());
  }

  @Test
  void reportsLineOneForABadByteOnTheFirstLine() {
    byte[] bytes = {'s', 'e', 'l', (byte) 0xff, '\n', 'x'};

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(() -> discover(POSTGRES, new InMemorySource(file("V1__bad.sql", bytes))))
        .withMessageStartingWith("mem/V1__bad.sql:1: ");
  }

  @Test
  void reportsTheLastLineForATruncatedMultiByteCharacterAtTheEnd() {
    byte[] bytes = {'a', '\n', 'b', '\n', 'c', (byte) 0xc3};

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(() -> discover(POSTGRES, new InMemorySource(file("V1__bad.sql", bytes))))
        .withMessageStartingWith("mem/V1__bad.sql:3: ");
  }

  @Test
  void reportsAFileThatCannotBeRead() {
    MigrationResource unreadable =
        new MigrationResource(
            MigrationFileName.parse("V1__a.sql").id(),
            dev.strata.api.Direction.UP,
            null,
            false,
            "mem/V1__a.sql",
            () -> {
              throw new IOException("Permission denied");
            });

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(() -> discover(POSTGRES, new InMemorySource(unreadable)))
        .withMessage("Cannot read mem/V1__a.sql: Permission denied; check the file's permissions");
  }

  @Test
  void stripsAByteOrderMark() {
    byte[] withBom = "\uFEFFcreate table t (id int);".getBytes(StandardCharsets.UTF_8);

    SourceMigration m = only(discover(POSTGRES, new InMemorySource(file("V1__bom.sql", withBom))));

    assertThat(m.upScript()).isEqualTo("create table t (id int);");
    assertThat(m.checksum()).isEqualTo(ScriptText.checksum("create table t (id int);"));
  }

  @Test
  void theChecksumIgnoresCrlfVersusLf() {
    SourceMigration crlf =
        only(
            discover(
                POSTGRES,
                new InMemorySource(file("V1__a.sql", "create table a (\r\n  id int\r\n);\r\n"))));
    SourceMigration lf =
        only(
            discover(
                POSTGRES,
                new InMemorySource(file("V1__a.sql", "create table a (\n  id int\n);\n"))));

    assertThat(crlf.checksum()).isEqualTo(lf.checksum());
    assertThat(crlf.upScript()).contains("\r\n");
  }

  @Test
  void theChecksumChangesWithTheText() {
    assertThat(ScriptText.checksum("create table a (id int);"))
        .isNotEqualTo(ScriptText.checksum("create table a (id bigint);"))
        .matches("[0-9a-f]{64}");
  }

  @Test
  void leavesPlaceholderSyntaxUntouched() {
    String text = "create table ${schema}.t (id int); -- ${flyway:user} $${x}";

    SourceMigration m =
        only(discover(POSTGRES, new InMemorySource(file("V1__placeholders.sql", text))));

    assertThat(m.upScript()).isEqualTo(text);
  }

  @Test
  void readsEachScriptOnce() {
    AtomicInteger reads = new AtomicInteger();
    MigrationResource counted =
        new MigrationResource(
            MigrationFileName.parse("V1__a.sql").id(),
            dev.strata.api.Direction.UP,
            null,
            false,
            "mem/V1__a.sql",
            () -> {
              reads.incrementAndGet();
              return "a".getBytes(StandardCharsets.UTF_8);
            });

    discover(POSTGRES, new InMemorySource(counted));

    assertThat(reads).hasValue(1);
  }

  // Warnings

  @Test
  void passesTheSourcesWarningsOn() {
    StrataEvent.Warning warning =
        new StrataEvent.Warning(
            "mem/V2__pipe.sql", "mem/V2__pipe.sql is not a regular file; it is ignored");
    InMemorySource source =
        new InMemorySource("memory:", List.of(file("V1__a.sql", "a")), List.of(warning));

    discover(POSTGRES, source);

    assertThat(warnings).containsExactly(warning);
  }

  @Test
  void reportsTheFilesTheIgnoreOptionLeftOut() {
    MigrationSource source =
        new MigrationSource() {
          @Override
          public String location() {
            return "memory:";
          }

          @Override
          public SourceListing list() {
            return new SourceListing(
                List.of(file("V1__a.sql", "a")), List.of(), List.of("mem/V7_fix.sql"));
          }
        };

    assertThat(discover(POSTGRES, source)).hasSize(1);
    assertThat(warnings).containsExactly(new StrataEvent.FileIgnored("mem/V7_fix.sql"));
  }

  // Real migration sets

  @Test
  void findsSixteenMigrationsForPostgresAndFourteenForMysqlInTheOryKetoSet() {
    Path dir = corpusMigrations("ory-keto");
    MigrationSource source =
        new FilesystemSourceProvider()
            .create("filesystem:" + dir, dir.toString(), SourceSettings.defaults());

    List<SourceMigration> postgres = discover(Set.of("postgres"), source);
    List<SourceMigration> mysql = discover(Set.of("mysql"), source);

    assertThat(postgres).hasSize(16).allSatisfy(m -> assertThat(m.down()).isNotNull());
    assertThat(postgres)
        .extracting(m -> m.up().dialectTag())
        .doesNotContain("mysql", "cockroach", "sqlite3", "sqlite");
    assertThat(mysql).hasSize(14);
    assertThat(mysql)
        .extracting(m -> m.up().dialectTag())
        .doesNotContain("postgres", "cockroach", "sqlite3", "sqlite");
    assertThat(warnings).isEmpty();
  }

  @Test
  void findsEveryMigrationOfTheKestraPostgresSet() {
    Path dir = corpusMigrations("flyway-kestra-pg");
    MigrationSource source =
        new FilesystemSourceProvider()
            .create("filesystem:" + dir, dir.toString(), SourceSettings.defaults());

    List<SourceMigration> found = discover(POSTGRES, source);

    assertThat(found).hasSize(26);
    assertThat(warnings).isEmpty();
  }

  /**
   * {@code STRATA_CORPUS_DIR}, else the first {@code shared/corpus} beside an ancestor of the
   * working directory.
   */
  private static Path corpusMigrations(String set) {
    Path corpus = null;
    String configured = System.getenv("STRATA_CORPUS_DIR");
    if (configured != null && !configured.isBlank()) {
      corpus = Path.of(configured);
    } else {
      for (Path dir = Path.of("").toAbsolutePath();
          dir != null && corpus == null;
          dir = dir.getParent()) {
        Path candidate = dir.resolve("shared").resolve("corpus");
        if (Files.isDirectory(candidate)) {
          corpus = candidate;
        }
      }
    }
    Assumptions.assumeTrue(
        corpus != null, "the corpus is absent: set STRATA_CORPUS_DIR to the corpus directory");
    Path migrations = corpus.resolve(set).resolve("migrations");
    Assumptions.assumeTrue(Files.isDirectory(migrations), "no corpus folder " + migrations);
    return migrations;
  }
}
