package dev.strata.spi;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Objects;

/**
 * Settings every source honours. Immutable and thread-safe.
 *
 * @param ignore globs of {@code .sql} files the user wants left alone (the {@code ignore} option),
 *     matched against a file's path below its location with {@code /} between folders: a glob
 *     without {@code /} matches the file's name in any folder ({@code *.go.sql}), one with {@code
 *     /} the whole path ({@code legacy/**})
 * @param classLoader the class loader configured for the engine (default: Strata's own); sources
 *     that read resources ({@code classpath:}) read through it
 */
public record SourceSettings(List<String> ignore, ClassLoader classLoader) {
  public SourceSettings {
    ignore = List.copyOf(ignore);
    Objects.requireNonNull(classLoader, "classLoader");
  }

  /**
   * Settings with these ignore globs that read resources through engine-api's own class loader; for
   * tests and tools.
   */
  public SourceSettings(List<String> ignore) {
    this(
        ignore,
        Objects.requireNonNullElse(
            SourceSettings.class.getClassLoader(), ClassLoader.getSystemClassLoader()));
  }

  /** Settings that ignore nothing and read through engine-api's own class loader. */
  public static SourceSettings defaults() {
    return new SourceSettings(List.of());
  }

  /**
   * Whether the user asked for the file at {@code pathBelowLocation} (folders separated by {@code
   * /}, no leading {@code /}) to be ignored. A source lists an ignored file as ignored, at info
   * level, instead of reading it or refusing it.
   */
  public boolean ignores(String pathBelowLocation) {
    if (ignore.isEmpty()) {
      return false;
    }
    String below =
        pathBelowLocation.startsWith("/") ? pathBelowLocation.substring(1) : pathBelowLocation;
    Path path = Path.of(below);
    Path name = path.getFileName();
    for (String glob : ignore) {
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
      if (glob.indexOf('/') >= 0 ? matcher.matches(path) : name != null && matcher.matches(name)) {
        return true;
      }
    }
    return false;
  }
}
