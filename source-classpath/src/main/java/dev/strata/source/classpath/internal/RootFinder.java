package dev.strata.source.classpath.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the roots that hold a location through one class loader, by name only: the class path is
 * never scanned. It asks the loader for the location (with and without a trailing slash, and for
 * its index, which finds jars written without directory entries); for the same names under {@code
 * BOOT-INF/classes/} and {@code WEB-INF/classes/}, which finds a Spring Boot fat jar put on a plain
 * class path; and for {@code BOOT-INF/lib/} and {@code WEB-INF/lib/}, whose nested jars are then
 * looked into through their central directories, unless the loader is Spring Boot's launcher, which
 * already serves the fat jar's nested jars itself.
 */
final class RootFinder {
  private static final List<String> CLASS_DIRECTORIES =
      List.of("", "BOOT-INF/classes/", "WEB-INF/classes/");
  private static final List<String> LIBRARY_DIRECTORIES = List.of("BOOT-INF/lib/", "WEB-INF/lib/");

  private RootFinder() {}

  /** The roots of {@code path}, in class path order, each place once; empty when there is none. */
  static List<Root> find(ClassLoader loader, String path) throws IOException {
    Map<String, Root> roots = new LinkedHashMap<>();
    Set<Path> launched = new HashSet<>();
    for (String classes : CLASS_DIRECTORIES) {
      String name = classes + path;
      for (String lookup : List.of(name + "/" + IndexFile.NAME, name, name + "/")) {
        for (URL url : Collections.list(loader.getResources(lookup))) {
          URL location = lookup.endsWith(IndexFile.NAME) ? parent(url) : withoutTrailingSlash(url);
          Root root = toRoot(location, path, launched);
          if (root != null) {
            roots.putIfAbsent(root.identity(), root);
          }
        }
      }
    }
    for (String libraries : LIBRARY_DIRECTORIES) {
      for (URL url : Collections.list(loader.getResources(libraries))) {
        ArchiveUrl fatJar = ArchiveUrl.parse(url);
        if (fatJar != null && fatJar.nested() == null && launched.add(fatJar.jar())) {
          for (Root root : NestedJarRoot.findIn(fatJar.jar(), libraries, path)) {
            roots.putIfAbsent(root.identity(), root);
          }
        }
      }
    }
    return List.copyOf(roots.values());
  }

  private static @Nullable Root toRoot(URL url, String path, Set<Path> launched)
      throws IOException {
    switch (url.getProtocol()) {
      case "file", "jrt" -> {
        Path dir = directory(url);
        if (dir == null) {
          return new UrlRoot(url, path);
        }
        return Files.isDirectory(dir) ? new DirectoryRoot(dir, path) : null;
      }
      case "jar" -> {
        ArchiveUrl archive = ArchiveUrl.parse(url);
        if (archive == null) {
          return new UrlRoot(url, path);
        }
        if (archive.launcherForm()) {
          launched.add(archive.jar());
        }
        String nested = archive.nested();
        if (nested == null) {
          return new JarRoot(archive.jar(), archive.path(), path);
        }
        if (archive.nestedIsJar()) {
          return new NestedJarRoot(archive.jar(), nested, archive.path());
        }
        return new JarRoot(archive.jar(), trimSlashes(nested) + "/" + archive.path(), path);
      }
      default -> {
        return new UrlRoot(url, path);
      }
    }
  }

  private static @Nullable Path directory(URL url) {
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
      // A file: URL built from an unencoded path (File.toURL() did that).
      return "file".equals(url.getProtocol()) ? Path.of(UrlPaths.decode(url.getPath())) : null;
    }
  }

  private static URL parent(URL index) throws IOException {
    String s = index.toString();
    return new URL(index, s.substring(0, s.length() - IndexFile.NAME.length() - 1));
  }

  private static URL withoutTrailingSlash(URL url) throws IOException {
    String s = url.toString();
    return s.endsWith("/") ? new URL(url, trimEnd(s)) : url;
  }

  private static String trimEnd(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '/') {
      end--;
    }
    return s.substring(0, end);
  }

  private static String trimSlashes(String s) {
    String end = trimEnd(s);
    int start = 0;
    while (start < end.length() && end.charAt(start) == '/') {
      start++;
    }
    return end.substring(start);
  }
}
