package dev.strata.source.classpath;

import dev.strata.api.ConfigurationException;
import dev.strata.source.classpath.internal.ClasspathSource;
import dev.strata.spi.MigrationSource;
import dev.strata.spi.MigrationSourceProvider;
import dev.strata.spi.SourceSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code classpath:<directory>}: the migration scripts in a directory of the class path, e.g.
 * {@code classpath:db/migration}, wherever the class loader has it: in class path directories
 * ({@code target/classes}), in jars, and in Spring Boot executable jars, both under the launcher
 * ({@code java -jar app.jar}, whose {@code jar:nested:} URLs and the older {@code
 * jar:file:...!/BOOT-INF/lib/x.jar!/} ones are read) and without it, when the fat jar is simply on
 * a class path: its {@code BOOT-INF/classes/<directory>} and {@code
 * BOOT-INF/lib/*.jar!/<directory>} are found too (as are {@code WEB-INF/} ones of an executable
 * war). Scripts in subdirectories count; hidden files are skipped.
 *
 * <p>Only the named directory is looked up ({@link ClassLoader#getResources}); the class path is
 * never scanned. When a directory holds {@code strata-index.txt} (written at build time by {@link
 * ClasspathIndex}), the names come from it and the directory is not listed at all, which also makes
 * locations readable whose URLs cannot be listed (application servers' virtual file systems).
 *
 * <p>When two class path entries hold a file of the same name, both are passed on, and the engine
 * reports the duplicate naming both: {@code classpath:db/migration/V1__a.sql (in a.jar)} and {@code
 * classpath:db/migration/V1__a.sql (in b.jar)}. Otherwise an origin is just {@code
 * classpath:db/migration/V1__a.sql}, the same in development and in the packaged application.
 *
 * <p><b>Class loader.</b> The one given to {@link #ClasspathSourceProvider(ClassLoader)};
 * otherwise, as found by {@link java.util.ServiceLoader}, the engine's configured class loader
 * ({@code Strata.configure().classLoader(...)}), then the calling thread's context class loader,
 * then the loader of this class. To read migrations from a loader of your own only (a fat jar on a
 * {@link java.net.URLClassLoader}), register the provider explicitly:
 *
 * <pre>{@code
 * Strata.configure()
 *     .url("jdbc:h2:mem:app")
 *     .sources("classpath:db/migration")
 *     .sourceProvider(new ClasspathSourceProvider(loader))
 *     .load()
 *     .migrate();
 * }</pre>
 *
 * <p><b>Modules.</b> Migrations in a named module (on the module path, or in a {@link ModuleLayer})
 * are found through the module's class loader like any others: the directory is looked up by name
 * ({@code db/} is no package, so encapsulation does not hide it, whether or not the module {@code
 * opens db.migration}), and the files are then read from the module's jar or directory itself. This
 * needs the jar to have an entry for the directory, which {@code jar} and Maven write; otherwise
 * only a build-time index in an open package is found.
 *
 * <p>Immutable and thread-safe.
 */
public final class ClasspathSourceProvider implements MigrationSourceProvider {
  private final @Nullable ClassLoader classLoader;

  /**
   * A provider reading through the context class loader of the thread that lists, falling back to
   * this class's loader; what {@link java.util.ServiceLoader} creates.
   */
  public ClasspathSourceProvider() {
    this.classLoader = null;
  }

  /** A provider reading through {@code classLoader} only. */
  public ClasspathSourceProvider(ClassLoader classLoader) {
    this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
  }

  /** {@code classpath}. */
  @Override
  public String prefix() {
    return "classpath";
  }

  /**
   * A source for {@code path}, a directory on the class path such as {@code db/migration} (leading
   * and trailing slashes are ignored).
   *
   * @throws ConfigurationException when {@code path} names no directory
   */
  @Override
  public MigrationSource create(String location, String path, SourceSettings settings) {
    String directory = trimSlashes(path.strip());
    if (directory.isEmpty()) {
      throw new ConfigurationException(
          "The location "
              + location
              + " names no directory; the whole class path is never scanned, so name the one"
              + " holding the migrations, e.g. classpath:db/migration");
    }
    return new ClasspathSource(location, directory, settings, loaders(settings));
  }

  /** The engine's configured loader first, then the thread's context loader, then our own. */
  private List<ClassLoader> loaders(SourceSettings settings) {
    if (classLoader != null) {
      return List.of(classLoader);
    }
    List<ClassLoader> loaders = new ArrayList<>(3);
    loaders.add(settings.classLoader());
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null && !loaders.contains(context)) {
      loaders.add(context);
    }
    ClassLoader own = ClasspathSourceProvider.class.getClassLoader();
    if (own == null) {
      own = ClassLoader.getSystemClassLoader();
    }
    if (!loaders.contains(own)) {
      loaders.add(own);
    }
    return loaders;
  }

  private static String trimSlashes(String path) {
    int start = 0;
    int end = path.length();
    while (start < end && path.charAt(start) == '/') {
      start++;
    }
    while (end > start && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(start, end);
  }
}
