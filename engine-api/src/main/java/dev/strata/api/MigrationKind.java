package dev.strata.api;

/** How a migration is scheduled. */
public enum MigrationKind {
  /** Applied once, in version order. */
  VERSIONED,
  /** Has no version; re-applied after the versioned ones whenever its checksum changes. */
  REPEATABLE
}
