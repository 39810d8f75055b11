package dev.strata.spi;

import dev.strata.api.StrataEvent;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link MigrationSource} found.
 *
 * @param resources the scripts, in any order (the engine orders them)
 * @param warnings what the source noticed but could go on with (a named pipe it never reads), each
 *     naming the file
 * @param ignored the files the {@code ignore} option left out ({@link SourceSettings#ignores}), as
 *     users see them in messages; the engine lists them at info level
 * @param dialects the dialects the whole location is written for, when a file of the format says so
 *     (Prisma's {@code migration_lock.toml}); {@code null} when the location does not say
 */
public record SourceListing(
    List<MigrationResource> resources,
    List<StrataEvent.Warning> warnings,
    List<String> ignored,
    @Nullable DialectRequirement dialects) {
  public SourceListing {
    resources = List.copyOf(resources);
    warnings = List.copyOf(warnings);
    ignored = List.copyOf(ignored);
  }

  /** A listing whose location says nothing about the dialects it is written for. */
  public SourceListing(
      List<MigrationResource> resources, List<StrataEvent.Warning> warnings, List<String> ignored) {
    this(resources, warnings, ignored, null);
  }

  /**
   * A location's statement that all its scripts are written for some dialects only. The engine
   * refuses to run the location on a database whose dialect has none of {@code dialectTags} ({@link
   * Dialect#fileTags()}), naming {@code origin}, rather than run scripts written for another
   * database.
   *
   * @param dialectTags the dialect file tags the location's scripts run on, e.g. {@code mysql}
   * @param origin the file that says so, as users see it in messages
   * @param statement what that file says, in its own terms, e.g. {@code provider = "mysql"}
   */
  public record DialectRequirement(Set<String> dialectTags, String origin, String statement) {
    public DialectRequirement {
      dialectTags = Set.copyOf(dialectTags);
      if (dialectTags.isEmpty()) {
        throw new IllegalArgumentException("a dialect requirement names at least one dialect tag");
      }
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(statement, "statement");
    }
  }
}
