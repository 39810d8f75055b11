package dev.strata.spi;

import dev.strata.api.StrataEvent;
import java.util.List;

/**
 * What a {@link MigrationSource} found.
 *
 * @param resources the scripts, in any order (the engine orders them)
 * @param warnings what the source noticed but could go on with (a named pipe it never reads), each
 *     naming the file
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
}
