package dev.strata.api;

import java.util.List;

/**
 * What {@code status} shows: one row per migration, in execution order (versioned ones by version,
 * then repeatable ones), including applied migrations whose source is missing.
 *
 * @param migrations the rows
 */
public record StatusReport(List<MigrationInfo> migrations) {
  public StatusReport {
    migrations = List.copyOf(migrations);
  }

  /** Whether nothing is pending, failed, edited or missing. */
  public boolean isUpToDate() {
    return migrations.stream()
        .allMatch(
            m -> m.state() == MigrationState.APPLIED || m.state() == MigrationState.BASELINED);
  }
}
