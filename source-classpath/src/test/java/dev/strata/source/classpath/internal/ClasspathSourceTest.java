package dev.strata.source.classpath.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.strata.api.MigrationDiscoveryException;
import dev.strata.source.classpath.TestJar;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathSourceTest {
  static final SourceSettings DEFAULTS = SourceSettings.defaults();

  @TempDir Path dir;

  static ClasspathSource source(ClassLoader loader, SourceSettings settings) {
    return new ClasspathSource("classpath:db/migration", "db/migration", settings, List.of(loader));
  }

  static SourceListing list(ClassLoader loader) {
    return source(loader, DEFAULTS).list();
  }

  static URLClassLoader loaderOf(Path... entries) throws IOException {
    URL[] urls = new URL[entries.length];
    for (int i = 0; i < entries.length; i++) {
      urls[i] = entries[i].toUri().toURL();
    }
    return new URLClassLoader(urls, null);
  }

  static String text(MigrationResource resource) throws IOException {
    return new String(resource.content().read(), StandardCharsets.UTF_8);
  }

  static List<String> origins(SourceListing listing) {
    return listing.resources().stream().map(MigrationResource::origin).toList();
  }

  private Path write(String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  @Test
  void findsScriptsInAClassPathDirectoryAndItsSubdirectories() throws IOException {
    write("classes/db/migration/V1__init.sql", "create table a (id int);");
    write("classes/db/migration/2025/V2__more.sql", "b");
    write("classes/db/other/V9__elsewhere.sql", "x");

    SourceListing listing = list(loaderOf(dir.resolve("classes")));

    assertThat(listing.warnings()).isEmpty();
    assertThat(listing.resources())
        .extracting(r -> r.origin() + " " + r.id() + " " + r.direction())
        .containsExactly(
            "classpath:db/migration/2025/V2__more.sql V2 more UP",
            "classpath:db/migration/V1__init.sql V1 init UP");
    assertThat(text(listing.resources().get(1))).isEqualTo("create table a (id int);");
  }

  @Test
  void findsScriptsInAPlainJar() throws IOException {
    Path jar =
        TestJar.create()
            .file("db/migration/V1__init.sql", "create table a (id int);")
            .file("db/migration/U1__init.sql", "drop table a;")
            .file(
                "db/migration/20210410175418000000_x.postgres.autocommit.up.sql",
                "create index concurrently i on a (id);")
            .file("db/other/V3__not_here.sql", "x")
            .file("com/example/App.class", "")
            .writeTo(dir.resolve("app.jar"));

    SourceListing listing = list(loaderOf(jar));

    assertThat(listing.warnings()).isEmpty();
    assertThat(listing.resources())
        .extracting(
            r ->
                r.origin()
                    + " "
                    + r.id()
                    + " "
                    + r.direction()
                    + " "
                    + r.dialectTag()
                    + " "
                    + r.autocommit())
        .containsExactly(
            "classpath:db/migration/20210410175418000000_x.postgres.autocommit.up.sql V20210410175418000000 x UP postgres true",
            "classpath:db/migration/U1__init.sql V1 init DOWN null false",
            "classpath:db/migration/V1__init.sql V1 init UP null false");
    assertThat(text(listing.resources().get(2))).isEqualTo("create table a (id int);");
  }

  @Test
  void readsScriptsWhoseNamesNeedEncodingInAJarUrl() throws IOException {
    Path jar =
        TestJar.create()
            .file("db/migration/V2__add users table.sql", "create table users (id int);")
            .file("db/migration/V3__é%20#x.sql", "select 1;")
            .writeTo(dir.resolve("with space/app.jar"));

    SourceListing listing = list(loaderOf(jar));

    assertThat(origins(listing))
        .containsExactly(
            "classpath:db/migration/V2__add users table.sql",
            "classpath:db/migration/V3__é%20#x.sql");
    assertThat(text(listing.resources().get(0))).isEqualTo("create table users (id int);");
    assertThat(text(listing.resources().get(1))).isEqualTo("select 1;");
  }

  @Test
  void readsContentOnlyWhenAsked() throws IOException {
    Path file = write("classes/db/migration/V1__a.sql", "before");

    MigrationResource resource = list(loaderOf(dir.resolve("classes"))).resources().get(0);
    Files.writeString(file, "after");

    assertThat(text(resource)).isEqualTo("after");
  }

  @Test
  void acceptsTheLocationWithSlashesAtItsEnds() throws IOException {
    write("classes/db/migration/V1__a.sql", "a");
    var provider =
        new dev.strata.source.classpath.ClasspathSourceProvider(loaderOf(dir.resolve("classes")));

    SourceListing listing =
        provider.create("classpath:/db/migration/", "/db/migration/", DEFAULTS).list();

    assertThat(origins(listing)).containsExactly("classpath:db/migration/V1__a.sql");
  }

  @Test
  void mergesTheLocationFromEveryClassPathEntryInNameOrder() throws IOException {
    write("classes/db/migration/V2__b.sql", "b");
    Path jar =
        TestJar.create()
            .file("db/migration/V1__a.sql", "a")
            .file("db/migration/V3__c.sql", "c")
            .writeTo(dir.resolve("lib.jar"));

    SourceListing listing = list(loaderOf(dir.resolve("classes"), jar));

    assertThat(origins(listing))
        .containsExactly(
            "classpath:db/migration/V1__a.sql",
            "classpath:db/migration/V2__b.sql",
            "classpath:db/migration/V3__c.sql");
  }

  @Test
  void passesOnBothCopiesOfAFileInTwoJarsNamingEachJar() throws IOException {
    Path a =
        TestJar.create().file("db/migration/V1__a.sql", "from a").writeTo(dir.resolve("a.jar"));
    Path b =
        TestJar.create().file("db/migration/V1__a.sql", "from b").writeTo(dir.resolve("b.jar"));
    write("classes/db/migration/V1__a.sql", "from classes");

    SourceListing listing = list(loaderOf(a, dir.resolve("classes"), b));

    assertThat(origins(listing))
        .containsExactly(
            "classpath:db/migration/V1__a.sql (in a.jar)",
            "classpath:db/migration/V1__a.sql (in " + dir.resolve("classes") + ")",
            "classpath:db/migration/V1__a.sql (in b.jar)");
    assertThat(text(listing.resources().get(0))).isEqualTo("from a");
    assertThat(text(listing.resources().get(1))).isEqualTo("from classes");
    assertThat(text(listing.resources().get(2))).isEqualTo("from b");
  }

  @Test
  void namesJarsByTheirFullPathWhenTwoShareAFileName() throws IOException {
    Path a =
        TestJar.create().file("db/migration/V1__a.sql", "a").writeTo(dir.resolve("one/app.jar"));
    Path b =
        TestJar.create().file("db/migration/V1__a.sql", "b").writeTo(dir.resolve("two/app.jar"));

    SourceListing listing = list(loaderOf(a, b));

    assertThat(origins(listing))
        .containsExactly(
            "classpath:db/migration/V1__a.sql (in " + a + ")",
            "classpath:db/migration/V1__a.sql (in " + b + ")");
  }

  @Test
  void listsAJarOnceWhenTheClassPathNamesItTwice() throws IOException {
    Path jar = TestJar.create().file("db/migration/V1__a.sql", "a").writeTo(dir.resolve("app.jar"));

    SourceListing listing = list(loaderOf(jar, jar));

    assertThat(origins(listing)).containsExactly("classpath:db/migration/V1__a.sql");
  }

  @Test
  void refusesALocationThatExistsNowhereNamingItAndTheClassLoader() throws IOException {
    Path jar = TestJar.create().file("db/other/V1__a.sql", "a").writeTo(dir.resolve("app.jar"));
    URLClassLoader loader = loaderOf(jar);

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(() -> list(loader))
        .withMessage(
            "The migration location classpath:db/migration does not exist: no directory or jar on the class path of "
                + ClasspathSource.describe(loader)
                + " holds db/migration/ (nor BOOT-INF/classes/db/migration/ or BOOT-INF/lib/*.jar!/db/migration/ in a"
                + " Spring Boot jar); check strata.sources and that the jar with the migrations is on the"
                + " class path")
        .satisfies(e -> assertThat(e.origins()).containsExactly("classpath:db/migration"));
    assertThat(ClasspathSource.describe(loader)).startsWith("java.net.URLClassLoader@");
  }

  @Test
  void namesANamedClassLoaderByItsName() {
    ClassLoader named = new URLClassLoader("plugins", new URL[0], null);

    assertThat(ClasspathSource.describe(named)).isEqualTo("java.net.URLClassLoader 'plugins'");
  }

  @Test
  void anEmptyLocationListsNothing() throws IOException {
    Files.createDirectories(dir.resolve("classes/db/migration"));

    SourceListing listing = list(loaderOf(dir.resolve("classes")));

    assertThat(listing.resources()).isEmpty();
    assertThat(listing.warnings()).isEmpty();
  }

  @Test
  void refusesEverySqlFileThatFollowsNoConventionInOneErrorAndSkipsOthersQuietly()
      throws IOException {
    Path jar =
        TestJar.create()
            .file("db/migration/V1__a.sql", "a")
            .file("db/migration/V7_fix.sql", "x")
            .file("db/migration/README.md", "x")
            .file("db/migration/sub/20240115180414_init.sql", "-- +goose Up\nSELECT 1;\n")
            .writeTo(dir.resolve("app.jar"));
    URLClassLoader loader = loaderOf(jar);

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(() -> source(loader, DEFAULTS).list())
        .withMessageStartingWith(
            "classpath:db/migration holds 2 .sql files that follow none of its conventions (")
        .withMessageContaining(
            "\n  classpath:db/migration/V7_fix.sql: has one underscore between version and"
                + " description, where Flyway needs two. Flyway silently ignores such files, so this"
                + " one has never run on any database Flyway migrated. To run it, rename it to"
                + " V7__fix.sql; or leave it out with strata.ignore='V7_fix.sql'\n")
        .withMessageContaining(
            "\n  classpath:db/migration/sub/20240115180414_init.sql: it has a '-- +goose Up'"
                + " annotation; read it with goose:db/migration")
        .withMessageNotContaining("README.md")
        .satisfies(
            e ->
                assertThat(e.origins())
                    .containsExactly(
                        "classpath:db/migration/V7_fix.sql",
                        "classpath:db/migration/sub/20240115180414_init.sql"));
  }

  @Test
  void leavesOutAndListsTheFilesTheIgnoreOptionNames() throws IOException {
    Path jar =
        TestJar.create()
            .file("db/migration/V1__a.sql", "a")
            .file("db/migration/V7_fix.sql", "x")
            .file("db/migration/legacy/old.sql", "x")
            .writeTo(dir.resolve("app.jar"));

    SourceListing listing =
        source(loaderOf(jar), new SourceSettings(List.of("V7_fix.sql", "legacy/**"))).list();

    assertThat(origins(listing)).containsExactly("classpath:db/migration/V1__a.sql");
    assertThat(listing.ignored())
        .containsExactly(
            "classpath:db/migration/V7_fix.sql", "classpath:db/migration/legacy/old.sql");
    assertThat(listing.warnings()).isEmpty();
  }

  @Test
  void skipsHiddenFilesAndDirectoriesSilently() throws IOException {
    write("classes/db/migration/V1__a.sql", "a");
    write("classes/db/migration/.DS_Store", "x");
    write("classes/db/migration/.archive/V2__old.sql", "x");
    Path jar =
        TestJar.create()
            .file("db/migration/.gitkeep", "")
            .file("db/migration/V3__c.sql", "c")
            .writeTo(dir.resolve("app.jar"));

    SourceListing listing = source(loaderOf(dir.resolve("classes"), jar), DEFAULTS).list();

    assertThat(origins(listing))
        .containsExactly("classpath:db/migration/V1__a.sql", "classpath:db/migration/V3__c.sql");
    assertThat(listing.warnings()).isEmpty();
  }

  @Test
  void aJarWithoutDirectoryEntriesIsNotFoundByItsDirectory() throws IOException {
    // ClassLoader.getResources finds a directory in a jar only by its entry: a known JDK limit.
    Path jar =
        TestJar.create()
            .withoutDirectoryEntries()
            .file("db/migration/V1__a.sql", "a")
            .writeTo(dir.resolve("app.jar"));
    URLClassLoader loader = loaderOf(jar);

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(() -> list(loader))
        .withMessageStartingWith("The migration location classpath:db/migration does not exist");
  }

  @Test
  void usesTheFirstClassLoaderThatHasTheLocation() throws IOException {
    write("first/db/other/V1__x.sql", "x");
    write("second/db/migration/V1__a.sql", "a");
    write("third/db/migration/V2__b.sql", "b");
    List<ClassLoader> loaders =
        List.of(
            loaderOf(dir.resolve("first")),
            loaderOf(dir.resolve("second")),
            loaderOf(dir.resolve("third")));

    SourceListing listing =
        new ClasspathSource("classpath:db/migration", "db/migration", DEFAULTS, loaders).list();

    assertThat(origins(listing)).containsExactly("classpath:db/migration/V1__a.sql");
  }

  @Test
  void namesEveryClassLoaderItTriedWhenNoneHasTheLocation() throws IOException {
    ClassLoader first = loaderOf(dir);
    ClassLoader second = new URLClassLoader("second", new URL[0], null);
    ClasspathSource source =
        new ClasspathSource(
            "classpath:db/migration", "db/migration", DEFAULTS, List.of(first, second));

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(source::list)
        .withMessageContaining(
            "on the class path of "
                + ClasspathSource.describe(first)
                + " or java.net.URLClassLoader 'second' holds");
  }
}
