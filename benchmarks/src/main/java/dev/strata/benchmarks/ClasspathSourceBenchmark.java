package dev.strata.benchmarks;

import dev.strata.source.classpath.ClasspathIndex;
import dev.strata.source.classpath.ClasspathSourceProvider;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.MigrationSource;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the classpath source's build-time index ({@code strata-index.txt}, written by {@link
 * ClasspathIndex}) saves at startup: one operation is what discovery does with {@code
 * classpath:db/migration} — create the source, {@link MigrationSource#list()} it, and read every
 * script's bytes (the engine reads each one to checksum it; with an index the source also checks
 * each file's SHA-256 against the index).
 *
 * <p>The N {@code realistic} migrations of {@link MigrationSetGenerator} lie in one of three
 * layouts, on a {@link URLClassLoader} of their own that lives for the whole trial, as an
 * application's class loader does:
 *
 * <ul>
 *   <li>{@code directory}: {@code classes/db/migration/}, as in development ({@code
 *       target/classes});
 *   <li>{@code jar}: {@code app.jar} with the migrations under {@code db/migration/} beside {@value
 *       #APP_CLASSES} class entries (deflated, as {@code jar} writes them);
 *   <li>{@code fatJar}: a Spring Boot style {@code app.jar}, read without the launcher: {@value
 *       #APP_CLASSES} class entries under {@code BOOT-INF/classes/}, and under {@code
 *       BOOT-INF/lib/} {@value #LIBRARIES} library jars of {@value #LIBRARY_CLASSES} entries each
 *       plus {@code migrations.jar} holding {@code db/migration/}, every nested jar stored
 *       uncompressed as Spring Boot requires.
 * </ul>
 *
 * <p>Each operation must find N migrations and read exactly the bytes setup wrote.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClasspathSourceBenchmark {
  static final String LOCATION = "classpath:db/migration";
  static final String PATH = "db/migration";
  static final int APP_CLASSES = 200;
  static final int LIBRARIES = 20;
  static final int LIBRARY_CLASSES = 100;

  /** How many migrations. */
  @Param({"100", "1000"})
  public int migrations = 100;

  /** Where they lie: {@code directory}, {@code jar} or {@code fatJar}. */
  @Param({"directory", "jar", "fatJar"})
  public String layout = "directory";

  /** Whether the location holds {@code strata-index.txt}. */
  @Param({"false", "true"})
  public boolean index;

  private Path work;
  private URLClassLoader loader;
  private ClasspathSourceProvider provider;
  private SourceSettings settings;
  private long expectedBytes;

  @Setup(Level.Trial)
  public void build() throws IOException {
    MigrationSet set = MigrationSet.createTemporary("realistic", migrations);
    try {
      work = Files.createTempDirectory("strata-bench-classpath-");
      Path classes = work.resolve("classes");
      Path dir = classes.resolve(PATH);
      Files.createDirectories(dir);
      try (Stream<Path> files = Files.list(set.migrationsDir())) {
        for (Path file : files.toList()) {
          Files.copy(file, dir.resolve(file.getFileName().toString()));
          expectedBytes += Files.size(file);
        }
      }
      if (index) {
        ClasspathIndex.write(dir);
      }
      URL root =
          switch (layout) {
            case "directory" -> classes.toUri().toURL();
            case "jar" -> plainJar(dir).toUri().toURL();
            case "fatJar" -> fatJar(dir).toUri().toURL();
            default ->
                throw new IllegalArgumentException(
                    "Unknown layout '" + layout + "'; known: directory, jar, fatJar");
          };
      // No parent: only this root can hold db/migration.
      loader = new URLClassLoader(new URL[] {root}, null);
      provider = new ClasspathSourceProvider(loader);
      settings = new SourceSettings(List.of(), loader);
    } finally {
      set.delete();
    }
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    if (loader != null) {
      loader.close();
    }
    if (work != null) {
      try (Stream<Path> paths = Files.walk(work)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @Benchmark
  public long listAndRead() throws IOException {
    SourceListing listing = provider.create(LOCATION, PATH, settings).list();
    List<MigrationResource> resources = listing.resources();
    long bytes = 0;
    for (MigrationResource resource : resources) {
      bytes += resource.content().read().length;
    }
    if (resources.size() != migrations || bytes != expectedBytes) {
      throw new IllegalStateException(
          layout
              + (index ? " with index" : " without index")
              + ": found "
              + resources.size()
              + " migrations of "
              + bytes
              + " bytes, expected "
              + migrations
              + " of "
              + expectedBytes);
    }
    return bytes;
  }

  private Path plainJar(Path dir) throws IOException {
    Path jar = work.resolve("app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      appClasses(out, "");
      writeMigrations(out, dir);
    }
    return jar;
  }

  private Path fatJar(Path dir) throws IOException {
    Path jar = work.resolve("app-boot.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      directory(out, "BOOT-INF/");
      directory(out, "BOOT-INF/classes/");
      appClasses(out, "BOOT-INF/classes/");
      directory(out, "BOOT-INF/lib/");
      for (int i = 0; i < LIBRARIES; i++) {
        stored(out, "BOOT-INF/lib/library-" + i + ".jar", library(i));
      }
      ByteArrayOutputStream nested = new ByteArrayOutputStream();
      try (JarOutputStream in = new JarOutputStream(nested)) {
        writeMigrations(in, dir);
      }
      stored(out, "BOOT-INF/lib/migrations.jar", nested.toByteArray());
    }
    return jar;
  }

  private static void appClasses(JarOutputStream out, String prefix) throws IOException {
    directory(out, prefix + "com/");
    directory(out, prefix + "com/example/");
    directory(out, prefix + "com/example/app/");
    for (int i = 0; i < APP_CLASSES; i++) {
      deflated(out, prefix + "com/example/app/Type" + i + ".class", fakeClass(i));
    }
  }

  private static byte[] library(int n) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream out = new JarOutputStream(bytes)) {
      String pkg = "org/library" + n + "/";
      directory(out, "org/");
      directory(out, pkg);
      for (int i = 0; i < LIBRARY_CLASSES; i++) {
        deflated(out, pkg + "Type" + i + ".class", fakeClass(i));
      }
    }
    return bytes.toByteArray();
  }

  /** {@code db/migration/} and its files (the index included), deflated. */
  private static void writeMigrations(JarOutputStream out, Path dir) throws IOException {
    directory(out, "db/");
    directory(out, "db/migration/");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        deflated(out, PATH + "/" + file.getFileName(), Files.readAllBytes(file));
      }
    }
  }

  /** A stand-in for a compiled class: about 1.5 KB of text that deflates like bytecode would. */
  private static byte[] fakeClass(int i) {
    return ("class Type" + i + " { int field" + i + "; }\n")
        .repeat(40)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void directory(JarOutputStream out, String name) throws IOException {
    out.putNextEntry(new ZipEntry(name));
    out.closeEntry();
  }

  private static void deflated(JarOutputStream out, String name, byte[] content)
      throws IOException {
    out.putNextEntry(new ZipEntry(name));
    out.write(content);
    out.closeEntry();
  }

  private static void stored(JarOutputStream out, String name, byte[] content) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(content.length);
    entry.setCompressedSize(content.length);
    CRC32 crc = new CRC32();
    crc.update(content);
    entry.setCrc(crc.getValue());
    out.putNextEntry(entry);
    out.write(content);
    out.closeEntry();
  }
}
