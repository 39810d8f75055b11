package dev.strata.spi;

import dev.strata.api.StrataEvent;
import java.util.List;

/**
 * What a {@link MigrationSource} found.
 *
 * @param resources the scripts, in any order (the engine orders them)
 * @param warnings files the source ignored, each named with the reason
 */
public record SourceListing(List<MigrationResource> resources, List<StrataEvent.Warning> warnings) {
  public SourceListing {
    resources = List.copyOf(resources);
    warnings = List.copyOf(warnings);
  }
}
