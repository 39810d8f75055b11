package dev.strata.source.tools.internal;

import dev.strata.api.Direction;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.SourceListing;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a tool's migration folder for a test, file by file. */
public final class FixtureFolder {
  private final Path root;

  public FixtureFolder(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  /** Writes {@code relative} (folders created) and returns this folder. */
  public FixtureFolder file(String relative, String content) {
    return file(relative, content.getBytes(StandardCharsets.UTF_8));
  }

  public FixtureFolder file(String relative, byte[] content) {
    try {
      Path file = root.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.write(file, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public FixtureFolder folder(String relative) {
    try {
      Files.createDirectories(root.resolve(relative));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The path of {@code relative} as sources name it in messages. */
  public String origin(String relative) {
    return root.resolve(relative).toString();
  }

  /** {@code V<version> <description> UP|DOWN <file below the folder>}, one per resource, sorted. */
  public List<String> summary(SourceListing listing) {
    return listing.resources().stream()
        .map(
            r ->
                r.id()
                    + " "
                    + r.direction()
                    + (r.autocommit() ? " autocommit" : "")
                    + " "
                    + root.relativize(Path.of(r.origin())))
        .sorted()
        .toList();
  }

  /** The resource for {@code relative} in the given direction. */
  public static MigrationResource find(SourceListing listing, String suffix, Direction direction) {
    return listing.resources().stream()
        .filter(r -> r.origin().endsWith(suffix) && r.direction() == direction)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + direction + " resource " + suffix));
  }
}
