package dev.strata.spi;

/**
 * Creates {@link MigrationSource}s for one location prefix; registered in {@code
 * META-INF/services/dev.strata.spi.MigrationSourceProvider}.
 */
public interface MigrationSourceProvider {
  /** The location prefix without its colon, e.g. {@code filesystem}. */
  String prefix();

  /**
   * A source for {@code path}, the location with its prefix removed.
   *
   * @param location the whole location, for messages
   */
  MigrationSource create(String location, String path, SourceSettings settings);
}
