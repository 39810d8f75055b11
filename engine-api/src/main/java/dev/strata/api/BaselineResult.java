package dev.strata.api;

/**
 * What {@code baseline} recorded.
 *
 * @param version versions up to and including this one count as applied from now on
 */
public record BaselineResult(MigrationVersion version) {}
