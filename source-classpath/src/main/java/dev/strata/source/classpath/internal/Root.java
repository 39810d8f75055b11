package dev.strata.source.classpath.internal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One place on the class path that holds the location: a directory, a directory inside a jar, a jar
 * nested in a fat jar, or a URL of another kind. Roots are made afresh for each listing.
 */
sealed interface Root permits DirectoryRoot, JarRoot, NestedJarRoot, UrlRoot {
  /** The same for two URLs that name the same files, so that each place is listed once. */
  String identity();

  /**
   * Where the files are, short, for origins: {@code app.jar}, {@code
   * app.jar!/BOOT-INF/lib/lib.jar}, a class path directory.
   */
  String container();

  /** {@link #container()} with full paths, for when two containers share a short name. */
  String fullContainer();

  /**
   * The path of every file under the root, relative to it and {@code /}-separated, in any order.
   *
   * @throws IOException when the root cannot be listed, saying why
   */
  List<String> list() throws IOException;

  /** Reads one file under the root; called when the engine needs its content. */
  byte[] read(String relative) throws IOException;

  /** The bytes of the root's {@code strata-index.txt}, or {@code null} when it has none. */
  default byte @Nullable [] readIndex() throws IOException {
    try {
      return read(IndexFile.NAME);
    } catch (FileNotFoundException | NoSuchFileException e) {
      return null;
    }
  }
}
