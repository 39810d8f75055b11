package dev.strata.source.drizzle.internal;

import dev.strata.api.MigrationDiscoveryException;
import dev.strata.spi.MigrationSource;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A drizzle-kit migration folder: the journal layout when {@code meta/_journal.json} exists (as
 * drizzle-orm 0.x reads it), else the folder-per-migration layout of drizzle-kit 1.x.
 *
 * <p>Immutable and thread-safe; every {@link #list()} reads the folder afresh.
 */
public final class DrizzleSource implements MigrationSource {
  private final String location;
  private final Path root;
  private final SourceSettings settings;

  public DrizzleSource(String location, Path root, SourceSettings settings) {
    this.location = location;
    this.root = root;
    this.settings = settings;
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public SourceListing list() {
    requireDirectory();
    Path journal = journalFile();
    return Files.exists(journal)
        ? new JournalLayout(location, root, inside(journal, root, location), settings).list()
        : new FolderLayout(location, root, settings).list();
  }

  /**
   * The folder's journal, or {@code null} in the folder-per-migration layout. Strata does not use
   * the journal's {@code dialect}; this exposes it for tools that want to compare it with the
   * connected database.
   */
  public @Nullable Journal journal() {
    requireDirectory();
    Path journal = journalFile();
    return Files.exists(journal)
        ? JournalLayout.readJournal(inside(journal, root, location))
        : null;
  }

  private Path journalFile() {
    return root.resolve("meta").resolve("_journal.json");
  }

  private void requireDirectory() {
    if (!Files.isDirectory(root)) {
      throw new MigrationDiscoveryException(
          "The migration location "
              + location
              + (Files.exists(root) ? " is not a directory" : " does not exist")
              + " (resolved to "
              + root.toAbsolutePath().normalize()
              + "); check strata.sources",
          List.of(location));
    }
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new MigrationDiscoveryException(
          "Cannot read " + file + ": " + e.getMessage() + "; check the file's permissions",
          List.of(file.toString()),
          e);
    }
  }

  /**
   * {@code file}, after checking that it lies inside {@code root} once symbolic links are resolved:
   * Strata reads no file outside its locations.
   */
  static Path inside(Path file, Path root, String location) {
    Path real;
    Path realRoot;
    try {
      real = file.toRealPath();
      realRoot = root.toRealPath();
    } catch (IOException e) {
      throw new MigrationDiscoveryException(
          "Cannot read " + file + ": " + e.getMessage() + "; check the file and its links",
          List.of(file.toString()),
          e);
    }
    if (!real.startsWith(realRoot)) {
      throw MigrationDiscoveryException.linkOutside(
          file, real, location, realRoot, "Copy the file into the folder");
    }
    return file;
  }

  static List<Path> children(Path dir, String location) {
    try (var stream = Files.list(dir)) {
      return stream.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new MigrationDiscoveryException(
          "Cannot list " + location + ": " + e.getMessage(), List.of(location), e);
    }
  }

  /** The first {@code max} bytes of {@code file}, which must lie inside {@code root}. */
  static byte[] head(Path file, int max) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(max);
    }
  }

  static String describe(String raw) {
    return raw.replace('_', ' ').strip();
  }
}
