package dev.strata.api;

/** What one row of the history table records. */
public enum HistoryAction {
  /** A migration was applied (or its application failed). */
  APPLY,
  /** A migration was reverted by its down script (or the revert failed). */
  REVERT,
  /**
   * An existing database was adopted. Without a checksum ({@code baseline --version}): versions up
   * to this one count as applied. With one ({@code baseline --from}): this migration, which another
   * tool applied, counts as applied.
   */
  BASELINE,
  /** {@code repair} cleared a failed attempt after the database was fixed by hand. */
  CLEAR_FAILED,
  /** {@code repair} accepted the edited source of an applied migration. */
  REALIGN_CHECKSUM
}
