package dev.strata.api;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code status}: a migration, its state, and when and by whom it was last applied.
 *
 * @param id the migration
 * @param state its state
 * @param origin the source file, {@code null} when no source has it ({@link
 *     MigrationState#MISSING})
 * @param appliedAt when it was last applied, {@code null} when never
 * @param appliedBy the database user that applied it, {@code null} when never
 * @param durationMs how long applying it took, {@code null} when never applied
 * @param phase its expand/contract phase, as its source says ({@code expand} when no source has it
 *     any more)
 * @param appliedInRun the run that last applied it, {@code null} when never or before runs were
 *     recorded
 * @param appliedInRelease that run's release label, {@code null} when none
 */
public record MigrationInfo(
    MigrationId id,
    MigrationState state,
    @Nullable String origin,
    @Nullable Instant appliedAt,
    @Nullable String appliedBy,
    @Nullable Long durationMs,
    MigrationPhase phase,
    @Nullable String appliedInRun,
    @Nullable String appliedInRelease) {

  /** A row without a run. */
  public MigrationInfo(
      MigrationId id,
      MigrationState state,
      @Nullable String origin,
      @Nullable Instant appliedAt,
      @Nullable String appliedBy,
      @Nullable Long durationMs,
      MigrationPhase phase) {
    this(id, state, origin, appliedAt, appliedBy, durationMs, phase, null, null);
  }
}
