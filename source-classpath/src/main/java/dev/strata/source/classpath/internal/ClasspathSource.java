package dev.strata.source.classpath.internal;

import dev.strata.api.MigrationDiscoveryException;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.MigrationSource;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import dev.strata.spi.support.MigrationFileName;
import dev.strata.spi.support.UnrecognizedFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The migration scripts at one class path location, in every directory and jar the class loader has
 * it in. Files are listed in each root (or read from its build-time index, {@code
 * strata-index.txt}, without listing); a {@code .sql} name that follows no convention is an error
 * naming every such file, unless the {@code ignore} option leaves it out; other files and hidden
 * files are skipped silently. Content is read when the engine asks. Immutable and thread-safe.
 *
 * <p>Origins read {@code classpath:db/migration/V1__a.sql}; when two roots hold a file of the same
 * name, each origin also says where it lies: {@code classpath:db/migration/V1__a.sql (in a.jar)}.
 */
public final class ClasspathSource implements MigrationSource {
  private final String location;
  private final String path;
  private final SourceSettings settings;
  private final List<ClassLoader> loaders;

  /**
   * @param location the location as configured, for messages
   * @param path the location's path on the class path, e.g. {@code db/migration}, without slashes
   *     at its ends
   * @param loaders the class loaders to look in, in turn; the first that has the location is used
   */
  public ClasspathSource(
      String location, String path, SourceSettings settings, List<ClassLoader> loaders) {
    if (path.isEmpty() || path.startsWith("/") || path.endsWith("/")) {
      throw new IllegalArgumentException("not a class path directory: '" + path + "'");
    }
    if (loaders.isEmpty()) {
      throw new IllegalArgumentException("no class loader");
    }
    this.location = location;
    this.path = path;
    this.settings = settings;
    this.loaders = List.copyOf(loaders);
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public SourceListing list() {
    List<Root> roots = roots();
    List<Found> found = new ArrayList<>();
    for (int i = 0; i < roots.size(); i++) {
      found.addAll(filesOf(roots.get(i), i));
    }
    found.sort(Comparator.comparing(Found::relative).thenComparingInt(Found::order));
    Map<String, List<Found>> byName = new LinkedHashMap<>();
    found.forEach(f -> byName.computeIfAbsent(f.relative(), k -> new ArrayList<>()).add(f));

    List<MigrationResource> resources = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    UnrecognizedFiles unrecognized = new UnrecognizedFiles(location, MigrationFileName.CONVENTIONS);
    for (List<Found> sameName : byName.values()) {
      Function<Root, String> label = labels(sameName);
      for (Found f : sameName) {
        String where = sameName.size() > 1 ? " (in " + label.apply(f.root()) + ")" : "";
        String origin = "classpath:" + path + "/" + f.relative() + where;
        String name = UrlPaths.fileName(f.relative());
        boolean sql = name.endsWith(".sql");
        if (sql && settings.ignores(f.relative())) {
          ignored.add(origin);
          continue;
        }
        MigrationFileName.Parsed parsed = MigrationFileName.parse(name);
        if (parsed == null) {
          if (sql) {
            unrecognized.add(
                origin,
                f.relative(),
                MigrationFileName.whyUnrecognized(name),
                () -> f.root().read(f.relative()));
          } else {
            unrecognized.listed(f.relative());
          }
          continue;
        }
        resources.add(
            new MigrationResource(
                parsed.id(),
                parsed.direction(),
                parsed.dialectTag(),
                parsed.autocommit(),
                origin,
                () -> read(f, origin)));
      }
    }
    unrecognized.throwIfAny();
    return new SourceListing(resources, List.of(), ignored);
  }

  /** One file under one root; {@code sha256} is the index's, when the root has one. */
  private record Found(Root root, int order, String relative, @Nullable String sha256) {}

  private List<Root> roots() {
    List<String> tried = new ArrayList<>();
    for (ClassLoader loader : loaders) {
      List<Root> roots;
      try {
        roots = RootFinder.find(loader, path);
      } catch (IOException e) {
        throw new MigrationDiscoveryException(
            "Cannot look up " + location + " with the class loader " + describe(loader) + ": " + e,
            List.of(location),
            e);
      }
      if (!roots.isEmpty()) {
        return roots;
      }
      tried.add(describe(loader));
    }
    throw new MigrationDiscoveryException(
        "The migration location "
            + location
            + " does not exist: no directory or jar on the class path of "
            + String.join(" or ", tried)
            + " holds "
            + path
            + "/ (nor BOOT-INF/classes/"
            + path
            + "/ or BOOT-INF/lib/*.jar!/"
            + path
            + "/ in a Spring Boot jar); check strata.sources and that the jar with the"
            + " migrations is on the class path",
        List.of(location));
  }

  private List<Found> filesOf(Root root, int order) {
    String indexOrigin =
        "classpath:" + path + "/" + IndexFile.NAME + " (in " + root.container() + ")";
    byte[] index;
    try {
      index = root.readIndex();
    } catch (IOException e) {
      throw new MigrationDiscoveryException(
          "Cannot read " + indexOrigin + ": " + e, List.of(indexOrigin), e);
    }
    List<Found> files = new ArrayList<>();
    if (index != null) {
      // The index replaces listing: a root with one is never listed.
      for (IndexFile.Line line : IndexFile.parse(index, indexOrigin)) {
        if (!UrlPaths.isHidden(line.name())) {
          files.add(new Found(root, order, line.name(), line.sha256()));
        }
      }
      return files;
    }
    List<String> names;
    try {
      names = root.list();
    } catch (IOException e) {
      throw new MigrationDiscoveryException(
          "Cannot list " + location + " in " + root.fullContainer() + ": " + e.getMessage(),
          List.of(location),
          e);
    }
    for (String name : names) {
      if (!UrlPaths.isHidden(name) && !name.equals(IndexFile.NAME)) {
        files.add(new Found(root, order, name, null));
      }
    }
    return files;
  }

  private static byte[] read(Found f, String origin) throws IOException {
    byte[] bytes;
    try {
      bytes = f.root().read(f.relative());
    } catch (FileNotFoundException | NoSuchFileException e) {
      if (f.sha256() == null) {
        throw e;
      }
      throw new MigrationDiscoveryException(
          origin
              + " is listed in "
              + IndexFile.NAME
              + " but does not exist; the index is stale:"
              + " regenerate it when building (dev.strata.source.classpath.ClasspathIndex)",
          List.of(origin),
          e);
    }
    if (f.sha256() != null) {
      String actual = IndexFile.sha256(bytes);
      if (!actual.equals(f.sha256())) {
        throw new MigrationDiscoveryException(
            origin
                + " has SHA-256 "
                + actual
                + " but "
                + IndexFile.NAME
                + " says "
                + f.sha256()
                + "; the index is stale: regenerate it when building"
                + " (dev.strata.source.classpath.ClasspathIndex)",
            List.of(origin));
      }
    }
    return bytes;
  }

  /** Short container names, or full ones when two of the roots share a short one. */
  private static Function<Root, String> labels(List<Found> sameName) {
    long distinct = sameName.stream().map(f -> f.root().container()).distinct().count();
    return distinct == sameName.size() ? Root::container : Root::fullContainer;
  }

  /**
   * {@code java.net.URLClassLoader@1b2c3d}, or the class and name of a named loader ({@code app}).
   */
  static String describe(ClassLoader loader) {
    String type = loader.getClass().getName();
    String name = loader.getName();
    return name != null
        ? type + " '" + name + "'"
        : type + "@" + Integer.toHexString(System.identityHashCode(loader));
  }
}
