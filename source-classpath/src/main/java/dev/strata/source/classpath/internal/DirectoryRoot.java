package dev.strata.source.classpath.internal;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The location as a directory: a class path directory ({@code target/classes}), an exploded module,
 * or a module of the runtime image ({@code jrt:}).
 */
record DirectoryRoot(Path dir, String path) implements Root {

  @Override
  public String identity() {
    return dir.toUri().toString();
  }

  @Override
  public String container() {
    // target/classes for target/classes/db/migration: the class path entry users know.
    Path entry = dir;
    for (int parts = path.split("/").length; parts > 0 && entry != null; parts--) {
      entry = entry.getParent();
    }
    return (entry == null ? dir : entry).toString();
  }

  @Override
  public String fullContainer() {
    return container();
  }

  @Override
  public List<String> list() throws IOException {
    // Links are followed, as the filesystem source follows them.
    try (Stream<Path> walk = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
      return walk.filter(Files::isRegularFile)
          .map(f -> dir.relativize(f).toString().replace(dir.getFileSystem().getSeparator(), "/"))
          .toList();
    }
  }

  @Override
  public byte[] read(String relative) throws IOException {
    return Files.readAllBytes(dir.resolve(relative));
  }

  @Override
  public byte @Nullable [] readIndex() throws IOException {
    Path index = dir.resolve(IndexFile.NAME);
    return Files.isRegularFile(index) ? Files.readAllBytes(index) : null;
  }
}
