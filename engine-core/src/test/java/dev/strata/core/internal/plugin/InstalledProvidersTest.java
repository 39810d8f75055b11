package dev.strata.core.internal.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.internal.source.FilesystemSourceProvider;
import dev.strata.spi.MigrationSourceProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class InstalledProvidersTest {
  private static final ClassLoader OWN = InstalledProviders.class.getClassLoader();

  private static List<Class<?>> classes(List<?> providers) {
    return providers.stream().<Class<?>>map(Object::getClass).toList();
  }

  @Test
  void findsWhatServiceLoaderFinds() {
    List<MigrationSourceProvider> found = InstalledProviders.of(MigrationSourceProvider.class, OWN);

    assertThat(classes(found))
        .contains(FilesystemSourceProvider.class)
        .isEqualTo(
            ServiceLoader.load(MigrationSourceProvider.class, OWN).stream()
                .<Class<?>>map(ServiceLoader.Provider::type)
                .toList());
  }

  @Test
  void createsNewInstancesOnEveryCallThoughItSearchesOnce() {
    List<MigrationSourceProvider> first = InstalledProviders.of(MigrationSourceProvider.class, OWN);
    List<MigrationSourceProvider> second =
        InstalledProviders.of(MigrationSourceProvider.class, OWN);

    assertThat(classes(second)).isEqualTo(classes(first));
    for (int i = 0; i < first.size(); i++) {
      assertThat(second.get(i)).isNotSameAs(first.get(i));
    }
  }

  @Test
  void searchesAnyOtherClassLoaderItself() throws Exception {
    try (URLClassLoader child = new URLClassLoader(new URL[0], OWN)) {
      List<MigrationSourceProvider> found =
          InstalledProviders.of(MigrationSourceProvider.class, child);

      assertThat(classes(found))
          .isEqualTo(classes(InstalledProviders.of(MigrationSourceProvider.class, OWN)));
    }
  }
}
