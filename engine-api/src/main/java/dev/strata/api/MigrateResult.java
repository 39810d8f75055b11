package dev.strata.api;

import java.util.List;

/**
 * What {@code migrate} did.
 *
 * @param applied the migrations applied, in order; empty when everything was up to date
 * @param lockTaken whether the migration lock was taken; {@code false} on the fast path, when
 *     nothing was pending and no lock was needed
 * @param durationMs wall time of the whole command
 */
public record MigrateResult(List<ExecutedMigration> applied, boolean lockTaken, long durationMs) {
  public MigrateResult {
    applied = List.copyOf(applied);
  }

  /** {@code applied 2 migrations (V7, V8) in 340 ms}, or {@code up to date, ...}. */
  public String summary() {
    return Summaries.of("applied", "migration", applied, durationMs);
  }
}
