package dev.strata.core.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.MigrationVersion;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemSourceTest {
  private static final SourceSettings DEFAULTS = SourceSettings.defaults();

  @TempDir Path dir;

  private FilesystemSource source(SourceSettings settings) {
    return new FilesystemSource("filesystem:" + dir, dir, settings);
  }

  private SourceListing list() {
    return source(DEFAULTS).list();
  }

  private Path write(String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  private static List<String> names(SourceListing listing) {
    return listing.resources().stream()
        .map(r -> Path.of(r.origin()).getFileName().toString())
        .toList();
  }

  @Test
  void listsEveryConventionWithWhatItsNameSays() throws IOException {
    write("V1__init.sql", "create table a (id int);");
    write("U1__init.sql", "drop table a;");
    write("R__views.sql", "create view v as select 1;");
    write(
        "20210410175418000000_x.postgres.autocommit.up.sql",
        "create index concurrently i on a (id);");

    SourceListing listing = list();

    assertThat(listing.warnings()).isEmpty();
    assertThat(listing.resources())
        .extracting(
            r ->
                Path.of(r.origin()).getFileName()
                    + " "
                    + r.id()
                    + " "
                    + r.direction()
                    + " "
                    + r.dialectTag()
                    + " "
                    + r.autocommit())
        .containsExactlyInAnyOrder(
            "V1__init.sql V1 init UP null false",
            "U1__init.sql V1 init DOWN null false",
            "R__views.sql R views UP null false",
            "20210410175418000000_x.postgres.autocommit.up.sql V20210410175418000000 x UP postgres true");
  }

  @Test
  void namesEachResourceByItsPathAndReadsItsBytes() throws IOException {
    Path file = write("V1__init.sql", "create table a (id int);");

    MigrationResource resource = list().resources().get(0);

    assertThat(resource.origin()).isEqualTo(file.toString());
    assertThat(resource.toString()).isEqualTo(file.toString());
    assertThat(new String(resource.content().read(), StandardCharsets.UTF_8))
        .isEqualTo("create table a (id int);");
  }

  @Test
  void readsContentOnlyWhenAsked() throws IOException {
    Path file = write("V1__init.sql", "before");

    MigrationResource resource = list().resources().get(0);
    Files.writeString(file, "after");

    assertThat(new String(resource.content().read(), StandardCharsets.UTF_8)).isEqualTo("after");
  }

  @Test
  void findsScriptsInSubdirectories() throws IOException {
    write("2024/V1__a.sql", "a");
    write("2025/q1/V2__b.sql", "b");

    assertThat(names(list())).containsExactly("V1__a.sql", "V2__b.sql");
  }

  @Test
  void acceptsFileNamesWithSpaces() throws IOException {
    Path file = write("V2__add users table.sql", "create table users (id int);");

    SourceListing listing = list();

    assertThat(listing.warnings()).isEmpty();
    assertThat(listing.resources())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.id().version()).isEqualTo(MigrationVersion.parse("2"));
              assertThat(r.id().description()).isEqualTo("add users table");
              assertThat(r.origin()).isEqualTo(file.toString());
            });
  }

  @Test
  void skipsAFileThatIsNotSqlQuietly() throws IOException {
    write("V1__a.sql", "a");
    write("README.md", "# migrations");
    write("meta/0000_snapshot.json", "{}");
    write("migration_lock.toml", "provider = \"postgresql\"");

    SourceListing listing = list();

    assertThat(names(listing)).containsExactly("V1__a.sql");
    assertThat(listing.warnings()).isEmpty();
    assertThat(listing.ignored()).isEmpty();
  }

  @Test
  void refusesAFlywayNameWithOneUnderscoreSayingWhyAndHowToRenameOrIgnoreIt() throws IOException {
    write("V1__a.sql", "a");
    Path bad = write("V366_remove_leading_or_trailing_spaces_in_reportnames.sql", "x");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessage(
            "filesystem:"
                + dir
                + " holds a .sql file that follows none of its conventions (Flyway V1__name.sql,"
                + " U1__name.sql, R__name.sql; golang-migrate 1_name.up.sql, 1_name.down.sql; Ory"
                + " popx 1_name[.dialect][.autocommit].up.sql), so Strata cannot tell which"
                + " migration it is; nothing was applied.\n  "
                + bad
                + ": has one underscore between version and description, where Flyway needs two."
                + " Flyway silently ignores such files, so this one has never run on any database"
                + " Flyway migrated. To run it, rename it to"
                + " V366__remove_leading_or_trailing_spaces_in_reportnames.sql; or leave it out"
                + " with strata.ignore='V366_remove_leading_or_trailing_spaces_in_reportnames.sql'\n"
                + "Rename or move each file, or leave it out with strata.ignore=GLOB, and run again.")
        .satisfies(e -> assertThat(e.origins()).containsExactly(bad.toString()));
  }

  @Test
  void refusesEveryUnrecognisedSqlFileInOneError() throws IOException {
    write("README.md", "x");
    Path flyway = write("V7_fix.sql", "x");
    Path foo = write("sub/foo.sql", "x");
    Path broken = write("1_x.up.sql.bak", "x");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessageContaining(" holds 2 .sql files that follow none of its conventions")
        .withMessageContaining("\n  " + flyway + ": has one underscore")
        .withMessageContaining("\n  " + foo + ": follows no naming convention")
        .withMessageContaining("strata.ignore='sub/foo.sql'")
        .withMessageNotContaining(broken.toString())
        .satisfies(e -> assertThat(e.origins()).containsExactly(flyway.toString(), foo.toString()));
  }

  @Test
  void namesGooseForAGooseFolder() throws IOException {
    write("20240115180414_init.sql", "-- +goose Up\nCREATE TABLE t (id int);\n");
    write("20240116090000_users.sql", "-- +goose Up\n-- +goose StatementBegin\n");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessageContaining(
            "They are goose migrations: read the location with goose:"
                + dir
                + " (strata.sources) instead of filesystem:"
                + dir);
  }

  @Test
  void leavesOutTheFilesTheIgnoreOptionNamesAndListsThem() throws IOException {
    write("V1__a.sql", "a");
    Path bad = write("V7_fix.sql", "x");
    Path legacy = write("legacy/old.sql", "x");
    Path go = write("sub/V2__gen.go.sql", "x");
    write("other/old.sql", "x");

    SourceListing listing =
        source(new SourceSettings(List.of("V7_fix.sql", "legacy/**", "*.go.sql", "other/*.sql")))
            .list();

    assertThat(names(listing)).containsExactly("V1__a.sql");
    assertThat(listing.ignored())
        .containsExactlyInAnyOrder(
            bad.toString(),
            legacy.toString(),
            go.toString(),
            dir.resolve("other/old.sql").toString());
    assertThat(listing.warnings()).isEmpty();
  }

  @Test
  void aGlobWithASlashMatchesThePathBelowTheLocationOnly() throws IOException {
    Path nested = write("a/legacy/old.sql", "x");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(() -> source(new SourceSettings(List.of("legacy/*.sql"))).list())
        .satisfies(e -> assertThat(e.origins()).containsExactly(nested.toString()));
  }

  @Test
  void skipsHiddenFilesSilently() throws IOException {
    write("V1__a.sql", "a");
    write(".DS_Store", "x");
    write(".V2__hidden.sql", "b");
    write(".gitkeep", "");

    SourceListing listing = source(DEFAULTS).list();

    assertThat(names(listing)).containsExactly("V1__a.sql");
    assertThat(listing.warnings()).isEmpty();
  }

  @Test
  void skipsFilesInsideHiddenDirectories() throws IOException {
    write("V1__a.sql", "a");
    write(".git/HEAD", "ref: refs/heads/main");
    write(".archive/V2__old.sql", "b");

    SourceListing listing = source(DEFAULTS).list();

    assertThat(names(listing)).containsExactly("V1__a.sql");
    assertThat(listing.warnings()).isEmpty();
  }

  @Test
  void listsEachScriptOfAMountedConfigMapOnce() throws IOException {
    // kubelet's layout: /migrations/V1__a.sql -> ..data/V1__a.sql, ..data ->
    // ..2024_05_01_10_00_00.123
    Path data = Files.createDirectories(dir.resolve("..2024_05_01_10_00_00.123"));
    Files.writeString(data.resolve("V1__a.sql"), "a");
    Files.createSymbolicLink(dir.resolve("..data"), data.getFileName());
    Files.createSymbolicLink(dir.resolve("V1__a.sql"), Path.of("..data").resolve("V1__a.sql"));

    SourceListing listing = list();

    assertThat(listing.resources())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.origin()).isEqualTo(dir.resolve("V1__a.sql").toString());
              assertThat(new String(r.content().read(), StandardCharsets.UTF_8)).isEqualTo("a");
            });
  }

  @Test
  void listsALocationThatIsASymlinkToADirectory() throws IOException {
    Path real = Files.createDirectories(dir.resolve("real"));
    Files.writeString(real.resolve("V1__a.sql"), "a");
    Path link = Files.createSymbolicLink(dir.resolve("link"), real);

    SourceListing listing = new FilesystemSource("filesystem:" + link, link, DEFAULTS).list();

    assertThat(names(listing)).containsExactly("V1__a.sql");
  }

  @Test
  void followsASymlinkToAFileInsideTheLocation() throws IOException {
    write("shared/create_a.sql", "create table a (id int);");
    Files.createSymbolicLink(dir.resolve("V1__a.sql"), Path.of("shared/create_a.sql"));

    assertThat(list().resources())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.origin()).isEqualTo(dir.resolve("V1__a.sql").toString());
              assertThat(new String(r.content().read(), StandardCharsets.UTF_8))
                  .isEqualTo("create table a (id int);");
            });
  }

  @Test
  void refusesASymlinkToAFileOutsideTheLocationNamingLinkAndTarget() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path target = Files.writeString(outside.resolve("secret.sql"), "secret");
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    Path link = Files.createSymbolicLink(migrations.resolve("V1__a.sql"), target);
    FilesystemSource source = new FilesystemSource("filesystem:m", migrations, DEFAULTS);

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(source::list)
        .withMessage(
            link
                + " is a symbolic link to "
                + target.toRealPath()
                + ", outside the migration location filesystem:m (resolved to "
                + migrations.toRealPath()
                + "); Strata reads no file outside its locations. Add the target's directory as a"
                + " location of its own (strata.sources), or copy the file in")
        .satisfies(e -> assertThat(e.origins()).containsExactly(link.toString()));
  }

  @Test
  void refusesASymlinkToADirectoryOutsideTheLocationWithoutListingIt() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("V9__other.sql"), "x");
    Path migrations = Files.createDirectories(dir.resolve("migrations"));
    Path link = Files.createSymbolicLink(migrations.resolve("more"), outside);
    FilesystemSource source = new FilesystemSource("filesystem:m", migrations, DEFAULTS);

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(source::list)
        .withMessageStartingWith(
            link + " is a symbolic link to " + outside.toRealPath() + ", outside the migration");
  }

  @Test
  void refusesASymlinkLoopNamingTheLink() throws IOException {
    write("V1__a.sql", "a");
    Path loop = Files.createSymbolicLink(dir.resolve("loop"), Path.of("."));

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessage(
            loop
                + " is a symbolic link to a directory that contains it (a loop); remove the link"
                + " from filesystem:"
                + dir);
  }

  @Test
  void refusesADanglingSymlinkNamingItsTarget() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("V2__b.sql"), Path.of("gone/V2__b.sql"));

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(this::list)
        .withMessage(
            link
                + " is a symbolic link to gone/V2__b.sql, which does not exist; restore the"
                + " target, or remove the link from filesystem:"
                + dir);
  }

  @Test
  void ignoresHiddenLinksWhereverTheyPoint() throws IOException {
    write("V1__a.sql", "a");
    Files.createSymbolicLink(dir.resolve(".loop"), Path.of("."));
    Files.createSymbolicLink(dir.resolve(".gone"), Path.of("nowhere"));

    assertThat(names(source(DEFAULTS).list())).containsExactly("V1__a.sql");
  }

  @Test
  void refusesALocationThatDoesNotExistNamingIt() {
    Path absent = dir.resolve("no-such-dir");
    FilesystemSource source = new FilesystemSource("filesystem:db/missing", absent, DEFAULTS);

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(source::list)
        .withMessage(
            "The migration location filesystem:db/missing does not exist (resolved to "
                + absent
                + "); check strata.sources")
        .satisfies(e -> assertThat(e.origins()).containsExactly("filesystem:db/missing"));
  }

  @Test
  void refusesALocationThatIsAFile() throws IOException {
    Path file = write("V1__a.sql", "a");
    FilesystemSource source = new FilesystemSource("filesystem:" + file, file, DEFAULTS);

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(source::list)
        .withMessageStartingWith(
            "The migration location filesystem:" + file + " is not a directory");
  }

  @Test
  void anEmptyDirectoryListsNothing() {
    SourceListing listing = list();

    assertThat(listing.resources()).isEmpty();
    assertThat(listing.warnings()).isEmpty();
  }

  @Test
  void theProviderResolvesThePathItIsGiven() throws IOException {
    write("V1__a.sql", "a");

    var source =
        new FilesystemSourceProvider().create("filesystem:" + dir, dir.toString(), DEFAULTS);

    assertThat(new FilesystemSourceProvider().prefix()).isEqualTo("filesystem");
    assertThat(source.location()).isEqualTo("filesystem:" + dir);
    assertThat(source.list().resources()).hasSize(1);
  }
}
