package dev.strata.spi;

/**
 * Settings every source honours.
 *
 * @param strictNaming whether a file that follows no naming convention is an error instead of a
 *     warning
 */
public record SourceSettings(boolean strictNaming) {}
