package dev.strata.api;

import java.util.List;

/**
 * What {@code down} did.
 *
 * @param reverted the migrations reverted, newest first
 * @param durationMs wall time of the whole command
 */
public record DownResult(List<ExecutedMigration> reverted, long durationMs) {
  public DownResult {
    reverted = List.copyOf(reverted);
  }

  /** {@code reverted 1 migration (V8) in 40 ms}. */
  public String summary() {
    return Summaries.of("reverted", "migration", reverted, durationMs);
  }
}
