package dev.strata.spi;

import dev.strata.api.StrataEvent;
import java.util.List;

/**
 * What a {@link MigrationSource} found.
 *
 * @param resources the scripts, in any order (the engine orders them)
 * @param warnings files the source ignored, each named with the reason
 * @param ignored the files the {@code ignore} option left out ({@link SourceSettings#ignores}), as
 *     users see them in messages; the engine lists them at info level
 */
public record SourceListing(
    List<MigrationResource> resources, List<StrataEvent.Warning> warnings, List<String> ignored) {
  public SourceListing {
    resources = List.copyOf(resources);
    warnings = List.copyOf(warnings);
    ignored = List.copyOf(ignored);
  }

  /** A listing in which the {@code ignore} option left nothing out. */
  public SourceListing(List<MigrationResource> resources, List<StrataEvent.Warning> warnings) {
    this(resources, warnings, List.of());
  }
}
