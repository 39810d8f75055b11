package dev.strata.source.classpath;

import dev.strata.source.classpath.internal.IndexFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the build-time index of a migration directory, {@code strata-index.txt}: one line per
 * file, its SHA-256 and its path relative to the directory ({@code sha256sum}'s format). When the
 * classpath source finds the index in a location, it reads the names from it instead of listing the
 * directory or jar, so startup does no listing at all, and locations whose URLs cannot be listed
 * (application servers' virtual file systems) work. A file's content that no longer matches its
 * SHA-256, or an indexed file that is missing, is an error naming the file; a file added without
 * regenerating the index is not seen, so generate the index in the build, after resources are
 * copied, never by hand.
 *
 * <p>With Maven, the {@code index} goal of {@code strata-maven-plugin} does it, bound to {@code
 * process-classes} (see docs/maven-plugin.md):
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>dev.strata</groupId>
 *   <artifactId>strata-maven-plugin</artifactId>
 *   <executions>
 *     <execution>
 *       <goals><goal>index</goal></goals>
 *     </execution>
 *   </executions>
 * </plugin>
 * }</pre>
 *
 * <p>With Gradle: {@code tasks.register("strataIndex", JavaExec) { mainClass =
 * "dev.strata.source.classpath.ClasspathIndex"; classpath = sourceSets.main.runtimeClasspath; args
 * "$buildDir/resources/main/db/migration" }}, run before {@code jar}. Or from code (a test, a build
 * plugin): {@code ClasspathIndex.write(Path.of("target/classes/db/migration"))}.
 *
 * <p>Every regular file under the directory is indexed, as listing would see it: hidden files (and
 * files in hidden directories) are left out, and files that follow no naming convention are kept,
 * so the source still warns about them.
 */
public final class ClasspathIndex {
  private ClasspathIndex() {}

  /**
   * Writes {@code strata-index.txt} into each directory given, replacing an older one, and prints
   * what it wrote.
   *
   * @param args the directories, e.g. {@code target/classes/db/migration}
   */
  public static void main(String... args) throws IOException {
    if (args.length == 0) {
      throw new IllegalArgumentException(
          "usage: java dev.strata.source.classpath.ClasspathIndex <migration directory>...");
    }
    for (String arg : args) {
      Path index = write(Path.of(arg));
      System.out.println("wrote " + index);
    }
  }

  /**
   * Writes {@code dir/strata-index.txt}, replacing an older one.
   *
   * @return the index file
   * @throws java.nio.file.NoSuchFileException when {@code dir} does not exist
   * @throws IllegalArgumentException when a file name cannot be written on one line
   */
  public static Path write(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new NoSuchFileException(dir.toString(), null, "not a directory");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(f -> !isHidden(dir.relativize(f)))
              .filter(f -> !dir.relativize(f).toString().equals(IndexFile.NAME))
              .toList();
    }
    List<IndexFile.Line> lines = new ArrayList<>();
    for (Path file : files) {
      String name =
          dir.relativize(file).toString().replace(dir.getFileSystem().getSeparator(), "/");
      lines.add(new IndexFile.Line(name, IndexFile.sha256(Files.readAllBytes(file))));
    }
    lines.sort((a, b) -> a.name().compareTo(b.name()));
    Path index = dir.resolve(IndexFile.NAME);
    Path temporary = Files.createTempFile(dir, ".strata-index", ".tmp");
    try {
      Files.writeString(temporary, IndexFile.format(lines), StandardCharsets.UTF_8);
      Files.move(
          temporary, index, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
    return index;
  }

  private static boolean isHidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
