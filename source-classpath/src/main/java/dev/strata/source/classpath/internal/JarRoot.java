package dev.strata.source.classpath.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The location as a directory inside a jar on disk: {@code db/migration} in a plain jar, or {@code
 * BOOT-INF/classes/db/migration} in a Spring Boot fat jar.
 *
 * @param jar the jar file
 * @param dir the directory inside the jar, without slashes at its ends
 * @param path the configured location's path, which {@code dir} ends with
 */
record JarRoot(Path jar, String dir, String path) implements Root {

  @Override
  public String identity() {
    return "jar:" + jar.toUri() + "!/" + dir + "/";
  }

  @Override
  public String container() {
    return jar.getFileName() + inside();
  }

  @Override
  public String fullContainer() {
    return jar + inside();
  }

  /** {@code !/BOOT-INF/classes} when the location lies under a directory of the jar. */
  private String inside() {
    if (dir.equals(path)) {
      return "";
    }
    String prefix =
        dir.endsWith("/" + path) ? dir.substring(0, dir.length() - path.length() - 1) : dir;
    return "!/" + prefix;
  }

  @Override
  public List<String> list() throws IOException {
    String prefix = dir + "/";
    List<String> names = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
        ZipEntry entry = entries.nextElement();
        if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
          names.add(entry.getName().substring(prefix.length()));
        }
      }
    }
    return names;
  }

  @Override
  public byte[] read(String relative) throws IOException {
    // Through a jar: URL, so reads share the JVM's cache of open jars (and Spring Boot's, when its
    // launcher runs) instead of opening the jar once per script.
    URL url = new URL("jar:" + jar.toUri() + "!/" + UrlPaths.encode(dir + "/" + relative));
    try (InputStream in = url.openStream()) {
      return in.readAllBytes();
    }
  }
}
