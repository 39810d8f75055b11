package dev.strata.source.classpath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.strata.api.ConfigurationException;
import dev.strata.api.MigrationDiscoveryException;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.MigrationSourceProvider;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathSourceProviderTest {
  private static final SourceSettings LENIENT = SourceSettings.defaults();

  @TempDir Path dir;

  private static <T> T withContextClassLoader(ClassLoader loader, Callable<T> action)
      throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      return action.call();
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  private URLClassLoader jarLoader() throws IOException {
    Path jar = TestJar.create().file("db/migration/V1__a.sql", "a").writeTo(dir.resolve("app.jar"));
    return new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
  }

  @Test
  void isFoundByServiceLoaderUnderThePrefixClasspath() {
    assertThat(
            ServiceLoader.load(MigrationSourceProvider.class).stream()
                .map(ServiceLoader.Provider::get))
        .filteredOn(p -> p.prefix().equals("classpath"))
        .singleElement()
        .isInstanceOf(ClasspathSourceProvider.class);
  }

  @Test
  void createsASourceThatKeepsTheLocationAsConfigured() throws IOException {
    var source =
        new ClasspathSourceProvider(jarLoader())
            .create("classpath:db/migration/", "db/migration/", LENIENT);

    assertThat(source.location()).isEqualTo("classpath:db/migration/");
    assertThat(source.list().resources())
        .extracting(MigrationResource::origin)
        .containsExactly("classpath:db/migration/V1__a.sql");
  }

  @Test
  void refusesALocationThatNamesNoDirectoryRatherThanScanTheClassPath() {
    assertThatExceptionOfType(ConfigurationException.class)
        .isThrownBy(() -> new ClasspathSourceProvider().create("classpath:/", "/", LENIENT))
        .withMessage(
            "The location classpath:/ names no directory; the whole class path is never scanned, so name the one"
                + " holding the migrations, e.g. classpath:db/migration");
  }

  @Test
  void readsThroughTheContextClassLoaderOfTheListingThread() throws Exception {
    URLClassLoader loader = jarLoader();
    var source =
        withContextClassLoader(
            loader,
            () ->
                new ClasspathSourceProvider()
                    .create("classpath:db/migration", "db/migration", LENIENT));

    assertThat(source.list().resources())
        .extracting(MigrationResource::origin)
        .containsExactly("classpath:db/migration/V1__a.sql");
  }

  @Test
  void fallsBackToItsOwnClassLoaderWhenTheContextOneLacksTheLocation() throws Exception {
    ClassLoader unrelated = new URLClassLoader(new URL[0], null);

    SourceListing listing =
        withContextClassLoader(
            unrelated,
            () ->
                new ClasspathSourceProvider()
                    .create("classpath:strata-test/provider", "strata-test/provider", LENIENT)
                    .list());

    assertThat(listing.resources())
        .extracting(MigrationResource::origin)
        .containsExactly("classpath:strata-test/provider/V1__from_the_test_class_path.sql");
  }

  @Test
  void readsOnlyThroughAClassLoaderGivenExplicitly() {
    ClassLoader empty = new URLClassLoader("empty", new URL[0], null);
    var source =
        new ClasspathSourceProvider(empty)
            .create("classpath:strata-test/provider", "strata-test/provider", LENIENT);

    assertThatExceptionOfType(MigrationDiscoveryException.class)
        .isThrownBy(source::list)
        .withMessageContaining(
            "on the class path of java.net.URLClassLoader 'empty' holds strata-test/provider/");
  }
}
