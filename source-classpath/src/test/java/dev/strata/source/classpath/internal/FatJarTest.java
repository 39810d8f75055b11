package dev.strata.source.classpath.internal;

import static dev.strata.source.classpath.internal.ClasspathSourceTest.list;
import static dev.strata.source.classpath.internal.ClasspathSourceTest.loaderOf;
import static dev.strata.source.classpath.internal.ClasspathSourceTest.origins;
import static dev.strata.source.classpath.internal.ClasspathSourceTest.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.source.classpath.TestJar;
import dev.strata.spi.SourceListing;
import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spring Boot executable jars, with and without the launcher's class loader. */
class FatJarTest {
  @TempDir Path dir;

  private Path fatJar() throws IOException {
    return TestJar.springBoot()
        .file("BOOT-INF/classes/com/example/App.class", "")
        .file("BOOT-INF/classes/db/migration/V1__a.sql", "create table a (id int);")
        .nestedJar(
            "BOOT-INF/lib/lib.jar",
            TestJar.create().file("db/migration/V2__b.sql", "create table b (id int);"))
        .nestedJar("BOOT-INF/lib/other.jar", TestJar.create().file("org/other/Other.class", ""))
        .writeTo(dir.resolve("app.jar"));
  }

  @Test
  void findsClassesAndNestedJarsOfAFatJarOnAPlainClassPath() throws IOException {
    SourceListing listing = list(loaderOf(fatJar()));

    assertThat(listing.warnings()).isEmpty();
    assertThat(origins(listing))
        .containsExactly("classpath:db/migration/V1__a.sql", "classpath:db/migration/V2__b.sql");
    assertThat(text(listing.resources().get(0))).isEqualTo("create table a (id int);");
    assertThat(text(listing.resources().get(1))).isEqualTo("create table b (id int);");
  }

  @Test
  void namesTheNestedJarWhenAScriptIsInTwoPlaces() throws IOException {
    Path jar =
        TestJar.springBoot()
            .file("BOOT-INF/classes/db/migration/V1__a.sql", "classes")
            .nestedJar(
                "BOOT-INF/lib/lib.jar", TestJar.create().file("db/migration/V1__a.sql", "lib"))
            .writeTo(dir.resolve("app.jar"));

    SourceListing listing = list(loaderOf(jar));

    assertThat(origins(listing))
        .containsExactly(
            "classpath:db/migration/V1__a.sql (in app.jar!/BOOT-INF/classes)",
            "classpath:db/migration/V1__a.sql (in app.jar!/BOOT-INF/lib/lib.jar)");
    assertThat(text(listing.resources().get(1))).isEqualTo("lib");
  }

  @Test
  void readsAllEntriesOfAStoredNestedJarWhetherDeflatedOrStoredInside() throws IOException {
    TestJar lib =
        TestJar.create()
            .file("db/migration/V2__b.sql", "deflated")
            .nestedJar("db/migration/V3__c.sql", TestJar.create());
    Path jar =
        TestJar.springBoot().nestedJar("BOOT-INF/lib/lib.jar", lib).writeTo(dir.resolve("app.jar"));

    SourceListing listing = list(loaderOf(jar));

    assertThat(origins(listing))
        .containsExactly("classpath:db/migration/V2__b.sql", "classpath:db/migration/V3__c.sql");
    assertThat(text(listing.resources().get(0))).isEqualTo("deflated");
    assertThat(listing.resources().get(1).content().read()).isEqualTo(TestJar.create().bytes());
  }

  @Test
  void readsANestedJarThatWasCompressedByStreamingIt() throws IOException {
    Path jar =
        TestJar.springBoot()
            .compressedNestedJar(
                "BOOT-INF/lib/lib.jar", TestJar.create().file("db/migration/V2__b.sql", "b"))
            .writeTo(dir.resolve("app.jar"));

    SourceListing listing = list(loaderOf(jar));

    assertThat(origins(listing)).containsExactly("classpath:db/migration/V2__b.sql");
    assertThat(text(listing.resources().get(0))).isEqualTo("b");
  }

  @Test
  void readsAFullyExecutableFatJarThatStartsWithALaunchScript() throws IOException {
    Path jar =
        TestJar.springBoot()
            .launchScript("#!/bin/bash\nexec java -jar \"$0\" \"$@\"\n")
            .file("BOOT-INF/classes/db/migration/V1__a.sql", "a")
            .nestedJar("BOOT-INF/lib/lib.jar", TestJar.create().file("db/migration/V2__b.sql", "b"))
            .writeTo(dir.resolve("app.jar"));

    SourceListing listing = list(loaderOf(jar));

    assertThat(origins(listing))
        .containsExactly("classpath:db/migration/V1__a.sql", "classpath:db/migration/V2__b.sql");
    assertThat(text(listing.resources().get(0))).isEqualTo("a");
    assertThat(text(listing.resources().get(1))).isEqualTo("b");
  }

  @Test
  void findsTheLibrariesOfAnExecutableWar() throws IOException {
    Path war =
        TestJar.create()
            .file("WEB-INF/classes/db/migration/V1__a.sql", "a")
            .nestedJar("WEB-INF/lib/lib.jar", TestJar.create().file("db/migration/V2__b.sql", "b"))
            .writeTo(dir.resolve("app.war"));

    assertThat(origins(list(loaderOf(war))))
        .containsExactly("classpath:db/migration/V1__a.sql", "classpath:db/migration/V2__b.sql");
  }

  @Test
  void readsSpringBoot32NestedUrlsWithoutItsUrlHandler() throws IOException {
    Path jar = fatJar();
    String raw = jar.toUri().getRawPath();
    LauncherLikeClassLoader loader =
        new LauncherLikeClassLoader(null)
            .resource("db/migration", "jar:nested:" + raw + "/!BOOT-INF/classes/!/db/migration")
            .resource("db/migration", "jar:nested:" + raw + "/!BOOT-INF/lib/lib.jar!/db/migration");

    SourceListing listing = list(loader);

    assertThat(origins(listing))
        .containsExactly("classpath:db/migration/V1__a.sql", "classpath:db/migration/V2__b.sql");
    assertThat(text(listing.resources().get(0))).isEqualTo("create table a (id int);");
    assertThat(text(listing.resources().get(1))).isEqualTo("create table b (id int);");
  }

  @Test
  void readsTheUrlsOfSpringBootUpTo31WithoutItsUrlHandler() throws IOException {
    Path jar = fatJar();
    String file = jar.toUri().toString();
    LauncherLikeClassLoader loader =
        new LauncherLikeClassLoader(null)
            .resource("db/migration", "jar:" + file + "!/BOOT-INF/classes!/db/migration")
            .resource("db/migration", "jar:" + file + "!/BOOT-INF/lib/lib.jar!/db/migration");

    SourceListing listing = list(loader);

    assertThat(origins(listing))
        .containsExactly("classpath:db/migration/V1__a.sql", "classpath:db/migration/V2__b.sql");
    assertThat(text(listing.resources().get(1))).isEqualTo("create table b (id int);");
  }

  @Test
  void decodesThePathOfAFatJarInANestedUrl() throws IOException {
    Path jar =
        TestJar.springBoot()
            .nestedJar("BOOT-INF/lib/lib.jar", TestJar.create().file("db/migration/V2__b.sql", "b"))
            .writeTo(dir.resolve("my apps!/app.jar"));
    // Spring Boot's JarUrl: the URI's raw path, with ! escaped as %21.
    String raw = jar.toUri().getRawPath().replace("!", "%21");
    LauncherLikeClassLoader loader =
        new LauncherLikeClassLoader(null)
            .resource("db/migration", "jar:nested:" + raw + "/!BOOT-INF/lib/lib.jar!/db/migration");

    SourceListing listing = list(loader);

    assertThat(text(listing.resources().get(0))).isEqualTo("b");
  }

  @Test
  void listsEachScriptOnceWhenTheLauncherAndThePlainClassPathBothSeeTheFatJar() throws IOException {
    // java -jar app.jar: the launcher's loader serves jar:nested: URLs, its parent has app.jar.
    Path jar = fatJar();
    String raw = jar.toUri().getRawPath();
    URLClassLoader application = loaderOf(jar);
    LauncherLikeClassLoader launcher =
        new LauncherLikeClassLoader(application)
            .resource("db/migration", "jar:nested:" + raw + "/!BOOT-INF/classes/!/db/migration")
            .resource("db/migration", "jar:nested:" + raw + "/!BOOT-INF/lib/lib.jar!/db/migration");

    SourceListing listing = list(launcher);

    assertThat(origins(listing))
        .containsExactly("classpath:db/migration/V1__a.sql", "classpath:db/migration/V2__b.sql");
  }
}
