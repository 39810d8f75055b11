package dev.strata.core.internal.plugin;

import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * New instances of the providers of an SPI that {@link ServiceLoader} finds. With the class loader
 * that loaded Strata (the default) the search runs once per process and each call only creates the
 * instances: the search reads every jar's {@code META-INF/services}, which was a sixth of a start
 * that finds nothing to do with 100 migrations, and a service creating one Strata per tenant or
 * data source would pay it each time. Remembering it holds no class loader longer than Strata's
 * own. Any other loader is searched each time.
 */
public final class InstalledProviders {
  private static final ClassLoader OWN = InstalledProviders.class.getClassLoader();
  private static final ConcurrentMap<Class<?>, List<? extends ServiceLoader.Provider<?>>>
      FOUND_WITH_OWN = new ConcurrentHashMap<>();

  private InstalledProviders() {}

  /**
   * New instances of the providers of {@code spi} on {@code loader}, as {@link ServiceLoader}
   * orders them.
   *
   * @throws java.util.ServiceConfigurationError when a registered provider cannot be loaded or
   *     created (the search is then not remembered, so a later call reports it again)
   */
  @SuppressWarnings("unchecked") // FOUND_WITH_OWN maps each SPI to providers of that SPI
  public static <T> List<T> of(Class<T> spi, ClassLoader loader) {
    List<ServiceLoader.Provider<T>> found =
        loader == OWN
            ? (List<ServiceLoader.Provider<T>>)
                FOUND_WITH_OWN.computeIfAbsent(spi, s -> search(spi, loader))
            : search(spi, loader);
    return found.stream().map(ServiceLoader.Provider::get).toList();
  }

  private static <T> List<ServiceLoader.Provider<T>> search(Class<T> spi, ClassLoader loader) {
    return ServiceLoader.load(spi, loader).stream().toList();
  }
}
