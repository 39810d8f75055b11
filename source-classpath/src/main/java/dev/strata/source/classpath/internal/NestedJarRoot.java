package dev.strata.source.classpath.internal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;

/**
 * The location inside a jar nested in a fat jar: {@code db/migration} in {@code
 * BOOT-INF/lib/lib.jar} of {@code app.jar}. It is read from the outer jar's file directly, so no
 * URL handler for nested jars (Spring Boot's launcher) is needed: a nested jar stored uncompressed,
 * as Spring Boot requires, is read through its central directory; a compressed one by streaming.
 */
final class NestedJarRoot implements Root {
  private final Path jar;
  private final String nested;
  private final String path;
  private @Nullable Contents contents;

  /**
   * @param jar the outer jar file
   * @param nested the nested jar's entry in it, e.g. {@code BOOT-INF/lib/lib.jar}
   * @param path the location's path inside the nested jar
   */
  NestedJarRoot(Path jar, String nested, String path) {
    this(jar, nested, path, null);
  }

  private NestedJarRoot(Path jar, String nested, String path, @Nullable Contents contents) {
    this.jar = jar;
    this.nested = nested;
    this.path = path;
    this.contents = contents;
  }

  /**
   * The nested jars under {@code libs} ({@code BOOT-INF/lib/}) of the fat jar {@code jar} that hold
   * {@code path}. Only central directories are read, unless a jar must be streamed.
   */
  static List<Root> findIn(Path jar, String libs, String path) throws IOException {
    String prefix = path + "/";
    List<Root> found = new ArrayList<>();
    try (FileChannel channel = FileChannel.open(jar, StandardOpenOption.READ)) {
      ZipDirectory outer;
      try {
        outer = ZipDirectory.read(channel, 0, channel.size());
      } catch (ZipException e) {
        return findByStreaming(jar, libs, path);
      }
      for (ZipDirectory.Entry entry : outer.entries().values()) {
        if (!isLibrary(entry.name(), libs)) {
          continue;
        }
        Contents contents = open(jar, channel, outer, entry);
        if (contents.names().stream().anyMatch(n -> n.startsWith(prefix))) {
          found.add(new NestedJarRoot(jar, entry.name(), path, contents));
        }
      }
    }
    return found;
  }

  private static List<Root> findByStreaming(Path jar, String libs, String path) throws IOException {
    String prefix = path + "/";
    List<Root> found = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry entry : zip.stream().filter(e -> isLibrary(e.getName(), libs)).toList()) {
        Contents contents = Streamed.open(jar, zip, entry.getName());
        if (contents.names().stream().anyMatch(n -> n.startsWith(prefix))) {
          found.add(new NestedJarRoot(jar, entry.getName(), path, contents));
        }
      }
    }
    return found;
  }

  private static boolean isLibrary(String name, String libs) {
    String lower = name.toLowerCase(Locale.ROOT);
    return name.startsWith(libs)
        && name.indexOf('/', libs.length()) < 0
        && (lower.endsWith(".jar") || lower.endsWith(".zip"));
  }

  @Override
  public String identity() {
    return "jar:" + jar.toUri() + "!/" + nested + "!/" + path + "/";
  }

  @Override
  public String container() {
    return jar.getFileName() + "!/" + nested;
  }

  @Override
  public String fullContainer() {
    return jar + "!/" + nested;
  }

  @Override
  public List<String> list() throws IOException {
    String prefix = path + "/";
    return contents().names().stream()
        .filter(n -> n.startsWith(prefix) && !n.endsWith("/"))
        .map(n -> n.substring(prefix.length()))
        .toList();
  }

  @Override
  public byte[] read(String relative) throws IOException {
    return contents().read(path + "/" + relative);
  }

  private synchronized Contents contents() throws IOException {
    if (contents == null) {
      try (FileChannel channel = FileChannel.open(jar, StandardOpenOption.READ)) {
        ZipDirectory outer = ZipDirectory.read(channel, 0, channel.size());
        ZipDirectory.Entry entry = outer.entry(nested);
        if (entry == null) {
          throw new FileNotFoundException(nested + " not found in " + jar);
        }
        contents = open(jar, channel, outer, entry);
      } catch (ZipException e) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
          contents = Streamed.open(jar, zip, nested);
        }
      }
    }
    return contents;
  }

  private static Contents open(
      Path jar, FileChannel channel, ZipDirectory outer, ZipDirectory.Entry entry)
      throws IOException {
    try {
      ZipDirectory inner = outer.nested(channel, entry);
      if (inner != null) {
        return new Stored(jar, inner);
      }
    } catch (ZipException e) {
      // zip64 or otherwise unusual inside: streaming reads anything ZipInputStream can.
    }
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return Streamed.open(jar, zip, entry.name());
    }
  }

  /** The nested jar's entries, and how to read one. */
  private interface Contents {
    List<String> names();

    byte[] read(String name) throws IOException;
  }

  /** A nested jar stored uncompressed: its directory is read in place, then entries by offset. */
  private record Stored(Path jar, ZipDirectory directory) implements Contents {
    @Override
    public List<String> names() {
      return List.copyOf(directory.entries().keySet());
    }

    @Override
    public byte[] read(String name) throws IOException {
      ZipDirectory.Entry entry = directory.entry(name);
      if (entry == null) {
        throw new FileNotFoundException(name);
      }
      try (FileChannel channel = FileChannel.open(jar, StandardOpenOption.READ)) {
        return directory.read(channel, entry);
      }
    }
  }

  /** A compressed nested jar: each read streams through it up to the entry. */
  private record Streamed(Path jar, String nested, List<String> names) implements Contents {
    static Streamed open(Path jar, ZipFile zip, String nested) throws IOException {
      List<String> names = new ArrayList<>();
      try (ZipInputStream in = stream(zip, nested)) {
        for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          names.add(e.getName());
        }
      }
      return new Streamed(jar, nested, List.copyOf(names));
    }

    @Override
    public byte[] read(String name) throws IOException {
      try (ZipFile zip = new ZipFile(jar.toFile());
          ZipInputStream in = stream(zip, nested)) {
        for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          if (e.getName().equals(name)) {
            return in.readAllBytes();
          }
        }
      }
      throw new FileNotFoundException(name);
    }

    private static ZipInputStream stream(ZipFile zip, String nested) throws IOException {
      ZipEntry entry = zip.getEntry(nested);
      if (entry == null) {
        throw new FileNotFoundException(nested + " not found in " + zip.getName());
      }
      InputStream in = zip.getInputStream(entry);
      return new ZipInputStream(in);
    }
  }
}
