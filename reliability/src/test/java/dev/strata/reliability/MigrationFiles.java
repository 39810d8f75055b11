package dev.strata.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes migration scripts into a directory, which a {@code filesystem:} location then names. */
final class MigrationFiles {
  private final Path dir;

  MigrationFiles(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /** The location for {@code Strata.configure().sources(...)}. */
  String location() {
    return "filesystem:" + dir;
  }

  MigrationFiles write(String name, String script) {
    try {
      Files.writeString(dir.resolve(name), script, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}
