package dev.strata.source.classpath.internal;

import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A {@code jar:} URL taken apart: the jar file on disk, an optional entry nested in it, and the
 * path inside. The forms class loaders produce:
 *
 * <ul>
 *   <li>{@code jar:file:/app.jar!/db/migration}: a plain jar (the JDK's class loaders);
 *   <li>{@code jar:file:/app.jar!/BOOT-INF/classes!/db/migration} and {@code
 *       jar:file:/app.jar!/BOOT-INF/lib/lib.jar!/db/migration}: Spring Boot's launcher up to 3.1;
 *   <li>{@code jar:nested:/app.jar/!BOOT-INF/classes/!/db/migration} and {@code
 *       jar:nested:/app.jar/!BOOT-INF/lib/lib.jar!/db/migration}: Spring Boot's launcher from 3.2
 *       (its {@code NestedLocation}: the jar's URI path, {@code /!}, the nested entry).
 * </ul>
 *
 * @param jar the jar file on disk
 * @param nested the entry nested in it: a directory ({@code BOOT-INF/classes/}) or a jar ({@code
 *     BOOT-INF/lib/lib.jar}); {@code null} for a plain jar
 * @param path the path inside the jar, nested directory or nested jar, without slashes at its ends
 * @param launcherForm whether only a fat-jar launcher's class loader produces this form
 */
record ArchiveUrl(Path jar, @Nullable String nested, String path, boolean launcherForm) {

  /** Takes {@code url} apart, or returns {@code null} when it is in none of the known forms. */
  static @Nullable ArchiveUrl parse(URL url) {
    if (!"jar".equalsIgnoreCase(url.getProtocol())) {
      return null;
    }
    String spec = url.toString().substring("jar:".length());
    if (spec.startsWith("nested:")) {
      // As Spring Boot splits it: the first !/ ends the nested location (a ! in the jar's path is
      // escaped as %21), whose last /! separates the jar from the nested entry.
      int inside = spec.indexOf("!/");
      String location = inside < 0 ? "" : spec.substring("nested:".length(), inside);
      int entry = location.lastIndexOf("/!");
      if (entry < 1) {
        return null;
      }
      Path jar = fileFromRawPath(location.substring(0, entry));
      String nested = UrlPaths.decode(location.substring(entry + 2));
      return new ArchiveUrl(
          jar, nested.isEmpty() ? null : nested, trim(spec.substring(inside + 2)), true);
    }
    String[] parts = spec.split("!/", -1);
    if (parts.length < 2 || parts.length > 3 || !parts[0].startsWith("file:")) {
      return null;
    }
    Path jar = file(parts[0]);
    if (parts.length == 2) {
      return new ArchiveUrl(jar, null, trim(parts[1]), false);
    }
    return new ArchiveUrl(jar, UrlPaths.decode(parts[1]), trim(parts[2]), true);
  }

  /**
   * Whether the nested entry is a jar (else it is a directory such as {@code BOOT-INF/classes}).
   */
  boolean nestedIsJar() {
    if (nested == null || nested.endsWith("/")) {
      return false;
    }
    String lower = nested.toLowerCase(Locale.ROOT);
    return lower.endsWith(".jar") || lower.endsWith(".zip");
  }

  private static Path file(String fileUrl) {
    try {
      return Path.of(URI.create(fileUrl));
    } catch (IllegalArgumentException e) {
      // A loader that built its URLs from unencoded paths (File.toURL() did).
      String path = fileUrl.substring("file:".length());
      return Path.of(UrlPaths.decode(path.startsWith("///") ? path.substring(2) : path));
    }
  }

  private static Path fileFromRawPath(String rawPath) {
    return file("file:" + (rawPath.startsWith("/") ? "" : "/") + rawPath);
  }

  private static String trim(String encodedPath) {
    String path = UrlPaths.decode(encodedPath);
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
