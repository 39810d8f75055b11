package dev.strata.source.drizzle.internal;

import dev.strata.api.StrataEvent;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import dev.strata.spi.support.UnrecognizedFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one listing found: resources, warnings, the files the {@code ignore} option left out, and
 * the {@code .sql} files drizzle would never run, which are one error naming them all.
 */
final class Findings {
  /** The conventions of a drizzle location, for messages. */
  static final String CONVENTIONS =
      "drizzle-kit's <tag>.sql files listed in meta/_journal.json, or"
          + " <YYYYMMDDHHmmss>_<name>/migration.sql folders";

  private final SourceSettings settings;
  private final Path root;
  private final List<MigrationResource> resources = new ArrayList<>();
  private final List<StrataEvent.Warning> warnings = new ArrayList<>();
  private final List<String> ignored = new ArrayList<>();
  private final UnrecognizedFiles unrecognized;

  Findings(String location, Path root, SourceSettings settings) {
    this.settings = settings;
    this.root = root;
    this.unrecognized = new UnrecognizedFiles(location, CONVENTIONS, false);
  }

  void add(MigrationResource resource) {
    resources.add(resource);
  }

  /** Whether the {@code ignore} option leaves {@code file} out; if so, it is listed as ignored. */
  boolean ignores(Path file) {
    if (settings.ignore().isEmpty() || !settings.ignores(below(file))) {
      return false;
    }
    ignored.add(file.toString());
    return true;
  }

  /**
   * Reports a {@code .sql} file drizzle would never run: part of the one error {@link #listing}
   * throws.
   *
   * @param problem why, after the file's name ({@code "is not listed in …, so drizzle never runs
   *     it; add it to the journal …"})
   */
  void unrecognized(Path file, String problem) {
    unrecognized.add(
        file.toString(),
        below(file),
        problem,
        () -> DrizzleSource.head(file, UnrecognizedFiles.HEAD_BYTES));
  }

  /** Notes a file that is not a migration (a snapshot), for recognising the folder's layout. */
  void listed(Path file) {
    unrecognized.listed(below(file));
  }

  /** A warning about something drizzle does not run either, which is not a {@code .sql} file. */
  void warn(String origin, String message) {
    warnings.add(new StrataEvent.Warning(origin, message));
  }

  boolean isEmpty() {
    return resources.isEmpty() && warnings.isEmpty() && ignored.isEmpty() && unrecognized.isEmpty();
  }

  /**
   * @throws dev.strata.api.MigrationDiscoveryException naming every {@code .sql} file drizzle would
   *     never run, if there is one
   */
  SourceListing listing() {
    unrecognized.throwIfAny();
    return new SourceListing(resources, warnings, ignored);
  }

  private String below(Path file) {
    String below = root.relativize(file).toString();
    String separator = root.getFileSystem().getSeparator();
    return separator.equals("/") ? below : below.replace(separator, "/");
  }
}
