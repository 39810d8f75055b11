package dev.strata.source.classpath.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ArchiveUrlTest {
  private static ArchiveUrl parse(String spec) throws IOException {
    return ArchiveUrl.parse(new URL(null, spec, LauncherLikeClassLoader.UNOPENABLE));
  }

  @Test
  void takesApartAPlainJarUrl() throws IOException {
    assertThat(parse("jar:file:/srv/app%20one/app.jar!/db/migration/"))
        .isEqualTo(new ArchiveUrl(Path.of("/srv/app one/app.jar"), null, "db/migration", false));
  }

  @Test
  void takesApartTheNestedUrlsOfSpringBoot32AndLater() throws IOException {
    assertThat(parse("jar:nested:/srv/my%20app%21/app.jar/!BOOT-INF/classes/!/db/migration"))
        .isEqualTo(
            new ArchiveUrl(
                Path.of("/srv/my app!/app.jar"), "BOOT-INF/classes/", "db/migration", true));
    ArchiveUrl lib = parse("jar:nested:/srv/app.jar/!BOOT-INF/lib/lib.jar!/db/migration");
    assertThat(lib)
        .isEqualTo(
            new ArchiveUrl(Path.of("/srv/app.jar"), "BOOT-INF/lib/lib.jar", "db/migration", true));
    assertThat(lib.nestedIsJar()).isTrue();
  }

  @Test
  void takesApartTheNestedUrlsOfSpringBootUpTo31() throws IOException {
    ArchiveUrl classes = parse("jar:file:/srv/app.jar!/BOOT-INF/classes!/db/migration");
    assertThat(classes)
        .isEqualTo(
            new ArchiveUrl(Path.of("/srv/app.jar"), "BOOT-INF/classes", "db/migration", true));
    assertThat(classes.nestedIsJar()).isFalse();
    assertThat(parse("jar:file:/srv/app.jar!/BOOT-INF/lib/lib.jar!/db/migration").nestedIsJar())
        .isTrue();
  }

  @Test
  void leavesOtherUrlsAlone() throws IOException {
    assertThat(parse("jar:http://example.com/app.jar!/db/migration")).isNull();
    assertThat(parse("jar:nested:/srv/app.jar!/db/migration")).isNull();
    assertThat(ArchiveUrl.parse(Path.of("/srv").toUri().toURL())).isNull();
  }

  @Test
  void decodesAndEncodesPathsAsUtf8() {
    assertThat(UrlPaths.decode("V1__caf%C3%A9%20%F0%9F%98%80+x.sql"))
        .isEqualTo("V1__café 😀+x.sql");
    assertThat(UrlPaths.decode("😀%zz")).isEqualTo("😀%zz");
    assertThat(UrlPaths.encode("a b/é!#.sql")).isEqualTo("a%20b/%C3%A9%21%23.sql");
  }
}
