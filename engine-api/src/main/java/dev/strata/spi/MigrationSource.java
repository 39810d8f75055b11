package dev.strata.spi;

/**
 * One configured location of migration scripts. Lists cheaply; content is read lazily. Decides
 * nothing beyond its own format's rules: ordering and validity are the engine's.
 */
public interface MigrationSource {
  /** The location as configured, e.g. {@code filesystem:/migrations}. */
  String location();

  /**
   * Lists the scripts.
   *
   * @throws dev.strata.api.MigrationDiscoveryException when the location cannot be read, naming it
   */
  SourceListing list();
}
