package dev.strata.api;

/** The state of one migration, derived from its sources and the history table. */
public enum MigrationState {
  /** Applied and unchanged since. */
  APPLIED,
  /** Known from sources, not applied yet. */
  PENDING,
  /** Reverted by a down migration; applied again by the next {@code migrate}. */
  REVERTED,
  /** Covered by a baseline: recorded as present, never run. */
  BASELINED,
  /** Its last attempt failed; {@code repair} clears it once the database is fixed by hand. */
  FAILED,
  /** Applied, but its source has changed since (checksum differs). */
  EDITED,
  /** Applied, but no source has it any more. */
  MISSING,
  /** Pending, but older than the newest applied version; applied only with out-of-order. */
  OUT_OF_ORDER,
  /** Pending, but newer than the configured target. */
  ABOVE_TARGET;

  /** The lower-case name used in output, e.g. {@code out-of-order}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
