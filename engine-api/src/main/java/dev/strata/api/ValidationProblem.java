package dev.strata.api;

import org.jspecify.annotations.Nullable;

/**
 * One disagreement between sources and history.
 *
 * @param kind what kind of disagreement
 * @param version the migration's version, or {@code null} for a repeatable migration
 * @param description the migration's description
 * @param message a sentence naming the migration and saying what to do
 */
public record ValidationProblem(
    Kind kind, @Nullable MigrationVersion version, String description, String message) {

  /** The kinds of disagreement. */
  public enum Kind {
    /** An applied migration's source changed. */
    EDITED,
    /** An applied migration has no source any more. */
    MISSING,
    /** A migration's last attempt failed. */
    FAILED,
    /** A pending migration is older than the newest applied one. */
    OUT_OF_ORDER,
    /** A migration is pending (a problem only when up to date is required). */
    PENDING,
    /** A down migration is needed but has no script. */
    NO_DOWN_SCRIPT,
    /** {@code migrate --phase contract} found an expand migration pending before it. */
    EXPAND_PENDING
  }
}
