package dev.strata.core.internal.history;

import dev.strata.api.HistoryAction;
import dev.strata.api.HistoryEntry;
import dev.strata.api.MigrationId;
import org.jspecify.annotations.Nullable;

/**
 * A history row as planning reads it: what the row did and to which migration, without who did it,
 * when, or how long it took. {@code migrate} plans from these alone; every start of every replica
 * reads the whole table, and decoding the audit columns (MySQL Connector/J builds a {@code
 * Calendar} per timestamp) cost more than the rest.
 *
 * @param statementsApplied statements completed; negative while one runs (see the executor)
 */
public record PlanningRow(
    long rank,
    MigrationId id,
    HistoryAction action,
    String script,
    @Nullable String checksum,
    boolean success,
    int statementsApplied) {

  /** The planning part of a whole row. */
  public static PlanningRow of(HistoryEntry e) {
    return new PlanningRow(
        e.rank(), e.id(), e.action(), e.script(), e.checksum(), e.success(), e.statementsApplied());
  }
}
