package dev.strata.source.classpath.internal;

import static dev.strata.source.classpath.internal.ClasspathSourceTest.list;
import static dev.strata.source.classpath.internal.ClasspathSourceTest.loaderOf;
import static dev.strata.source.classpath.internal.ClasspathSourceTest.origins;
import static dev.strata.source.classpath.internal.ClasspathSourceTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.strata.api.MigrationDiscoveryException;
import dev.strata.source.classpath.ClasspathIndex;
import dev.strata.source.classpath.TestJar;
import dev.strata.spi.SourceListing;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathIndexTest {
  private static final String SHA_OF_A = IndexFile.sha256("a".getBytes(StandardCharsets.UTF_8));
  private static final String SHA_OF_B = IndexFile.sha256("b".getBytes(StandardCharsets.UTF_8));

  @TempDir Path dir;

  private Path write(String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  private static String index(String... lines) {
    return "# generated\n" + String.join("\n", lines) + "\n";
  }

  @Test
  void writesOneLineWithItsSha256PerFileSortedByPath() throws IOException {
    Path migrations = dir.resolve("db/migration");
    write("db/migration/V2__b.sql", "b");
    write("db/migration/V1__a.sql", "a");
    write("db/migration/2025/V3__add users.sql", "a");
    write("db/migration/README.md", "b");
    write("db/migration/.DS_Store", "x");
    write("db/migration/.git/HEAD", "x");

    Path index = ClasspathIndex.write(migrations);

    assertThat(index).isEqualTo(migrations.resolve("strata-index.txt"));
    assertThat(Files.readAllLines(index))
        .filteredOn(l -> !l.startsWith("#"))
        .containsExactly(
            SHA_OF_A + "  2025/V3__add users.sql",
            SHA_OF_B + "  README.md",
            SHA_OF_A + "  V1__a.sql",
            SHA_OF_B + "  V2__b.sql");
    assertThat(IndexFile.sha256("abc".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void rewritingAnIndexReplacesItWithoutIndexingItself() throws IOException {
    Path migrations = dir.resolve("db/migration");
    write("db/migration/V1__a.sql", "a");
    ClasspathIndex.write(migrations);
    write("db/migration/V2__b.sql", "b");

    ClasspathIndex.main(migrations.toString());

    assertThat(Files.readAllLines(migrations.resolve("strata-index.txt")))
        .filteredOn(l -> !l.startsWith("#"))
        .containsExactly(SHA_OF_A + "  V1__a.sql", SHA_OF_B + "  V2__b.sql");
    try (var files = Files.list(migrations)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrder("V1__a.sql", "V2__b.sql", "strata-index.txt");
    }
  }

  @Test
  void refusesToIndexADirectoryThatDoesNotExist() {
    assertThatExceptionOfType(NoSuchFileException.class)
        .isThrownBy(() -> ClasspathIndex.write(dir.resolve("absent")));
    assertThatExceptionOfType(IllegalArgumentException.class)
        .isThrownBy(ClasspathIndex::main)
        .withMessageStartingWith("usage: ");
  }

  @Test
  void readsNamesFromTheIndexInsteadOfListingTheDirectory() throws IOException {
    write("classes/db/migration/V1__a.sql", "a");
    write("classes/db/migration/V2__b.sql", "b");
    ClasspathIndex.write(dir.resolve("classes/db/migration"));
    write("classes/db/migration/V3__added_after_the_build.sql", "c");

    SourceListing listing = list(loaderOf(dir.resolve("classes")));

    assertThat(origins(listing))
        .containsExactly("classpath:db/migration/V1__a.sql", "classpath:db/migration/V2__b.sql");
    assertThat(text(listing.resources().get(1))).isEqualTo("b");
  }

  @Test
  void withAnIndexNoDirectoryIsListed() throws IOException {
    MemoryClassLoader loader =
        new MemoryClassLoader()
            .file("db/migration/V1__a.sql", "a")
            .file("db/migration/sub/V2__b.sql", "b")
            .file(
                "db/migration/strata-index.txt",
                index(SHA_OF_A + "  V1__a.sql", SHA_OF_B + "  sub/V2__b.sql"));

    SourceListing listing = list(loader);

    assertThat(origins(listing))
        .containsExactly(
            "classpath:db/migration/V1__a.sql", "classpath:db/migration/sub/V2__b.sql");
    assertThat(text(listing.resources().get(0))).isEqualTo("a");
    assertThat(text(listing.resources().get(1))).isEqualTo("b");
    assertThat(loader.listingsAttempted).isEmpty();
  }

  @Test
  void withoutAnIndexAnUnlistableLocationIsAnErrorThatSuggestsOne() {
    MemoryClassLoader loader = new MemoryClassLoader().file("db/migration/V1__a.sql", "a");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(() -> list(loader))
        .withMessage(
            "Cannot list classpath:db/migration in mem:/db/migration: a mem: URL cannot be listed; generate strata-index.txt at"
                + " build time (dev.strata.source.classpath.ClasspathIndex) so that no listing is needed");
    assertThat(loader.listingsAttempted).isEmpty();
  }

  @Test
  void findsAJarWithoutDirectoryEntriesThroughItsIndex() throws IOException {
    Path jar =
        TestJar.create()
            .withoutDirectoryEntries()
            .file("db/migration/V1__a.sql", "a")
            .file("db/migration/strata-index.txt", index(SHA_OF_A + "  V1__a.sql"))
            .writeTo(dir.resolve("app.jar"));

    SourceListing listing = list(loaderOf(jar));

    assertThat(origins(listing)).containsExactly("classpath:db/migration/V1__a.sql");
    assertThat(text(listing.resources().get(0))).isEqualTo("a");
  }

  @Test
  void usesTheIndexOfAFatJarsNestedJar() throws IOException {
    Path jar =
        TestJar.springBoot()
            .nestedJar(
                "BOOT-INF/lib/lib.jar",
                TestJar.create()
                    .file("db/migration/V2__b.sql", "b")
                    .file("db/migration/V9__unindexed.sql", "x")
                    .file("db/migration/strata-index.txt", index(SHA_OF_B + "  V2__b.sql")))
            .writeTo(dir.resolve("app.jar"));

    SourceListing listing = list(loaderOf(jar));

    assertThat(origins(listing)).containsExactly("classpath:db/migration/V2__b.sql");
    assertThat(text(listing.resources().get(0))).isEqualTo("b");
  }

  @Test
  void namesFromTheIndexFollowTheNamingRules() throws IOException {
    write("classes/db/migration/V1__a.sql", "a");
    write("classes/db/migration/README.md", "b");
    write("classes/db/migration/V7_fix.sql", "c");
    ClasspathIndex.write(dir.resolve("classes/db/migration"));
    URLClassLoader loader = loaderOf(dir.resolve("classes"));

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(() -> list(loader))
        .satisfies(
            e -> assertThat(e.origins()).containsExactly("classpath:db/migration/V7_fix.sql"));
    Files.delete(dir.resolve("classes/db/migration/V7_fix.sql"));
    ClasspathIndex.write(dir.resolve("classes/db/migration"));

    SourceListing listing = list(loaderOf(dir.resolve("classes")));

    assertThat(origins(listing)).containsExactly("classpath:db/migration/V1__a.sql");
    assertThat(listing.warnings()).isEmpty();
  }

  @Test
  void refusesAScriptWhoseContentNoLongerMatchesTheIndex() throws IOException {
    write("classes/db/migration/V1__a.sql", "a");
    ClasspathIndex.write(dir.resolve("classes/db/migration"));
    write("classes/db/migration/V1__a.sql", "edited after the build");
    var resource = list(loaderOf(dir.resolve("classes"))).resources().get(0);

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(() -> resource.content().read())
        .withMessage(
            "classpath:db/migration/V1__a.sql has SHA-256 "
                + IndexFile.sha256("edited after the build".getBytes(StandardCharsets.UTF_8))
                + " but strata-index.txt says "
                + SHA_OF_A
                + "; the index is stale: regenerate it when building (dev.strata.source.classpath.ClasspathIndex)")
        .satisfies(
            e -> assertThat(e.origins()).containsExactly("classpath:db/migration/V1__a.sql"));
  }

  @Test
  void refusesAScriptTheIndexNamesThatDoesNotExist() throws IOException {
    write("classes/db/migration/V1__a.sql", "a");
    ClasspathIndex.write(dir.resolve("classes/db/migration"));
    Files.delete(dir.resolve("classes/db/migration/V1__a.sql"));
    var resource = list(loaderOf(dir.resolve("classes"))).resources().get(0);

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(() -> resource.content().read())
        .withMessage(
            "classpath:db/migration/V1__a.sql is listed in strata-index.txt but does not exist; the index is stale:"
                + " regenerate it when building (dev.strata.source.classpath.ClasspathIndex)");
  }

  @Test
  void refusesAMalformedIndexNamingItsLine() throws IOException {
    write(
        "classes/db/migration/strata-index.txt",
        "# header\n" + SHA_OF_A + "  V1__a.sql\nV2__b.sql\n");

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(() -> list(loaderOf(dir.resolve("classes"))))
        .withMessage(
            "classpath:db/migration/strata-index.txt (in "
                + dir.resolve("classes")
                + "):3: expected '<SHA-256>  <relative"
                + " file name>', found 'V2__b.sql'; regenerate the index with dev.strata.source.classpath.ClasspathIndex");
  }

  @Test
  void refusesAnIndexLineThatLeavesTheLocation() {
    byte[] index = (SHA_OF_A + "  ../V1__a.sql\n").getBytes(StandardCharsets.UTF_8);

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(() -> IndexFile.parse(index, "idx"))
        .withMessageStartingWith("idx:1: expected");
  }
}
