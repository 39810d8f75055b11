package dev.strata.spi;

/**
 * Creates a {@link Dialect}; registered in {@code
 * META-INF/services/dev.strata.spi.DialectProvider}. If two providers support the same database,
 * Strata refuses to choose and names both; force one with the {@code dialect} option.
 */
public interface DialectProvider {
  /** The name users force the dialect with, e.g. {@code postgresql}. */
  String name();

  /** Whether this dialect handles the database a connection reports. */
  boolean supports(DatabaseProduct product);

  /** A dialect for that database. */
  Dialect create(DatabaseProduct product);
}
