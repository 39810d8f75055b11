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
 * @param status whether to build the status rows; {@code migrate} reports none, and a row needs its
 *     script's phase, read from the script's header
 */
public record PlanSettings(
    @Nullable MigrationVersion target,
    boolean outOfOrder,
    @Nullable MigrationPhase phase,
    boolean status) {

  /** Settings with the status rows. */
  public PlanSettings(
      @Nullable MigrationVersion target, boolean outOfOrder, @Nullable MigrationPhase phase) {
    this(target, outOfOrder, phase, true);
  }

  /** Settings for every phase. */
  public PlanSettings(@Nullable MigrationVersion target, boolean outOfOrder) {
    this(target, outOfOrder, null, true);
  }
}
