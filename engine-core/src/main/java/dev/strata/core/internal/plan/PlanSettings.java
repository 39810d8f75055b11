package dev.strata.core.internal.plan;

import dev.strata.api.MigrationPhase;
import dev.strata.api.MigrationVersion;
import org.jspecify.annotations.Nullable;

/**
 * The options that change what is pending.
 *
 * @param target apply nothing newer than this version; {@code null} for the latest
 * @param outOfOrder apply pending migrations older than the newest applied one instead of refusing
 * @param phase apply only this expand/contract phase; {@code null} for every migration in order
 */
public record PlanSettings(
    @Nullable MigrationVersion target, boolean outOfOrder, @Nullable MigrationPhase phase) {

  /** Settings for every phase. */
  public PlanSettings(@Nullable MigrationVersion target, boolean outOfOrder) {
    this(target, outOfOrder, null);
  }
}
