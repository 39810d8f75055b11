package dev.strata.source.drizzle.internal;

import dev.strata.api.MigrationDiscoveryException;
import dev.strata.api.StrataEvent;
import dev.strata.spi.MigrationResource;
import dev.strata.spi.SourceListing;
import dev.strata.spi.SourceSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * What one listing found: resources, and ignored files as warnings (errors under strict naming).
 */
final class Findings {
  private final SourceSettings settings;
  private final List<MigrationResource> resources = new ArrayList<>();
  private final List<StrataEvent.Warning> warnings = new ArrayList<>();

  Findings(SourceSettings settings) {
    this.settings = settings;
  }

  void add(MigrationResource resource) {
    resources.add(resource);
  }

  /**
   * Reports a file drizzle would not run: a warning ({@code "<reason>; it is ignored"}), or under
   * strict naming an error ({@code "<reason>; <fix>"}).
   */
  void ignore(String origin, String reason, String fix) {
    if (settings.strictNaming()) {
      throw new MigrationDiscoveryException(reason + "; " + fix, List.of(origin));
    }
    warnings.add(new StrataEvent.Warning(origin, reason + "; it is ignored"));
  }

  /** A warning that is not about a file's name, so strict naming leaves it a warning. */
  void warn(String origin, String message) {
    warnings.add(new StrataEvent.Warning(origin, message));
  }

  boolean isEmpty() {
    return resources.isEmpty() && warnings.isEmpty();
  }

  SourceListing listing() {
    return new SourceListing(resources, warnings);
  }
}
